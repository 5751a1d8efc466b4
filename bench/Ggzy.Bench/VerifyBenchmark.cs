using System.Diagnostics;
using Ggzy.Platform.Ledger;
using Ggzy.Sealing;
using Microsoft.EntityFrameworkCore;

namespace Ggzy.Bench;

internal sealed record VerifyResult(string Provider, long Entries, long Bytes, TimeSpan Verify, TimeSpan Sm3, TimeSpan Sm3AllCores)
{
    /// <summary>Verify throughput as a fraction of single-core SM3 over the same bytes (LedgerHash.Encode of each entry).</summary>
    public double Ratio => Sm3 / Verify;

    public double EntriesPerSecond => Entries / Verify.TotalSeconds;
}

/// <summary>
/// <c>ggzy ledger verify</c>'s engine over a Ledger of N entries, against raw SM3 over exactly the bytes it must hash,
/// measured in the same process, in alternating rounds, best of each.
/// </summary>
internal static class VerifyBenchmark
{
    private const int Rounds = 5;

    public static async Task<VerifyResult> RunAsync(BenchDatabase database, int entries, Action<string> log)
    {
        await FillAsync(database, entries, log);
        var encoded = await EncodeAllAsync(database);

        // Alternating rounds, best of each: load from other processes comes and goes, and should not fall on one side.
        TimeSpan verify = TimeSpan.MaxValue, sm3 = TimeSpan.MaxValue, parallel = TimeSpan.MaxValue;
        for (var round = 0; round < Rounds; round++)
        {
            verify = Min(verify, await VerifyOnceAsync(database, entries));
            sm3 = Min(sm3, Time(() => HashAll(encoded, 0, encoded.Count)));
            parallel = Min(parallel, Time(() => Parallel.For(0, Environment.ProcessorCount, part =>
                HashAll(encoded, part * encoded.Count / Environment.ProcessorCount, (part + 1) * encoded.Count / Environment.ProcessorCount))));
        }

        return new VerifyResult(database.Provider.ToString(), entries, encoded.Sum(b => (long)b.Length), verify, sm3, parallel);
    }

    /// <summary>Appends through the real LedgerWriter, a thousand entries per transaction to keep the set-up short.</summary>
    private static async Task FillAsync(BenchDatabase database, int entries, Action<string> log)
    {
        const int PerTransaction = 1000;
        var writer = new LedgerWriter(TimeProvider.System, new BenchEntries.Actors());
        var clock = Stopwatch.StartNew();
        for (var done = 0; done < entries; done += PerTransaction)
        {
            await using var db = database.CreateContext();
            var drafts = Enumerable.Range(done, Math.Min(PerTransaction, entries - done)).Select(i => BenchEntries.Draft(i)).ToList();
            await writer.SaveChangesAsync(db, drafts, CancellationToken.None);
        }

        log($"  {entries} entries written in {clock.Elapsed.TotalSeconds:F1} s");
    }

    private static async Task<List<byte[]>> EncodeAllAsync(BenchDatabase database)
    {
        await using var db = database.CreateContext();
        var encoded = new List<byte[]>();
        await foreach (var e in db.LedgerEntries.AsNoTracking().OrderBy(e => e.Sequence).AsAsyncEnumerable())
        {
            encoded.Add(LedgerHash.Encode(e.PreviousHash, e.Sequence, e.RecordedAt, e.Actor, e.Role, e.Organization,
                e.ClientIp, e.Type, e.Subject, e.Payload));
        }

        return encoded;
    }

    private static void HashAll(List<byte[]> encoded, int from, int to)
    {
        var sm3 = new Sm3();
        Span<byte> digest = stackalloc byte[Sm3.DigestLength];
        for (var i = from; i < to; i++)
        {
            sm3.Append(encoded[i]);
            sm3.Finish(digest);
        }
    }

    private static async Task<TimeSpan> VerifyOnceAsync(BenchDatabase database, int entries)
    {
        await using var db = database.CreateContext();
        var result = await new LedgerVerifier(db).VerifyAsync();
        return result.IsIntact && result.Verified == entries
            ? result.Elapsed
            : throw new InvalidOperationException($"Verification of the benchmark ledger failed: {result.Fault}");
    }

    private static TimeSpan Time(Action action)
    {
        var start = Stopwatch.GetTimestamp();
        action();
        return Stopwatch.GetElapsedTime(start);
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
