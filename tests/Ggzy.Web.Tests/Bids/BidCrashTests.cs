using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using Ggzy.Sealing.Envelope;
using Ggzy.TestKit;
using Ggzy.TestKit.Bidders;
using Shouldly;
using Xunit;

namespace Ggzy.Web.Tests.Bids;

/// <summary>
/// Durability of bid submission (docs/bid-submission.md): a receipt is only sent once the envelope and its record are
/// durable. The platform runs as its own process; it is killed with SIGKILL while many bids are being uploaded at once,
/// some already receipted, others part way, and started again on the same database and data directory. Every receipt
/// given before the kill must name a bid the platform still holds, with its envelope on disk; and no envelope whose
/// upload did not complete may have become a bid.
/// </summary>
public sealed class BidCrashTests : IAsyncLifetime
{
    private const int Bidders = 8;
    private const int EnvelopesPerBidder = 3;
    private const int ChunkBytes = 256 << 10;

    private TestDatabase _database = null!;
    private PlatformProcess _platform = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        // The process starts from a copy of the seeded demo: the demo's seeding is not what these tests are about.
        _database = await TestDatabase.DemoCopyAsync();
        _platform = await PlatformProcess.StartAsync(PlatformProcessSettings.For(_database), Ct);
        Note("platform process started");
    }

    public async ValueTask DisposeAsync()
    {
        await _platform.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Sigkill_DuringConcurrentSubmissions_KeepsEveryReceiptedBid_AndNoIncompleteUploadBecomesABid()
    {
        var setup = await BidderSetup.RunAsync(_platform.BaseAddress, BidderKeyring.Create(Bidders, TimeProvider.System.GetUtcNow()), 4, Ct);
        Note($"bidders set up in {setup.Elapsed.TotalSeconds:F1} s");
        var envelopes = Seal(setup);
        Note($"{envelopes.Count} envelopes sealed");
        var outcomes = new ConcurrentDictionary<BidEnvelope, Outcome>();
        var receipts = new ConcurrentDictionary<BidEnvelope, SubmittedBid>();
        var midway = new ConcurrentDictionary<Guid, bool>();
        var killed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        // Every envelope is submitted at once; a bidder's later receipts replace its earlier bids. The first envelope of
        // each bidder is small, so receipts arrive while the larger ones are still part way: then the process is killed.
        using (var http = new HttpClient { BaseAddress = _platform.BaseAddress, Timeout = TimeSpan.FromSeconds(60) })
        {
            var client = new BidClient(http);
            var kill = Task.Run(async () =>
            {
                await killed.Task;
                await _platform.KillAsync();
            }, Ct);
            var submissions = envelopes.Select(e => Task.Run(async () =>
            {
                var bidder = setup.Bidders[e.BidderNumber - 1];
                outcomes[e] = Outcome.NotBegun;
                try
                {
                    receipts[e] = await BidSubmission.SubmitAsync(client, bidder.Token, setup.Lot.LotId, e, ChunkBytes, (upload, stage) =>
                    {
                        outcomes[e] = stage switch
                        {
                            SubmissionStage.Completing => Outcome.CompleteSent,
                            SubmissionStage.Receipted => Outcome.Receipted,
                            _ => Outcome.Incomplete,
                        };
                        midway[upload.UploadId] = stage == SubmissionStage.ChunkAcknowledged && upload.Received < upload.Size;
                        if (outcomes.Count(o => o.Value == Outcome.Receipted) >= 3 && midway.Count(m => m.Value) >= 3)
                        {
                            killed.TrySetResult();
                        }
                    }, Ct);
                }
                catch (BidRefusedException refused) when ((int)refused.Status < 500)
                {
                    // A refusal stores nothing and acknowledges nothing.
                    outcomes[e] = Outcome.Refused;
                }
                catch (Exception failed) when (failed is HttpRequestException or BidRefusedException or TaskCanceledException)
                {
                    // Cut off by the kill: as far as the client knows, it is where its last stage left it.
                }
            }, Ct)).ToList();
            await Task.WhenAll(submissions);
            killed.Task.IsCompleted.ShouldBeTrue("the process was to be killed while uploads were part way, but every upload ended first");
            await kill;
        }

        var receipted = outcomes.Where(o => o.Value == Outcome.Receipted).Select(o => o.Key).ToList();
        receipted.Count.ShouldBeGreaterThanOrEqualTo(3);
        outcomes.Count(o => o.Value is Outcome.Incomplete or Outcome.NotBegun).ShouldBeGreaterThanOrEqualTo(1, "some uploads must have been cut off part way");

        Note("killed with the submissions at: " + string.Join(", ", outcomes.GroupBy(o => o.Value).Select(g => $"{g.Key} {g.Count()}")));
        await _platform.StartAgainAsync(Ct);
        Note("restarted");

        using var after = new HttpClient { BaseAddress = _platform.BaseAddress };
        var bids = new BidClient(after);
        var held = new List<(BidEnvelope? Envelope, string Digest, Guid BidId, long Size, string Status)>();
        foreach (var bidder in setup.Bidders)
        {
            var mine = await bids.MineAsync(bidder.Token, setup.Lot.LotId, Ct);
            var sent = envelopes.Where(e => e.BidderNumber == bidder.Identity.Number).ToDictionary(e => e.Digest);
            var history = mine.GetProperty("history").EnumerateArray().ToList();
            foreach (var bid in history)
            {
                var digest = bid.GetProperty("digest").GetString()!;
                held.Add((sent.GetValueOrDefault(digest), digest, bid.GetProperty("bidId").GetGuid(), bid.GetProperty("size").GetInt64(),
                    bid.GetProperty("status").GetString()!));
            }

            if (history.Count > 0)
            {
                history.Count(b => b.GetProperty("status").GetString() == "current").ShouldBe(1, bidder.Identity.UserName);
                mine.GetProperty("current").ValueKind.ShouldBe(JsonValueKind.Object, bidder.Identity.UserName);
            }
        }

        // Every receipt names a bid the platform holds, with the envelope's digest and size, and its envelope file.
        foreach (var envelope in receipted)
        {
            var receipt = receipts[envelope].Receipt.Receipt;
            receipt.Digest.ShouldBe(envelope.Digest);
            held.ShouldContain(h => h.BidId == receipt.BidId && h.Digest == envelope.Digest && h.Size == envelope.Size,
                $"bid {receipt.BidId} of bidder {envelope.BidderNumber} was receipted before the kill");
        }

        // Every bid held is an envelope the client had sent whole, with its complete call; none is an upload cut off part way.
        foreach (var bid in held)
        {
            bid.Envelope.ShouldNotBeNull($"bid {bid.BidId} has a digest no client sent");
            outcomes[bid.Envelope].ShouldBeOneOf([Outcome.Receipted, Outcome.CompleteSent], $"bid {bid.BidId} was never completed by its client");
            bid.Size.ShouldBe(bid.Envelope.Size);
            await ShouldBeStoredAsync(setup.Lot.LotId, bid.BidId, bid.Envelope);
        }

        held.Count.ShouldBeGreaterThanOrEqualTo(receipted.Count);
        held.Count.ShouldBeLessThanOrEqualTo(receipted.Count + outcomes.Count(o => o.Value == Outcome.CompleteSent));
        held.Select(h => h.BidId).ShouldBeUnique();
        (await after.GetAsync(new Uri("/health/ready", UriKind.Relative), Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        Note($"{held.Count} bids held after the restart");
    }

    private static void Note(string message) =>
        TestContext.Current.TestOutputHelper?.WriteLine($"{TimeProvider.System.GetLocalNow():HH:mm:ss.f} {message}");

    /// <summary>The bid's envelope is in the data directory, whole, with its digest and every section's ciphertext intact.</summary>
    private async Task ShouldBeStoredAsync(Guid lotId, Guid bidId, BidEnvelope envelope)
    {
        var path = Path.Combine(_database.DataDirectory, "bids", lotId.ToString(), $"{bidId}.gse");
        File.Exists(path).ShouldBeTrue($"the envelope of bid {bidId} is not at {path}");
        await using var file = File.OpenRead(path);
        file.Length.ShouldBe(envelope.Size);
        var inspection = SealedEnvelope.Inspect(file, envelope.Size);
        inspection.Digest.ShouldBe(envelope.Digest);
        inspection.Verify().IsValid.ShouldBeTrue();
    }

    /// <summary>Three envelopes per bidder: the first of 1 MB, the others of 2–3 MB, each a real sealed envelope of its own.</summary>
    private List<BidEnvelope> Seal(BidderSetupResult setup)
    {
        var directory = Path.Combine(_database.DataDirectory, "sent");
        Directory.CreateDirectory(directory);
        var documents = RandomNumberGenerator.GetBytes(3 << 20);
        var work = setup.Bidders.SelectMany(b => Enumerable.Range(0, EnvelopesPerBidder).Select(n => (Bidder: b.Identity, N: n))).ToList();
        var sealedEnvelopes = new BidEnvelope[work.Count];
        Parallel.For(0, work.Count, i =>
        {
            var (bidder, n) = work[i];
            var size = n == 0 ? 1 << 20 : (2 << 20) + RandomNumberGenerator.GetInt32(1 << 20);
            sealedEnvelopes[i] = BidEnvelopes.Seal(Path.Combine(directory, $"{bidder.Number}-{n}.gse"), setup.Lot.LotCode, bidder,
                BidEnvelopes.PriceSheet(setup.Lot.LotCode, bidder.CreditCode, "1000000.00", BidEnvelopes.PriceSheetBytes, $"{n}"), documents,
                BidEnvelopes.DocumentBytesFor(size));
        });
        return [.. sealedEnvelopes];
    }

    private enum Outcome
    {
        NotBegun,
        Incomplete,
        CompleteSent,
        Receipted,
        Refused,
    }
}
