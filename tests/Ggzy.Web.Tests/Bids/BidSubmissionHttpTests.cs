using System.Net;
using System.Text;
using System.Text.Json;
using Ggzy.Platform.Data;
using Ggzy.Sealing.Pki;
using Ggzy.TestKit;
using Ggzy.Web.Tests.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;
using static Ggzy.Web.Tests.Bids.BidSteps;

namespace Ggzy.Web.Tests.Bids;

/// <summary>Sealed bids over HTTP before the deadline: receipts, idempotent retries, replacement, withdrawal, every refusal.</summary>
public sealed class BidSubmissionHttpTests(GgzyApp app) : IClassFixture<GgzyApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Submission_IsAnsweredWithAReceiptSignedByThePlatform_AndTheStoredEnvelopeIsTheOneSent()
    {
        var (lotId, lotCode) = await SchoolLotAsync(app);
        var bidder = await app.SignInAsync("bidder");
        var envelope = Seal(app, "bidder", lotCode);

        var receipt = await ReceiptOfAsync(await SubmitAsync(bidder, lotId, envelope));

        var signed = receipt.GetProperty("receiptJson").GetString()!;
        var content = JsonDocument.Parse(signed).RootElement;
        content.GetProperty("format").GetString().ShouldBe("ggzy.bid-receipt.v1");
        content.GetProperty("lotCode").GetString().ShouldBe(lotCode);
        content.GetProperty("digest").GetString().ShouldBe(DigestOf(envelope));
        content.GetProperty("size").GetInt64().ShouldBe(envelope.LongLength);
        content.GetProperty("bidderCreditCode").GetString().ShouldBe(CreditCodeOf(DemoIdentity(app, "bidder").Certificate));
        var key = await (await bidder.GetPathAsync("/api/v1/trading/bids/receipt-key")).JsonAsync();
        var publicKey = PublicKey.Parse(Encoding.ASCII.GetBytes(key.GetProperty("publicKeyPem").GetString()!));
        publicKey.Verify(Encoding.UTF8.GetBytes(signed), Convert.FromBase64String(receipt.GetProperty("signature").GetString()!)).ShouldBeTrue();
        publicKey.Fingerprint.ShouldBe(receipt.GetProperty("keyFingerprint").GetString());

        var bidId = content.GetProperty("bidId").GetString()!;
        var stored = Path.Combine(app.Database.DataDirectory, "bids", lotId, bidId + ".gse");
        (await File.ReadAllBytesAsync(stored, Ct)).ShouldBe(envelope);
        var mine = await (await bidder.GetPathAsync($"/api/v1/trading/lots/{lotId}/bids/mine")).JsonAsync();
        mine.GetProperty("current").GetProperty("receipt").GetProperty("bidId").GetString().ShouldBe(bidId);
    }

    [Fact]
    public async Task RetriedStartsAndCompletions_NeverMakeASecondBid()
    {
        var (lotId, lotCode) = await SchoolLotAsync(app);
        var bidder = await app.SignInAsync("bidder2");
        var envelope = Seal(app, "bidder2", lotCode);
        var before = await HistoryCountAsync(bidder, lotId);

        var first = await StartAsync(bidder, lotId, envelope);
        first.StatusCode.ShouldBe(HttpStatusCode.Created);
        var again = await StartAsync(bidder, lotId, envelope);
        again.StatusCode.ShouldBe(HttpStatusCode.OK);
        var id = (await first.JsonAsync()).GetProperty("uploadId").GetString()!;
        (await again.JsonAsync()).GetProperty("uploadId").GetString().ShouldBe(id);

        (await PutChunkAsync(bidder, id, 0, envelope.AsSpan(0, 1000))).StatusCode.ShouldBe(HttpStatusCode.OK);
        // The same chunk again (its answer was lost): refused, and the answer says where to continue.
        var replay = await PutChunkAsync(bidder, id, 0, envelope.AsSpan(0, 1000));
        await replay.ShouldBeRefusedAsync("BID_CHUNK_OFFSET", HttpStatusCode.Conflict);
        (await replay.JsonAsync()).GetProperty("received").GetInt64().ShouldBe(1000);
        await (await CompleteAsync(bidder, id)).ShouldBeRefusedAsync("BID_UPLOAD_INCOMPLETE", HttpStatusCode.Conflict);
        (await PutChunkAsync(bidder, id, 1000, envelope.AsSpan(1000))).StatusCode.ShouldBe(HttpStatusCode.OK);

        var receipt = await ReceiptOfAsync(await CompleteAsync(bidder, id));
        var repeated = await ReceiptOfAsync(await CompleteAsync(bidder, id));
        repeated.GetProperty("receiptJson").GetString().ShouldBe(receipt.GetProperty("receiptJson").GetString());
        var restarted = await StartAsync(bidder, lotId, envelope);
        restarted.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await restarted.JsonAsync()).GetProperty("receipt").GetProperty("receiptJson").GetString().ShouldBe(receipt.GetProperty("receiptJson").GetString());

        (await HistoryCountAsync(bidder, lotId)).ShouldBe(before + 1);
    }

    [Fact]
    public async Task ANewSubmission_ReplacesTheEarlierOne_WhichStaysInTheHistory_AndWithdrawalEndsIt()
    {
        var (lotId, lotCode) = await SchoolLotAsync(app);
        var bidder = await app.SignInAsync("bidder");
        var first = await ReceiptOfAsync(await SubmitAsync(bidder, lotId, Seal(app, "bidder", lotCode, "第一版报价")));
        var second = await ReceiptOfAsync(await SubmitAsync(bidder, lotId, Seal(app, "bidder", lotCode, "第二版报价")));
        var firstId = first.GetProperty("receipt").GetProperty("bidId").GetString();
        second.GetProperty("receipt").GetProperty("replaces").GetString().ShouldBe(firstId);

        var mine = await (await bidder.GetPathAsync($"/api/v1/trading/lots/{lotId}/bids/mine")).JsonAsync();
        var history = mine.GetProperty("history").EnumerateArray().ToList();
        history.Single(b => b.GetProperty("bidId").GetString() == firstId).GetProperty("status").GetString().ShouldBe("replaced");
        mine.GetProperty("current").GetProperty("receipt").GetProperty("bidId").GetString().ShouldBe(second.GetProperty("receipt").GetProperty("bidId").GetString());

        var withdrawn = await bidder.PostJsonAsync($"/api/v1/trading/lots/{lotId}/bids/withdraw", new { });
        withdrawn.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await withdrawn.JsonAsync()).GetProperty("status").GetString().ShouldBe("withdrawn");
        var after = await (await bidder.GetPathAsync($"/api/v1/trading/lots/{lotId}/bids/mine")).JsonAsync();
        after.GetProperty("current").ValueKind.ShouldBe(JsonValueKind.Null);
        await (await bidder.PostJsonAsync($"/api/v1/trading/lots/{lotId}/bids/withdraw", new { })).ShouldBeRefusedAsync("BID_NOTHING_TO_WITHDRAW");
    }

    [Fact]
    public async Task BrokenEnvelopes_AreRefusedWithTheirCode_AndLeaveNoBid()
    {
        var (lotId, lotCode) = await SchoolLotAsync(app);
        var bidder = await app.SignInAsync("bidder2");
        var good = Seal(app, "bidder2", lotCode);
        var before = await HistoryCountAsync(bidder, lotId);

        var notAnEnvelope = Encoding.UTF8.GetBytes(new string('x', 600));
        await (await SubmitAsync(bidder, lotId, notAnEnvelope, digest: new string('a', 64))).ShouldBeRefusedAsync("ENV_MAGIC");

        var cipherFlipped = (byte[])good.Clone();
        cipherFlipped[^5] ^= 0x40;
        await (await SubmitAsync(bidder, lotId, cipherFlipped)).ShouldBeRefusedAsync("ENV_CIPHER_DIGEST");

        var signatureFlipped = (byte[])good.Clone();
        var headerLength = (int)System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(good.AsSpan(8));
        signatureFlipped[8 + 4 + headerLength + 4 + 10] ^= 0x01;
        var signature = await SubmitAsync(bidder, lotId, signatureFlipped);
        (await signature.Content.ReadAsStringAsync(Ct)).ShouldContain("ENV_");

        var truncated = good[..(good.Length - 100)];
        await (await SubmitAsync(bidder, lotId, truncated, digest: DigestOf(good))).ShouldBeRefusedAsync("ENV_TRUNCATED");

        var other = Seal(app, "bidder2", lotCode);
        await (await SubmitAsync(bidder, lotId, other, digest: DigestOf(good))).ShouldBeRefusedAsync("BID_DIGEST_MISMATCH");

        (await HistoryCountAsync(bidder, lotId)).ShouldBe(before);
        var mine = await (await bidder.GetPathAsync($"/api/v1/trading/lots/{lotId}/bids/mine")).JsonAsync();
        mine.GetProperty("uploads").EnumerateArray().ShouldAllBe(u => u.GetProperty("state").GetString() != "open");
    }

    [Fact]
    public async Task EnvelopesForAnotherLot_OrAnotherBidder_OrWithAnUnboundCertificate_AreRefused()
    {
        var (lotId, lotCode) = await SchoolLotAsync(app);
        var bidder = await app.SignInAsync("bidder");
        var before = await HistoryCountAsync(bidder, lotId);

        await (await SubmitAsync(bidder, lotId, Seal(app, "bidder", "X" + lotCode[1..]))).ShouldBeRefusedAsync("BID_WRONG_LOT");
        await (await SubmitAsync(bidder, lotId, Seal(app, "bidder2", lotCode))).ShouldBeRefusedAsync("BID_WRONG_BIDDER");

        var (own, _) = DemoIdentity(app, "bidder");
        var now = TimeProvider.System.GetUtcNow();
        var ca = CertificateAuthority.CreateRoot(KeyAlgorithm.Sm2, "他人 CA", "他人", now.AddDays(-1), now.AddYears(1));
        var stranger = CertificateAuthority.Issue(ca, KeyAlgorithm.Sm2, new CertificateSubject("冒用", "冒用单位", CreditCodeOf(own)), now.AddDays(-1), now.AddYears(1));
        await (await SubmitAsync(bidder, lotId, Seal(stranger.Certificate, stranger.Key, lotCode, CreditCodeOf(own))))
            .ShouldBeRefusedAsync("BID_CERT_NOT_BOUND");

        (await HistoryCountAsync(bidder, lotId)).ShouldBe(before);
    }

    [Fact]
    public async Task BadDeclarationsAndForeignUploads_AreRefused_AndChangeNothing()
    {
        var (lotId, lotCode) = await SchoolLotAsync(app);
        var bidder = await app.SignInAsync("bidder");
        var envelope = Seal(app, "bidder", lotCode);

        await (await StartAsync(bidder, lotId, envelope, size: 5L << 40)).ShouldBeRefusedAsync("BID_SIZE");
        await (await StartAsync(bidder, lotId, envelope, digest: "not-a-digest")).ShouldBeRefusedAsync("BID_DIGEST");
        await (await StartAsync(bidder, lotId, envelope, fileName: "../../etc/passwd")).ShouldBeRefusedAsync("BID_FILE_NAME");

        var started = await (await StartAsync(bidder, lotId, envelope)).JsonAsync();
        var id = started.GetProperty("uploadId").GetString()!;
        await (await PutChunkAsync(bidder, id, 0, new byte[envelope.Length + 10])).ShouldBeRefusedAsync("BID_CHUNK_SIZE", HttpStatusCode.RequestEntityTooLarge);
        (await (await bidder.GetPathAsync($"/api/v1/trading/bids/uploads/{id}")).JsonAsync()).GetProperty("received").GetInt64().ShouldBe(0);

        // Another bidder cannot see, feed or complete this upload: it does not exist for them.
        var other = await app.SignInAsync("bidder2");
        (await other.GetPathAsync($"/api/v1/trading/bids/uploads/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await PutChunkAsync(other, id, 0, envelope)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await CompleteAsync(other, id)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await bidder.DeleteAsync(new Uri($"/api/v1/trading/bids/uploads/{id}", UriKind.Relative), Ct)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await (await PutChunkAsync(bidder, id, 0, envelope)).ShouldBeRefusedAsync("BID_UPLOAD_CLOSED", HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Lots_NotTakingBids_AndAccountsThatAreNotBidders_AreRefused()
    {
        var bidder = await app.SignInAsync("bidder");
        var lots = await (await bidder.GetPathAsync("/api/v1/trading/lots")).JsonAsync();
        var announced = lots.EnumerateArray().First(l => l.GetProperty("state").GetString() == "已发布公告");
        var envelope = Seal(app, "bidder", announced.GetProperty("lotTradeCode").GetString()!);
        await (await StartAsync(bidder, announced.GetProperty("lotId").GetString()!, envelope)).ShouldBeRefusedAsync("BID_LOT_CLOSED");

        var (lotId, _) = await SchoolLotAsync(app);
        foreach (var user in new[] { "tenderer", "agency", "clerk", "regulator" })
        {
            var staff = await app.SignInAsync(user);
            (await StartAsync(staff, lotId, envelope)).StatusCode.ShouldBe(HttpStatusCode.Forbidden, user);
        }
    }

    [Fact]
    public async Task BeforeTheDeadline_NobodyLearnsWhoBidOrHowMany()
    {
        var (lotId, lotCode) = await SchoolLotAsync(app);
        var bidder = await app.SignInAsync("bidder");
        await ReceiptOfAsync(await SubmitAsync(bidder, lotId, Seal(app, "bidder", lotCode)));

        foreach (var user in new[] { "tenderer", "agency", "clerk", "admin", "regulator", "supervisor.housing" })
        {
            var staff = await app.SignInAsync(user);
            await (await staff.GetPathAsync($"/api/v1/trading/lots/{lotId}/bids")).ShouldBeRefusedAsync("BID_SECRET", HttpStatusCode.Forbidden);
        }

        await using var scope = app.Services.CreateAsyncScope();
        var entries = await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().Set<Ggzy.Platform.Ledger.LedgerEntry>().AsNoTracking()
            .Where(e => e.Type.StartsWith("trading.bids.")).ToListAsync(Ct);
        entries.ShouldNotBeEmpty();
        entries.Where(e => e.Type != "trading.bids.closed").ShouldAllBe(e => e.Actor == "withheld" && !e.Subject.Contains(lotCode));
        var creditCode = CreditCodeOf(DemoIdentity(app, "bidder").Certificate);
        entries.ShouldAllBe(e => !e.Payload.Contains(lotCode) && !e.Payload.Contains(creditCode) && !e.Subject.Contains(creditCode));
    }

    private static async Task<int> HistoryCountAsync(HttpClient client, string lotId) =>
        (await (await client.GetPathAsync($"/api/v1/trading/lots/{lotId}/bids/mine")).JsonAsync()).GetProperty("history").GetArrayLength();
}
