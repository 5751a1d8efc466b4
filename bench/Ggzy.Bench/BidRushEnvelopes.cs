using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json;
using Ggzy.TestKit.Bidders;

namespace Ggzy.Bench;

/// <summary>
/// The rush's envelopes, one per bidder, sealed with <c>SealedEnvelope.Seal</c> under the bidder's own certificate and
/// kept in a cache directory with a manifest: a later run (the other database, or the next day) reuses an envelope as
/// long as the lot code, the bidder's credit code and certificate and the target size are the same.
/// </summary>
/// <remarks>
/// Every envelope is a real, verifiable one with its own content key, IVs, header and signature. The one shortcut is
/// the plaintext: all bidders' documents are prefixes of one random buffer (a different key and IV per envelope still
/// give different ciphertexts). Sealing 5.5 GB with SM4 and HMAC-SM3 takes minutes on two cores, hence the cache.
/// </remarks>
internal static class BidRushEnvelopes
{
    private const string ManifestName = "envelopes.json";

    public static async Task<IReadOnlyList<BidEnvelope>> PrepareAsync(
        string directory, BidderKeyring keyring, string lotCode, IReadOnlyList<long> targetBytes, Action<string> log, CancellationToken ct)
    {
        Directory.CreateDirectory(directory);
        var manifestPath = Path.Combine(directory, ManifestName);
        var cached = File.Exists(manifestPath)
            ? JsonSerializer.Deserialize<List<CachedEnvelope>>(await File.ReadAllTextAsync(manifestPath, ct)) ?? []
            : [];
        var byBidder = cached.ToDictionary(e => e.Bidder);
        var result = new BidEnvelope[keyring.Bidders.Count];
        var missing = new List<int>();
        for (var i = 0; i < result.Length; i++)
        {
            var bidder = keyring.Bidders[i];
            if (byBidder.TryGetValue(bidder.Number, out var entry) && entry.LotCode == lotCode && entry.CreditCode == bidder.CreditCode
                && entry.Certificate == bidder.Certificate.Certificate.Fingerprint && entry.TargetBytes == targetBytes[i]
                && File.Exists(entry.Path) && new FileInfo(entry.Path).Length == entry.Size)
            {
                result[i] = new BidEnvelope(bidder.Number, entry.Path, entry.Size, entry.Digest);
            }
            else
            {
                missing.Add(i);
            }
        }

        if (missing.Count > 0)
        {
            var clock = Stopwatch.StartNew();
            var documents = RandomNumberGenerator.GetBytes(BidEnvelopes.DocumentBytesFor(targetBytes.Max()));
            log($"  sealing {missing.Count} envelope(s), {missing.Sum(i => targetBytes[i]) / 1e9:F2} GB, into {directory}…");
            await Parallel.ForEachAsync(missing, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = ct },
                (i, _) =>
                {
                    var bidder = keyring.Bidders[i];
                    result[i] = BidEnvelopes.Seal(Path.Combine(directory, $"bidder{bidder.Number}.gse"), lotCode, bidder,
                        BidEnvelopes.PriceSheet(lotCode, bidder.CreditCode, "1000000.00", BidEnvelopes.PriceSheetBytes), documents, BidEnvelopes.DocumentBytesFor(targetBytes[i]));
                    return ValueTask.CompletedTask;
                });
            log($"  sealed in {clock.Elapsed.TotalSeconds:F0} s ({missing.Sum(i => result[i].Size) / 1e6 / clock.Elapsed.TotalSeconds:F0} MB/s)");
            foreach (var i in missing)
            {
                var bidder = keyring.Bidders[i];
                byBidder[bidder.Number] = new CachedEnvelope(bidder.Number, lotCode, bidder.CreditCode, bidder.Certificate.Certificate.Fingerprint,
                    targetBytes[i], result[i].Path, result[i].Size, result[i].Digest);
            }

            await File.WriteAllTextAsync(manifestPath, JsonSerializer.Serialize(byBidder.Values.OrderBy(e => e.Bidder).ToList()), ct);
        }
        else
        {
            log($"  {result.Length} envelope(s) from the cache in {directory}");
        }

        return result;
    }

    private sealed record CachedEnvelope(int Bidder, string LotCode, string CreditCode, string Certificate, long TargetBytes, string Path, long Size, string Digest);
}
