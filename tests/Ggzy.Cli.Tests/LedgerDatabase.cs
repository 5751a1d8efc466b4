using Ggzy.Platform.Data;
using Ggzy.Platform.Ledger;
using Ggzy.TestKit;
using Microsoft.EntityFrameworkCore;
using Shouldly;
using Xunit;

namespace Ggzy.Cli.Tests;

/// <summary>A migrated test database (SQLite, or PostgreSQL under GGZY_TEST_DATABASE=Postgres) with ledger entries.</summary>
internal sealed class LedgerDatabase : IAsyncDisposable
{
    private LedgerDatabase(TestDatabase database) => Database = database;

    public TestDatabase Database { get; }

    public static async Task<LedgerDatabase> CreateAsync(int entries, int perTransaction = 1)
    {
        var database = new LedgerDatabase(await TestDatabase.CreateAsync());
        await using var db = database.CreateContext();
        await db.Database.MigrateAsync(TestContext.Current.CancellationToken);
        await database.AppendAsync(entries, perTransaction);
        return database;
    }

    public PlatformDbContext CreateContext() => new(new DbContextOptionsBuilder<PlatformDbContext>()
        .UseGgzyDatabase(Database.Provider, Database.ConnectionString, PlatformDbContext.HistoryTable)
        .Options);

    /// <summary>Appends through the real writer on the real clock, one transaction per <paramref name="perTransaction"/> entries.</summary>
    public async Task AppendAsync(int entries, int perTransaction = 1)
    {
        await using var db = CreateContext();
        var writer = new LedgerWriter(TimeProvider.System, new TestActors());
        for (var done = 0; done < entries; done += perTransaction)
        {
            var drafts = Enumerable.Range(done + 1, Math.Min(perTransaction, entries - done))
                .Select(i => new LedgerDraft("trading.bid.submitted", $"lot:{i % 7}",
                    new { lotId = i % 7, amount = i * 1000.5m, note = "投标文件已递交", bidder = "91110000MA01ABCD2X" }))
                .ToList();
            await writer.SaveChangesAsync(db, drafts, TestContext.Current.CancellationToken);
        }
    }

    /// <summary>Changes the database behind the application's back, as someone with direct access could.</summary>
    public async Task ExecuteAsync(string sql)
    {
        await using var db = CreateContext();
        await db.Database.OpenConnectionAsync(TestContext.Current.CancellationToken);
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        (await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken)).ShouldBe(1, sql);
    }

    /// <summary>The CLI's options that select this database.</summary>
    public string[] Select => Database.Provider == DatabaseProvider.Sqlite
        ? ["--data-dir", Database.DataDirectory]
        : ["--provider", "postgres", "--connection-string", Database.ConnectionString];

    public Task<CliRun> RunAsync(params string[] command) => CliRun.InvokeAsync([.. command, .. Select]);

    public ValueTask DisposeAsync() => Database.DisposeAsync();

    private sealed class TestActors : ICurrentActorAccessor
    {
        public CurrentActor Current { get; } = new("张三", "agency", "安和市公共资源交易中心", "192.0.2.8");
    }
}
