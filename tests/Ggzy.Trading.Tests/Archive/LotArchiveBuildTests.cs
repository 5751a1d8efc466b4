using System.Text.Json;
using Ggzy.Platform.Blobs;
using Ggzy.Platform.Signing;
using Ggzy.Sealing.Archive;
using Ggzy.Trading.Contracts;
using Ggzy.Trading.Data;
using Ggzy.Trading.Domain.Archive;
using Ggzy.Trading.Domain.Schedule;
using Ggzy.Trading.Features.Bids;
using Ggzy.Trading.Tests.Opening;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ggzy.Trading.Tests.Archive;

/// <summary>
/// The procedure clock archives a failed or terminated lot one day after it closed (docs/archive.md §8): the package
/// holds the lot's record, verifies with the platform key and fails after one changed byte; the lot is 已归档 with one
/// Ledger entry carrying the package's SM3; an interrupted build leaves nothing and is built once by a later pass.
/// </summary>
public sealed class LotArchiveBuildTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task FailedLot_IsArchivedADayLater_ThePackageVerifies_AndOneChangedByteIsFound()
    {
        await using var host = await TradingTestHost.CreateAsync(Ct);
        var s = await new OpeningScenario(host).CreateAsync(Regime.Tender, bidders: 2);
        await s.ClockAtAsync(s.Deadline);
        (await StateAsync(host, s)).ShouldBe(LotState.Failed);

        (await s.ClockAtAsync(s.Deadline.AddHours(23))).ShouldBe(0, "the closing day is left to settle");
        (await s.ClockAtAsync(s.Deadline.AddDays(1).AddMinutes(1))).ShouldBe(1);
        (await s.RunClockAsync()).ShouldBe(0);
        (await StateAsync(host, s)).ShouldBe(LotState.Archived);

        var (archive, package, key) = await PackageAsync(host, s);
        archive.Outcome.ShouldBe(ArchiveOutcome.Failed);
        archive.RetentionYears.ShouldBeNull("工程招标 has no national number of years and none is configured");
        archive.RetentionBasis.ShouldBe(ArchiveRetentions.TenderWithoutRule);
        var verification = ArchiveVerifier.Verify(new MemoryStream(package), "lot.zip", key);
        verification.IsIntact.ShouldBeTrue(string.Join("\n", verification.Faults));
        var paths = verification.Manifest!.Entries.Select(e => e.Path).ToList();
        paths.ShouldContain(p => p.StartsWith("01-公告/", StringComparison.Ordinal));
        paths.Count(p => p.StartsWith("04-投标文件/", StringComparison.Ordinal) && p.EndsWith(".gse", StringComparison.Ordinal)).ShouldBe(2);
        paths.ShouldContain("05-开标记录/不予开标记录.json");
        paths.ShouldContain("11-交易记录/交易记录.json");
        verification.Manifest.Procedure.Outcome.ShouldBe("failed");

        // The Ledger extract lists the lot's entries with their chain data, the failure among them.
        var extract = JsonDocument.Parse(Read(package, "11-交易记录/交易记录.json")).RootElement;
        extract.GetProperty("format").GetString().ShouldBe("ggzy.ledger-extract.v1");
        var types = extract.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("type").GetString()).ToList();
        types.ShouldContain("trading.lot.failed");
        types.ShouldContain("trading.bids.closed");
        extract.GetProperty("entries").EnumerateArray().ShouldAllBe(e => e.GetProperty("hash").GetString()!.Length == 64);

        var entry = (await host.LedgerAsync("trading.lot.archived", Ct)).ShouldHaveSingleItem();
        JsonDocument.Parse(entry.Payload).RootElement.GetProperty("sm3").GetString().ShouldBe(archive.Digest);

        // One byte changed anywhere in a document is found and named.
        var changed = (byte[])package.Clone();
        var at = Array.IndexOf(changed, (byte)'{', 200);
        changed[at] ^= 0x01;
        var damaged = ArchiveVerifier.Verify(new MemoryStream(changed), "lot.zip", key);
        damaged.IsIntact.ShouldBeFalse();
        damaged.Faults.ShouldNotBeEmpty();
    }

    [Fact]
    public async Task TerminatedLot_HasItsNoticeAndRefunds_AndIsArchivedWithTheNotice()
    {
        await using var host = await TradingTestHost.CreateAsync(Ct);
        var s = await new OpeningScenario(host).CreateAsync(Regime.Procurement, bidders: 3);
        await host.RunAsync(sp => sp.GetRequiredService<IProcedures>().TerminateAsync(s.Agency, s.Lot.Id,
            new LotActionInput { Ground = "procurement-cancelled", Reason = "预算资金被收回。" }, Ct));
        (await StateAsync(host, s)).ShouldBe(LotState.Terminated);

        var notice = await host.RunAsync(sp => sp.GetRequiredService<TradingDbContext>().Announcements.AsNoTracking().Include(a => a.Lots)
            .SingleAsync(a => a.Kind == AnnouncementKind.Termination, Ct));
        notice.Status.ShouldBe(AnnouncementStatus.Published);
        notice.ChangeReason.ShouldBe("终止情形：因重大变故，采购任务取消（依据：《政府采购货物和服务招标投标管理办法》（财政部令第87号）第二十九条；"
            + "《中华人民共和国政府采购法》第三十六条第一款第（四）项）。说明：预算资金被收回。");
        notice.Changes!.ShouldContain("第87号）第二十九条");
        notice.Lots.ShouldHaveSingleItem().LotId.ShouldBe(s.Lot.Id);
        var public_ = await host.RunAsync(sp => sp.GetRequiredService<IPublishedAnnouncements>().FindAsync(notice.Id, Ct));
        public_.ShouldNotBeNull();
        (await host.RunAsync(sp => sp.GetRequiredService<TradingDbContext>().TradingNotices.CountAsync(n => n.LotId == s.Lot.Id, Ct))).ShouldBe(3);

        await s.ClockAtAsync(host.Clock.GetUtcNow().AddDays(1).AddMinutes(1));
        (await StateAsync(host, s)).ShouldBe(LotState.Archived);
        var (archive, package, key) = await PackageAsync(host, s);
        archive.Outcome.ShouldBe(ArchiveOutcome.Terminated);
        archive.RetentionYears.ShouldBe(15);
        archive.RetentionBasis.ShouldContain("第四十二条");
        var verification = ArchiveVerifier.Verify(new MemoryStream(package), "lot.zip", key);
        verification.IsIntact.ShouldBeTrue(string.Join("\n", verification.Faults));
        verification.Manifest!.Entries.ShouldContain(e => e.Path.StartsWith("01-公告/终止公告-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task InterruptedBuild_LeavesNothing_AndALaterPassBuildsOnce()
    {
        await using var host = await TradingTestHost.CreateAsync(Ct);
        var s = await new OpeningScenario(host).CreateAsync(Regime.Tender, bidders: 2);
        await s.ClockAtAsync(s.Deadline);

        // The first envelope is away while the package is written: the build stops part way.
        var envelope = await host.RunAsync(sp => Task.FromResult(sp.GetRequiredService<BidVault>().PathOf(s.Lot.Id, s.Bids[0].BidId)));
        File.Move(envelope, envelope + ".away");
        (await s.ClockAtAsync(s.Deadline.AddDays(2))).ShouldBe(0);
        (await StateAsync(host, s)).ShouldBe(LotState.Failed);
        (await host.RunAsync(sp => sp.GetRequiredService<TradingDbContext>().LotArchives.CountAsync(Ct))).ShouldBe(0);
        (await host.LedgerAsync("trading.lot.archived", Ct)).ShouldBeEmpty();

        File.Move(envelope + ".away", envelope);
        (await s.RunClockAsync()).ShouldBe(1);
        (await s.RunClockAsync()).ShouldBe(0);
        (await StateAsync(host, s)).ShouldBe(LotState.Archived);
        (await host.LedgerAsync("trading.lot.archived", Ct)).ShouldHaveSingleItem();
        var (_, package, key) = await PackageAsync(host, s);
        ArchiveVerifier.Verify(new MemoryStream(package), "lot.zip", key).IsIntact.ShouldBeTrue();
    }

    private static Task<LotState> StateAsync(TradingTestHost host, OpeningScenario s) => host.RunAsync(sp =>
        sp.GetRequiredService<TradingDbContext>().Lots.AsNoTracking().Where(l => l.Id == s.Lot.Id).Select(l => l.State).SingleAsync(Ct));

    private static Task<(LotArchive Archive, byte[] Package, Ggzy.Sealing.Pki.PublicKey Key)> PackageAsync(TradingTestHost host, OpeningScenario s) =>
        host.RunAsync(async sp =>
        {
            var archive = await sp.GetRequiredService<TradingDbContext>().LotArchives.AsNoTracking().SingleAsync(a => a.LotId == s.Lot.Id, Ct);
            await using var stream = (await sp.GetRequiredService<IBlobStore>().OpenReadAsync(new BlobId(archive.Digest), Ct))!;
            using var copy = new MemoryStream();
            await stream.CopyToAsync(copy, Ct);
            return (archive, copy.ToArray(), sp.GetRequiredService<PlatformSigner>().PublicKey);
        });

    private static string Read(byte[] package, string path)
    {
        using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(package));
        using var reader = new StreamReader(zip.GetEntry(path)!.Open());
        return reader.ReadToEnd();
    }
}
