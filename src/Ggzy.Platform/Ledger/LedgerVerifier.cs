using System.Diagnostics;
using System.Threading.Channels;
using Ggzy.Sealing;
using Microsoft.EntityFrameworkCore;

namespace Ggzy.Platform.Ledger;

/// <summary>
/// Re-verifies the whole Ledger from its stored rows (architecture.md §2): the sequence runs 1, 2, 3… without a gap,
/// each entry's previous hash is the stored hash of the entry before it (the genesis hash for the first), and each
/// stored hash recomputes from the entry's stored fields. Names the first bad sequence number.
/// </summary>
/// <remarks>
/// One reader streams the rows and checks the numbering; hashing, the costly part, runs on every core over batches of
/// consecutive entries, which need nothing but their predecessor's stored hash. The channel between them is bounded,
/// so memory stays flat however long the Ledger is.
/// </remarks>
public sealed class LedgerVerifier(DbContext db)
{
    public int BatchSize { get; init; } = 512;

    /// <summary>Hashing workers; the reader keeps a core of its own, since it is as busy as a worker.</summary>
    public int Parallelism { get; init; } = Math.Max(1, Environment.ProcessorCount - 1);

    public async Task<LedgerVerification> VerifyAsync(IProgress<LedgerVerifierProgress>? progress = null,
        CancellationToken ct = default)
    {
        var started = Stopwatch.GetTimestamp();
        var source = new LedgerVerifierSource(db);
        var findings = new LedgerVerifierFindings();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            var total = progress is null ? 0 : await source.LastSequenceAsync(ct);
            var (read, lastHash) = await ReadAndCheckAsync(source, findings, total, progress, ct);
            var elapsed = Stopwatch.GetElapsedTime(started);
            if (findings.First is not { } finding)
            {
                return new LedgerVerification(read, lastHash, elapsed, null);
            }

            var fault = await PlaceAsync(source, finding, ct);
            return new LedgerVerification(fault.Sequence - 1, "", Stopwatch.GetElapsedTime(started), fault);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private async Task<(long Read, string LastHash)> ReadAndCheckAsync(LedgerVerifierSource source,
        LedgerVerifierFindings findings, long total, IProgress<LedgerVerifierProgress>? progress, CancellationToken ct)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var channel = Channel.CreateBounded<LedgerVerifierBatch>(new BoundedChannelOptions(Math.Max(2, Parallelism * 2))
        {
            SingleWriter = true,
        });
        var workers = Enumerable.Range(0, Math.Max(1, Parallelism))
            .Select(_ => Task.Run(() => CheckAsync(channel.Reader, findings, stop), CancellationToken.None))
            .ToArray();

        long read = 0;
        var lastHash = LedgerHash.Genesis;
        try
        {
            await using var command = source.CreateReadAllCommand();
            await using var reader = await command.ExecuteReaderAsync(stop.Token);
            var batch = new List<LedgerEntry>(BatchSize);
            var batchPrior = LedgerHash.Genesis;
            while (await reader.ReadAsync(stop.Token))
            {
                var entry = source.Read(reader);
                var expected = read + 1;
                if (entry.Sequence >= findings.FirstSequence || expected >= findings.FirstSequence)
                {
                    break;
                }

                if (entry.Sequence != expected)
                {
                    findings.Report(new(OutOfSequence(expected, entry.Sequence)));
                    break;
                }

                batch.Add(entry);
                read = expected;
                lastHash = entry.Hash;
                if (batch.Count == BatchSize)
                {
                    await channel.Writer.WriteAsync(new LedgerVerifierBatch(batchPrior, batch), stop.Token);
                    batchPrior = lastHash;
                    batch = new List<LedgerEntry>(BatchSize);
                    progress?.Report(new LedgerVerifierProgress(read, total));
                }
            }

            if (batch.Count > 0)
            {
                await channel.Writer.WriteAsync(new LedgerVerifierBatch(batchPrior, batch), stop.Token);
            }

            progress?.Report(new LedgerVerifierProgress(read, total));
        }
        finally
        {
            channel.Writer.TryComplete();
            await Task.WhenAll(workers);
        }

        return (read, lastHash);
    }

    private static async Task CheckAsync(ChannelReader<LedgerVerifierBatch> batches, LedgerVerifierFindings findings,
        CancellationTokenSource stop)
    {
        var sm3 = new Sm3();
        try
        {
            await foreach (var batch in batches.ReadAllAsync(stop.Token))
            {
                batch.Check(findings, sm3);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The reader failed or the caller cancelled; the reader reports why.
        }
        catch
        {
            await stop.CancelAsync();
            throw;
        }
    }

    private static LedgerFault OutOfSequence(long expected, long found) => found > expected
        ? new LedgerFault(expected, LedgerFaultKind.Missing, found == expected + 1
            ? $"缺少第 {expected} 条记录（第 {expected - 1} 条之后是第 {found} 条）。"
            : $"缺少第 {expected} 至第 {found - 1} 条记录（第 {expected - 1} 条之后是第 {found} 条）。")
        : new LedgerFault(expected, LedgerFaultKind.OutOfOrder,
            $"第 {expected - 1} 条之后读到的是第 {found} 条，序号不再递增。");

    /// <summary>An entry that neither recomputes nor links is out of place when its predecessor is stored elsewhere.</summary>
    private static async Task<LedgerFault> PlaceAsync(LedgerVerifierSource source, LedgerVerifierFinding finding,
        CancellationToken ct)
    {
        if (finding.PreviousHash is null || finding.PreviousHash == LedgerHash.Genesis)
        {
            return finding.Fault;
        }

        var predecessor = await source.FindSequenceAsync(finding.PreviousHash, ct);
        var at = finding.Fault.Sequence;
        return predecessor is { } p && p != at - 1
            ? new LedgerFault(at, LedgerFaultKind.OutOfOrder,
                $"第 {at} 条位置上的记录本应接在现第 {p} 条记录之后，记录的序号被调换或移动过。")
            : finding.Fault;
    }
}
