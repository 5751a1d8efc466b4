using System.Text.Json;
using Shouldly;
using Xunit;

namespace Ggzy.Cli.Tests;

public sealed class LedgerVerifyTests
{
    private const string Table = "ledger_entries";

    [Fact]
    public async Task Verify_IntactLedger_ExitsZeroWithCountAndLastHash()
    {
        await using var ledger = await LedgerDatabase.CreateAsync(entries: 12);
        await using var db = ledger.CreateContext();
        var last = db.LedgerEntries.OrderByDescending(e => e.Sequence).First();

        var run = await ledger.RunAsync("ledger", "verify");

        run.ExitCode.ShouldBe(ExitCodes.Ok, run.Error);
        run.Out.ShouldStartWith("账本完整：共 12 条，末条哈希 " + last.Hash + "，用时 ");
    }

    [Fact]
    public async Task Verify_PayloadUpdated_NamesThatEntryAsTampered()
    {
        await using var ledger = await LedgerDatabase.CreateAsync(entries: 12);
        await ledger.ExecuteAsync($$"""UPDATE {{Table}} SET payload = '{"amount":1}' WHERE sequence = 7""");

        var run = await ledger.RunAsync("ledger", "verify");

        run.ExitCode.ShouldBe(ExitCodes.LedgerDamaged);
        run.Out.ShouldStartWith("账本受损：第 7 条记录被篡改。");
    }

    [Fact]
    public async Task Verify_MiddleEntryDeleted_NamesTheMissingNumber()
    {
        await using var ledger = await LedgerDatabase.CreateAsync(entries: 12);
        await ledger.ExecuteAsync($"DELETE FROM {Table} WHERE sequence = 5");

        var run = await ledger.RunAsync("ledger", "verify");

        run.ExitCode.ShouldBe(ExitCodes.LedgerDamaged);
        run.Out.ShouldStartWith("账本受损：第 5 条记录缺失。");
    }

    [Theory]
    [InlineData(4, 9)]
    [InlineData(6, 7)]
    public async Task Verify_TwoEntriesSwapped_NamesTheFirstAsOutOfOrder(int first, int second)
    {
        await using var ledger = await LedgerDatabase.CreateAsync(entries: 12);
        await ledger.ExecuteAsync($"UPDATE {Table} SET sequence = -1 WHERE sequence = {first}");
        await ledger.ExecuteAsync($"UPDATE {Table} SET sequence = {first} WHERE sequence = {second}");
        await ledger.ExecuteAsync($"UPDATE {Table} SET sequence = {second} WHERE sequence = -1");

        var run = await ledger.RunAsync("ledger", "verify");

        run.ExitCode.ShouldBe(ExitCodes.LedgerDamaged);
        run.Out.ShouldStartWith($"账本受损：第 {first} 条顺序错乱。");
    }

    [Fact]
    public async Task Verify_HashAltered_NamesThatEntry()
    {
        await using var ledger = await LedgerDatabase.CreateAsync(entries: 12);
        await ledger.ExecuteAsync($"UPDATE {Table} SET hash = '{new string('a', 64)}' WHERE sequence = 10");

        var run = await ledger.RunAsync("ledger", "verify");

        run.ExitCode.ShouldBe(ExitCodes.LedgerDamaged);
        run.Out.ShouldStartWith("账本受损：第 10 条记录被篡改。");
    }

    [Fact]
    public async Task Verify_FirstEntryDeleted_NamesNumberOne()
    {
        await using var ledger = await LedgerDatabase.CreateAsync(entries: 3);
        await ledger.ExecuteAsync($"DELETE FROM {Table} WHERE sequence = 1");

        var run = await ledger.RunAsync("ledger", "verify");

        run.ExitCode.ShouldBe(ExitCodes.LedgerDamaged);
        run.Out.ShouldStartWith("账本受损：第 1 条记录缺失。");
    }

    [Fact]
    public async Task Verify_Json_IntactAndDamaged_Parse()
    {
        await using var ledger = await LedgerDatabase.CreateAsync(entries: 5);

        var intact = await ledger.RunAsync("ledger", "verify", "--json");
        using (var json = JsonDocument.Parse(intact.Out))
        {
            intact.ExitCode.ShouldBe(ExitCodes.Ok);
            json.RootElement.GetProperty("status").GetString().ShouldBe("intact");
            json.RootElement.GetProperty("count").GetInt64().ShouldBe(5);
            json.RootElement.GetProperty("lastHash").GetString()!.Length.ShouldBe(64);
        }

        await ledger.ExecuteAsync($"UPDATE {Table} SET actor = 'mallory' WHERE sequence = 3");
        var damaged = await ledger.RunAsync("ledger", "verify", "--json");
        using (var json = JsonDocument.Parse(damaged.Out))
        {
            damaged.ExitCode.ShouldBe(ExitCodes.LedgerDamaged);
            json.RootElement.GetProperty("status").GetString().ShouldBe("damaged");
            json.RootElement.GetProperty("sequence").GetInt64().ShouldBe(3);
            json.RootElement.GetProperty("reason").GetString().ShouldBe("tampered");
            json.RootElement.GetProperty("reasonText").GetString().ShouldBe("记录被篡改");
            json.RootElement.GetProperty("verified").GetInt64().ShouldBe(2);
        }

        damaged.Error.ShouldBeEmpty();
    }

    [Fact]
    public async Task Verify_EmptyLedger_IsIntact()
    {
        await using var ledger = await LedgerDatabase.CreateAsync(entries: 0);

        var run = await ledger.RunAsync("ledger", "verify");

        run.ExitCode.ShouldBe(ExitCodes.Ok, run.Error);
        run.Out.ShouldStartWith("账本完整：共 0 条，末条哈希 " + new string('0', 64));
    }
}
