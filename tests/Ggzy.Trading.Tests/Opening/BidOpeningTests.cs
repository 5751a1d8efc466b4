using System.Text;
using System.Text.Json;
using Ggzy.Platform.Errors;
using Ggzy.Platform.Signing;
using Ggzy.Trading.Contracts;
using Ggzy.Trading.Data;
using Ggzy.Trading.Domain.Documents;
using Ggzy.Trading.Domain.Schedule;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ggzy.Trading.Tests.Opening;

/// <summary>
/// The opening step by step with the fake clock (docs/bid-opening.md): extraction at the deadline, the decryption
/// window and each failure cause, the read-out and its signed record, confirmation, objections, closing — each step at
/// its time and on the Ledger; fewer than three bids; and the extraction done once by racing and late clocks.
/// </summary>
public sealed class BidOpeningTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task FullOpening_EveryStepAtItsTime_EachFailureWithItsCause_AndTheSignedRecordPublished()
    {
        await using var host = await TradingTestHost.CreateAsync(Ct);
        var s = await new OpeningScenario(host).CreateAsync(Regime.Tender, bidders: 4);
        var (good, wrongKey, damaged, absent) = (s.Bids[0], s.Bids[1], s.Bids[2], s.Bids[3]);
        await s.OpeningsAsync(o => o.SetSettingsAsync(s.Agency, s.Lot.Id,
            new OpeningSettingsInput(["工期", "质量"], 20, "解密失败的投标人可在开标结束前到交易中心用备份文件解密。", 4_800_000m, 5_000_000m), Ct));

        // Before the deadline: nothing, for anyone.
        await s.ClockAtAsync(s.Deadline.AddMinutes(-1));
        var early = await Should.ThrowAsync<BusinessRuleException>(() => s.OpeningsAsync(o => o.HallAsync(s.Clerk, s.Lot.Id, Ct)));
        early.Code.ShouldBe("OPEN_NOT_YET");
        (await Should.ThrowAsync<BusinessRuleException>(() => s.OpeningsAsync(o =>
            o.DecryptAsync(good.Principal, s.Lot.Id, new OpeningDecryptInput(good.ContentKey()), Ct)))).Code.ShouldBe("OPEN_NOT_YET");

        // At the deadline the clock extracts the bids and the window opens for 20 minutes (the lot's setting).
        var extractedAt = s.Deadline.AddSeconds(30);
        await s.ClockAtAsync(extractedAt);
        var hall = await s.OpeningsAsync(o => o.HallAsync(s.Clerk, s.Lot.Id, Ct));
        hall.Stage.ShouldBe("decrypting");
        hall.ExtractedAt.ShouldBe(extractedAt);
        hall.DecryptionOpensAt.ShouldBe(extractedAt);
        hall.DecryptionEndsAt.ShouldBe(extractedAt.AddMinutes(20));
        hall.Bids.Select(b => b.BidderCreditCode).ShouldBe(s.Bids.Select(b => b.Identity.CreditCode));
        hall.Bids.ShouldAllBe(b => b.SealIntact && b.Outcome == "pending" && b.TotalPrice == null);
        hall.ReferencePrice.ShouldBe(4_800_000m);
        (await s.RunClockAsync()).ShouldBe(0);

        // Sign-in by session; the right key decrypts; the bidder sees its own price, nobody else sees it yet.
        await s.OpeningsAsync(o => o.SignInAsync(good.Principal, s.Lot.Id, new OpeningSignInInput(null, null), Ct));
        host.Clock.Advance(TimeSpan.FromMinutes(2));
        var opened = await s.OpeningsAsync(o => o.DecryptAsync(good.Principal, s.Lot.Id, new OpeningDecryptInput(good.ContentKey()), Ct));
        opened.Outcome.ShouldBe("decrypted");
        opened.TotalPrice.ShouldBe(good.Price);
        opened.Items!["工期"].ShouldBe("365日历天");
        (await s.OpeningsAsync(o => o.HallAsync(s.Clerk, s.Lot.Id, Ct))).Bids[0].TotalPrice.ShouldBeNull();
        (await Should.ThrowAsync<BusinessRuleException>(() => s.OpeningsAsync(o =>
            o.DecryptAsync(good.Principal, s.Lot.Id, new OpeningDecryptInput(good.ContentKey()), Ct)))).Code.ShouldBe("OPEN_DECIDED");

        // Another bidder's key does not open this bidder's envelope: refused, counted, still pending.
        var refused = await Should.ThrowAsync<BusinessRuleException>(() => s.OpeningsAsync(o =>
            o.DecryptAsync(wrongKey.Principal, s.Lot.Id, new OpeningDecryptInput(good.ContentKey()), Ct)));
        refused.Code.ShouldBe("OPEN_WRONG_KEY");
        refused.Status.ShouldBe(422);

        // The stored envelope of the third was damaged after its receipt: the platform's fault, 撤回 with a notice.
        var bytes = await File.ReadAllBytesAsync(damaged.Envelope, Ct);
        bytes[^10] ^= 0xFF;
        await File.WriteAllBytesAsync(damaged.Envelope, bytes, Ct);
        var platformFault = await s.OpeningsAsync(o => o.DecryptAsync(damaged.Principal, s.Lot.Id, new OpeningDecryptInput(damaged.ContentKey()), Ct));
        platformFault.Outcome.ShouldBe("withdrawn");
        platformFault.FailureCode.ShouldBe("OPEN_PLATFORM_FAULT");
        platformFault.FailureReason!.ShouldContain("第三十一条");
        platformFault.FallbackOffered.ShouldBeTrue();
        var notices = await host.RunAsync(sp => sp.GetRequiredService<TradingDbContext>().TradingNotices.AsNoTracking()
            .Where(n => n.OrganizationId == damaged.Organization.Id).ToListAsync(Ct));
        notices.ShouldHaveSingleItem().Kind.ShouldBe(TradingNoticeKind.OpeningWithdrawal);

        // The host cannot read out while bids are pending inside the window.
        (await Should.ThrowAsync<BusinessRuleException>(() => s.OpeningsAsync(o => o.ReadOutAsync(s.Clerk, s.Lot.Id, Ct)))).Code.ShouldBe("OPEN_PENDING");

        // One second before the window's end nothing happens; at its end the clock revokes the pending bids with their causes.
        await s.ClockAtAsync(extractedAt.AddMinutes(20).AddSeconds(-1));
        (await s.OpeningsAsync(o => o.HallAsync(s.Clerk, s.Lot.Id, Ct))).Stage.ShouldBe("decrypting");
        await s.ClockAtAsync(extractedAt.AddMinutes(20));
        hall = await s.OpeningsAsync(o => o.HallAsync(s.Clerk, s.Lot.Id, Ct));
        hall.Stage.ShouldBe("decryption-closed");
        hall.Bids.Select(b => (b.Outcome, b.FailureCode)).ShouldBe(
            [("decrypted", null), ("revoked", "OPEN_WRONG_KEY"), ("withdrawn", "OPEN_PLATFORM_FAULT"), ("revoked", "OPEN_NO_SHOW")]);
        hall.Bids.Skip(1).ShouldAllBe(b => b.FallbackOffered);
        (await Should.ThrowAsync<BusinessRuleException>(() => s.OpeningsAsync(o =>
            o.DecryptAsync(absent.Principal, s.Lot.Id, new OpeningDecryptInput(absent.ContentKey()), Ct)))).Code.ShouldBe("OPEN_STAGE");

        // The read-out: prices and the items disclosed to all, with the 标底; the record signed by the platform's key.
        var readOutAt = extractedAt.AddMinutes(25);
        host.Clock.SetUtcNow(readOutAt);
        hall = await s.OpeningsAsync(o => o.ReadOutAsync(s.Clerk, s.Lot.Id, Ct));
        hall.Stage.ShouldBe("read-out");
        hall.Bids[0].TotalPrice.ShouldBe(good.Price);
        hall.Bids[1].TotalPrice.ShouldBeNull();
        var record = hall.Record.ShouldNotBeNull();
        var recordJson = JsonDocument.Parse(record.RecordJson).RootElement;
        recordJson.GetProperty("format").GetString().ShouldBe("ggzy.opening-record.v1");
        recordJson.GetProperty("referencePrice").GetString().ShouldBe("4800000.00");
        recordJson.GetProperty("maxPrice").GetString().ShouldBe("5000000.00");
        recordJson.GetProperty("bids")[0].GetProperty("totalPrice").GetString().ShouldBe(good.Price);
        recordJson.GetProperty("bids")[3].GetProperty("failure").GetString().ShouldBe("OPEN_NO_SHOW");
        var signer = await host.RunAsync(sp => Task.FromResult(sp.GetRequiredService<PlatformSigner>()));
        signer.PublicKey.Verify(Encoding.UTF8.GetBytes(record.RecordJson), Convert.FromBase64String(record.Signature)).ShouldBeTrue();
        Sealing.Sm3.HashHex(Encoding.UTF8.GetBytes(record.RecordJson)).ShouldBe(record.Digest);

        // Confirmation by the present bidder; an absent one must sign in first; an objection must be answered before closing.
        await s.OpeningsAsync(o => o.ConfirmAsync(good.Principal, s.Lot.Id, new OpeningConfirmInput(record.Digest), Ct));
        (await Should.ThrowAsync<BusinessRuleException>(() => s.OpeningsAsync(o =>
            o.ConfirmAsync(wrongKey.Principal, s.Lot.Id, new OpeningConfirmInput(null), Ct)))).Code.ShouldBe("OPEN_NOT_PRESENT");
        var objection = await s.OpeningsAsync(o => o.RaiseObjectionAsync(wrongKey.Principal, s.Lot.Id,
            new OpeningObjectionInput("本单位的内容密钥是证书私钥解出的，请核查。"), Ct));
        (await Should.ThrowAsync<BusinessRuleException>(() => s.OpeningsAsync(o => o.CloseAsync(s.Clerk, s.Lot.Id, Ct)))).Code.ShouldBe("OPEN_OBJECTION_OPEN");
        await s.OpeningsAsync(o => o.AnswerObjectionAsync(s.Agency, s.Lot.Id, objection.Id,
            new OpeningAnswerInput("经核查，提交的密钥五次均不能解开信封，按招标文件视为撤销；可按补救方案处理。"), Ct));
        var closedAt = readOutAt.AddMinutes(10);
        host.Clock.SetUtcNow(closedAt);
        hall = await s.OpeningsAsync(o => o.CloseAsync(s.Clerk, s.Lot.Id, Ct));
        hall.Stage.ShouldBe("closed");
        hall.Bids.Select(b => b.DeemedAccepted).ShouldBe([false, true, true, true]);
        hall.Steps.Select(x => (x.Step, x.State)).ShouldBe(
            [("sign-in", "done"), ("extraction", "done"), ("decryption", "done"), ("read-out", "done"), ("confirmation", "done"), ("close", "done")]);
        hall.Steps.Single(x => x.Step == "close").At.ShouldBe(closedAt);
        hall.Steps.Single(x => x.Step == "read-out").At.ShouldBe(readOutAt);

        var published = await s.OpeningsAsync(o => o.PublishedAsync(s.Lot.Id, Ct));
        published.Record.Digest.ShouldBe(record.Digest);
        published.Objections.ShouldHaveSingleItem().Answer.ShouldNotBeNull();
        (await s.OpeningsAsync(o => o.PublishedAsync(Ct))).ShouldContain(p => p.LotId == s.Lot.Id);

        var ledger = (await host.LedgerAsync("trading.opening.", Ct)).Select(e => (e.Type, e.RecordedAt)).ToList();
        ledger.Select(e => e.Type).ShouldBe(
        [
            "trading.opening.settings-set", "trading.opening.extracted", "trading.opening.decryption-opened", "trading.opening.signed-in",
            "trading.opening.decrypted", "trading.opening.key-refused", "trading.opening.bid-withdrawn", "trading.opening.bid-revoked",
            "trading.opening.bid-revoked", "trading.opening.decryption-closed", "trading.opening.read-out", "trading.opening.confirmed",
            "trading.opening.objection-raised", "trading.opening.objection-answered", "trading.opening.closed", "trading.opening.published",
        ]);
        ledger.Single(e => e.Type == "trading.opening.extracted").RecordedAt.ShouldBe(extractedAt);
        ledger.Single(e => e.Type == "trading.opening.decryption-closed").RecordedAt.ShouldBe(extractedAt.AddMinutes(20));
    }

    [Theory]
    [InlineData(true, "招标投标法》第二十八条", "重新招标")]
    [InlineData(false, "第87号）第四十一条", "改变采购方式")]
    public async Task FewerThanThreeBids_NoOpening_TheLotFailsWithTheStatutoryReason_AndTheNextStepIsOffered(
        bool tender, string citation, string nextStep)
    {
        await using var host = await TradingTestHost.CreateAsync(Ct);
        var s = await new OpeningScenario(host).CreateAsync(tender ? Regime.Tender : Regime.Procurement, bidders: 2);

        await s.ClockAtAsync(s.Deadline);

        var hall = await s.OpeningsAsync(o => o.HallAsync(s.Agency, s.Lot.Id, Ct));
        hall.Stage.ShouldBe("not-opened");
        hall.NotOpenedReason!.ShouldContain("少于 3 个，不得开标");
        hall.NotOpenedReason!.ShouldContain(citation);
        hall.NextStep!.ShouldContain(nextStep);
        hall.DecryptionOpensAt.ShouldBeNull();
        var lot = await host.RunAsync(sp => sp.GetRequiredService<TradingDbContext>().Lots.AsNoTracking().Include(l => l.Steps)
            .SingleAsync(l => l.Id == s.Lot.Id, Ct));
        lot.State.ShouldBe(LotState.Failed);
        lot.Steps.OrderBy(x => x.At).Last().Reason.ShouldBe(hall.NotOpenedReason);
        (await Should.ThrowAsync<BusinessRuleException>(() => s.OpeningsAsync(o =>
            o.DecryptAsync(s.Bids[0].Principal, s.Lot.Id, new OpeningDecryptInput(s.Bids[0].ContentKey()), Ct)))).Code.ShouldBe("OPEN_STAGE");
        (await host.LedgerAsync("trading.lot.failed", Ct)).ShouldHaveSingleItem();
    }

    [Fact]
    public async Task AClockThatWasDownAtTheDeadline_CatchesUp_AndTwoNodesRacing_ExtractOnce_WithAFullWindow()
    {
        await using var host = await TradingTestHost.CreateAsync(Ct);
        var s = await new OpeningScenario(host).CreateAsync(Regime.Tender, bidders: 3);

        // No pass ran at the deadline (the platform was down); two nodes start three hours later and run at once.
        var late = s.Deadline.AddHours(3);
        host.Clock.SetUtcNow(late);

        // Until a pass runs, the hall says the bids are being extracted (the lot is still 投标中 in the database).
        var waiting = await Should.ThrowAsync<BusinessRuleException>(() => s.OpeningsAsync(o => o.HallAsync(s.Clerk, s.Lot.Id, Ct)));
        waiting.Code.ShouldBe("OPEN_NOT_EXTRACTED");
        waiting.Status.ShouldBe(409);
        await Task.WhenAll(s.RunClockAsync(), s.RunClockAsync(), s.RunClockAsync());
        await s.RunClockAsync();

        (await host.LedgerAsync("trading.opening.extracted", Ct)).ShouldHaveSingleItem();
        (await host.LedgerAsync("trading.opening.decryption-opened", Ct)).ShouldHaveSingleItem();
        (await host.LedgerAsync("trading.bids.closed", Ct)).ShouldHaveSingleItem();
        var hall = await s.OpeningsAsync(o => o.HallAsync(s.Clerk, s.Lot.Id, Ct));
        hall.Deadline.ShouldBe(s.Deadline);
        hall.DecryptionOpensAt.ShouldBe(late);
        hall.DecryptionEndsAt.ShouldBe(late.AddMinutes(30));
        hall.Bids.Count.ShouldBe(3);
    }

    [Fact]
    public async Task OpeningSettings_AreTheTenderersBeforeTheDeadline_AndLockedAtIt()
    {
        await using var host = await TradingTestHost.CreateAsync(Ct);
        var s = await new OpeningScenario(host).CreateAsync(Regime.Procurement, bidders: 0);

        var defaults = await s.OpeningsAsync(o => o.SettingsAsync(s.Agency, s.Lot.Id, Ct));
        defaults.IsDefault.ShouldBeTrue();
        defaults.DecryptionMinutes.ShouldBe(30);
        defaults.Items.ShouldContain("交货期（服务期）");
        (await Should.ThrowAsync<BusinessRuleException>(() => s.OpeningsAsync(o => o.SetSettingsAsync(s.Agency, s.Lot.Id,
            new OpeningSettingsInput(null, 5, null, null, null), Ct)))).Code.ShouldBe("OPEN_SETTINGS");
        (await Should.ThrowAsync<BusinessRuleException>(() => s.OpeningsAsync(o => o.SetSettingsAsync(s.Agency, s.Lot.Id,
            new OpeningSettingsInput(null, null, null, 6m, 5m), Ct)))).Code.ShouldBe("OPEN_SETTINGS");
        (await Should.ThrowAsync<BusinessRuleException>(() => s.OpeningsAsync(o => o.SettingsAsync(s.Clerk, s.Lot.Id, Ct)))).Status.ShouldBe(403);

        await s.OpeningsAsync(o => o.SetSettingsAsync(s.Agency, s.Lot.Id, new OpeningSettingsInput(["交货期"], 45, null, null, 900_000m), Ct));
        var ledger = (await host.LedgerAsync("trading.opening.settings-set", Ct)).ShouldHaveSingleItem();
        ledger.Payload.ShouldContain("\"referencePrice\":false");

        host.Clock.SetUtcNow(s.Deadline);
        (await Should.ThrowAsync<BusinessRuleException>(() => s.OpeningsAsync(o => o.SetSettingsAsync(s.Agency, s.Lot.Id,
            new OpeningSettingsInput(null, null, null, null, null), Ct)))).Code.ShouldBe("OPEN_SETTINGS_LOCKED");
    }
}
