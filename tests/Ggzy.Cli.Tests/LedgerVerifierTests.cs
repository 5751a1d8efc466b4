using Ggzy.Platform.Ledger;
using Microsoft.EntityFrameworkCore;
using Shouldly;
using Xunit;

namespace Ggzy.Cli.Tests;

/// <summary>The verifier itself, with small batches so that faults fall on batch boundaries and across workers.</summary>
public sealed class LedgerVerifierTests
{
    [Fact]
    public async Task RewrittenEntryWithRecomputedHash_BreaksTheChainAtTheNextEntry()
    {
        await using var ledger = await LedgerDatabase.CreateAsync(entries: 10);
        await using (var db = ledger.CreateContext())
        {
            var entry = await db.LedgerEntries.AsNoTracking().SingleAsync(e => e.Sequence == 6, TestContext.Current.CancellationToken);
            entry.Payload = """{"amount":1}""";
            var hash = LedgerHash.Compute(entry);
            await db.LedgerEntries.Where(e => e.Sequence == 6).ExecuteUpdateAsync(
                s => s.SetProperty(e => e.Payload, entry.Payload).SetProperty(e => e.Hash, hash), TestContext.Current.CancellationToken);
        }

        var run = await ledger.RunAsync("ledger", "verify");

        run.ExitCode.ShouldBe(ExitCodes.LedgerDamaged);
        run.Out.ShouldStartWith("账本受损：第 7 条链断开。");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(17)]
    [InlineData(200)]
    public async Task TamperedEntry_IsFoundWhereverItFallsInTheBatches(long sequence)
    {
        await using var ledger = await LedgerDatabase.CreateAsync(entries: 200, perTransaction: 50);
        await ledger.ExecuteAsync($"UPDATE ledger_entries SET subject = 'lot:x' WHERE sequence = {sequence}");
        await using var db = ledger.CreateContext();

        var result = await new LedgerVerifier(db) { BatchSize = 4, Parallelism = 3 }.VerifyAsync(ct: TestContext.Current.CancellationToken);

        result.Fault.ShouldNotBeNull();
        result.Fault.Sequence.ShouldBe(sequence);
        result.Fault.Kind.ShouldBe(LedgerFaultKind.Tampered);
        result.Verified.ShouldBe(sequence - 1);
    }

    [Fact]
    public async Task SeveralFaults_TheEarliestIsNamed()
    {
        await using var ledger = await LedgerDatabase.CreateAsync(entries: 300, perTransaction: 100);
        await ledger.ExecuteAsync("DELETE FROM ledger_entries WHERE sequence = 250");
        await ledger.ExecuteAsync("UPDATE ledger_entries SET payload = '{}' WHERE sequence = 180");
        await ledger.ExecuteAsync("UPDATE ledger_entries SET actor = 'x' WHERE sequence = 37");
        await using var db = ledger.CreateContext();

        var result = await new LedgerVerifier(db) { BatchSize = 8, Parallelism = 4 }.VerifyAsync(ct: TestContext.Current.CancellationToken);

        result.Fault.ShouldNotBeNull();
        result.Fault.Sequence.ShouldBe(37);
    }

    [Fact]
    public async Task ConcurrentWriters_LeaveAGaplessVerifiableLedger()
    {
        await using var ledger = await LedgerDatabase.CreateAsync(entries: 0);
        await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() => ledger.AppendAsync(entries: 15))));
        await using var db = ledger.CreateContext();

        var result = await new LedgerVerifier(db).VerifyAsync(ct: TestContext.Current.CancellationToken);

        result.Fault.ShouldBeNull();
        result.Verified.ShouldBe(90);
    }

    [Fact]
    public async Task Progress_ReachesTheEnd()
    {
        await using var ledger = await LedgerDatabase.CreateAsync(entries: 40, perTransaction: 40);
        await using var db = ledger.CreateContext();
        var reports = new List<LedgerVerifierProgress>();

        await new LedgerVerifier(db) { BatchSize = 16 }.VerifyAsync(new SynchronousProgress(reports.Add), TestContext.Current.CancellationToken);

        reports.ShouldNotBeEmpty();
        reports[^1].ShouldBe(new LedgerVerifierProgress(40, 40));
    }

    private sealed class SynchronousProgress(Action<LedgerVerifierProgress> report) : IProgress<LedgerVerifierProgress>
    {
        public void Report(LedgerVerifierProgress value) => report(value);
    }
}
