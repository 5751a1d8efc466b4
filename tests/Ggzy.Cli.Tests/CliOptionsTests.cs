using System.Text.Json;
using Ggzy.Platform.Data;
using Ggzy.TestKit;
using Microsoft.Data.Sqlite;
using Shouldly;
using Xunit;

namespace Ggzy.Cli.Tests;

public sealed class CliOptionsTests
{
    [Fact]
    public async Task Migrate_NewDatabase_AppliesTheMigrationsOnce()
    {
        await using var database = await TestDatabase.CreateAsync();
        string[] select = database.Provider == DatabaseProvider.Sqlite
            ? ["--data-dir", database.DataDirectory]
            : ["--provider", "postgres", "--connection-string", database.ConnectionString];

        var first = await CliRun.InvokeAsync(["db", "migrate", .. select]);
        var second = await CliRun.InvokeAsync(["db", "migrate", "--json", .. select]);
        var verify = await CliRun.InvokeAsync(["ledger", "verify", .. select]);

        first.ExitCode.ShouldBe(ExitCodes.Ok, first.Error);
        first.Out.ShouldContain("PlatformDbContext");
        using var json = JsonDocument.Parse(second.Out);
        json.RootElement.GetProperty("status").GetString().ShouldBe("migrated");
        json.RootElement.GetProperty("applied").GetArrayLength().ShouldBe(0);
        verify.ExitCode.ShouldBe(ExitCodes.Ok, verify.Error);
    }

    [Fact]
    public async Task Verify_WithoutOptions_ReadsTheHostConfigurationOfTheWorkingDirectory()
    {
        await using var ledger = await LedgerDatabase.CreateAsync(entries: 3);
        if (ledger.Database.Provider != DatabaseProvider.Sqlite)
        {
            return;
        }

        var host = Directory.CreateTempSubdirectory("ggzy-cli-host-");
        try
        {
            await File.WriteAllTextAsync(Path.Combine(host.FullName, "appsettings.json"),
                JsonSerializer.Serialize(new { Database = new { Provider = "Sqlite", ledger.Database.DataDirectory } }),
                TestContext.Current.CancellationToken);

            var run = await CliRun.InvokeAsync(["ledger", "verify"], host.FullName);

            run.ExitCode.ShouldBe(ExitCodes.Ok, run.Error);
            run.Out.ShouldStartWith("账本完整：共 3 条");
        }
        finally
        {
            host.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Verify_MissingSqliteFile_ExitsOneInChinese_AndCreatesNothing()
    {
        var missing = Path.Combine(Path.GetTempPath(), "ggzy-missing-" + Guid.NewGuid().ToString("N"));

        var run = await CliRun.InvokeAsync(["ledger", "verify", "--data-dir", missing]);

        run.ExitCode.ShouldBe(ExitCodes.Error);
        run.Error.ShouldStartWith("错误：找不到数据库文件：");
        Directory.Exists(missing).ShouldBeFalse();
    }

    [Fact]
    public async Task Verify_UnreachablePostgres_ExitsOneWithJsonError()
    {
        var run = await CliRun.InvokeAsync(["ledger", "verify", "--json", "--provider", "postgres",
            "--connection-string", "Host=127.0.0.1;Port=1;Username=ggzy;Database=none;Timeout=3"]);

        run.ExitCode.ShouldBe(ExitCodes.Error);
        using var json = JsonDocument.Parse(run.Out);
        json.RootElement.GetProperty("status").GetString().ShouldBe("error");
        json.RootElement.GetProperty("message").GetString()!.ShouldStartWith("无法访问数据库：");
    }

    [Fact]
    public async Task Verify_UnmigratedDatabase_ExitsOne()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using (var connection = new SqliteConnection(database.ConnectionString))
        {
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA journal_mode=WAL; CREATE TABLE unrelated (id INTEGER)";
            await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        var run = await CliRun.InvokeAsync(["ledger", "verify", "--data-dir", database.DataDirectory]);

        run.ExitCode.ShouldBe(ExitCodes.Error);
        run.Error.ShouldContain("数据库尚未初始化");
    }

    [Theory]
    [InlineData("ledger", "verify", "--data-dir", "x", "--connection-string", "Data Source=y")]
    [InlineData("ledger", "verify", "--provider", "mysql")]
    [InlineData("ledger", "frobnicate")]
    public async Task WrongUsage_ExitsOne(params string[] args)
    {
        var run = await CliRun.InvokeAsync(args);

        run.ExitCode.ShouldBe(ExitCodes.Error);
        run.Error.ShouldNotBeEmpty();
    }
}
