using System.Collections.Concurrent;
using Ggzy.Platform.Data;
using Ggzy.Sealing.Envelope;
using Ggzy.TestKit.Bidders;

namespace Ggzy.Bench;

/// <summary>
/// After the rush: every receipt against what the platform holds. The database is read directly (not through the
/// platform): each receipted bid is there with the envelope's digest and size, the lot holds exactly one bid per
/// bidder (none lost, none twice); and each stored envelope file has that digest and the very bytes that were sent.
/// </summary>
internal sealed record BidRushCheck(int Receipts, int BidsInDatabase, int FilesIdentical, IReadOnlyList<string> Problems)
{
    public bool Passed => Problems.Count == 0;

    public override string ToString() => Passed
        ? $"verified: {Receipts} receipts, {BidsInDatabase} bids in the database, {FilesIdentical} stored files identical to what was sent"
        : $"{Problems.Count} PROBLEM(S): {string.Join("; ", Problems.Take(5))}";

    public static async Task<BidRushCheck> RunAsync(
        DatabaseProvider provider, string connectionString, string dataDirectory, Guid lotId, IReadOnlyList<ReadyBidder> bidders,
        IReadOnlyList<BidEnvelope> envelopes, IReadOnlyList<SubmittedBid> bids, CancellationToken ct)
    {
        var problems = new ConcurrentQueue<string>();

        // The demo's own bids on the same lot are not the rush's.
        var ours = bidders.Select(b => b.Identity.CreditCode).ToHashSet(StringComparer.Ordinal);
        var stored = (await BidRushDatabase.BidsOfLotAsync(provider, connectionString, lotId, ct)).Where(b => ours.Contains(b.Bidder)).ToList();
        var byId = stored.ToDictionary(b => b.BidId);
        if (bids.Count != envelopes.Count)
        {
            problems.Enqueue($"{envelopes.Count - bids.Count} bidder(s) got no receipt");
        }

        if (stored.Count != envelopes.Count)
        {
            problems.Enqueue($"the lot holds {stored.Count} bids for {envelopes.Count} bidders");
        }

        foreach (var duplicate in stored.GroupBy(b => b.Bidder).Where(g => g.Count() > 1))
        {
            problems.Enqueue($"bidder {duplicate.Key} has {duplicate.Count()} bids");
        }

        foreach (var notCurrent in stored.Where(b => b.Status != StoredBid.Current))
        {
            problems.Enqueue($"bid {notCurrent.BidId} of {notCurrent.Bidder} has status {notCurrent.Status}, not current");
        }

        var identical = 0;
        await Parallel.ForEachAsync(bids, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = ct }, async (bid, token) =>
        {
            var receipt = bid.Receipt.Receipt;
            var name = $"bidder{bid.Envelope.BidderNumber}";
            if (receipt.Digest != bid.Envelope.Digest || receipt.Size != bid.Envelope.Size || receipt.LotId != lotId)
            {
                problems.Enqueue($"{name}: the receipt names {receipt.Digest}/{receipt.Size} on {receipt.LotId}");
            }

            if (!byId.TryGetValue(receipt.BidId, out var row))
            {
                problems.Enqueue($"{name}: receipted bid {receipt.BidId} is not in the database");
                return;
            }

            if (row.Digest != bid.Envelope.Digest || row.Size != bid.Envelope.Size)
            {
                problems.Enqueue($"{name}: the database holds {row.Digest}/{row.Size} for bid {receipt.BidId}");
            }

            var file = Path.Combine(dataDirectory, "bids", lotId.ToString(), $"{receipt.BidId}.gse");
            if (!File.Exists(file))
            {
                problems.Enqueue($"{name}: no stored envelope {file}");
                return;
            }

            if (SealedEnvelope.DigestOfFile(file) != bid.Envelope.Digest)
            {
                problems.Enqueue($"{name}: the stored envelope's digest differs");
            }
            else if (!await SameBytesAsync(file, bid.Envelope.Path, token))
            {
                problems.Enqueue($"{name}: the stored envelope differs from the one sent");
            }
            else
            {
                Interlocked.Increment(ref identical);
            }
        });
        return new BidRushCheck(bids.Count, stored.Count, identical, [.. problems]);
    }

    private static async Task<bool> SameBytesAsync(string a, string b, CancellationToken ct)
    {
        const int Block = 1 << 20;
        await using var x = new FileStream(a, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        await using var y = new FileStream(b, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        if (x.Length != y.Length)
        {
            return false;
        }

        var bx = new byte[Block];
        var by = new byte[Block];
        for (long done = 0; done < x.Length; done += Block)
        {
            var n = (int)Math.Min(Block, x.Length - done);
            await x.ReadExactlyAsync(bx.AsMemory(0, n), ct);
            await y.ReadExactlyAsync(by.AsMemory(0, n), ct);
            if (!bx.AsSpan(0, n).SequenceEqual(by.AsSpan(0, n)))
            {
                return false;
            }
        }

        return true;
    }
}
