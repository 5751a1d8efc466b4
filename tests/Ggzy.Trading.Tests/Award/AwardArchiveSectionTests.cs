using System.Text;
using System.Text.Json;
using Ggzy.Trading.Data;
using Ggzy.Trading.Domain.Archive;
using Ggzy.Trading.Domain.Award;
using Ggzy.Trading.Domain.Schedule;
using Ggzy.Trading.Features.Award;
using Ggzy.Trading.Tests.Opening;
using Microsoft.Extensions.DependencyInjection;

namespace Ggzy.Trading.Tests.Award;

/// <summary>
/// The award's part of a lot's archive package (docs/award.md §6): nothing before the award has a row; the publicity
/// exactly as published; the objections with their answers; the award notice byte for byte with the platform's
/// signature and the result; the filings after the report; the contract only once signed, exactly as signed, with its
/// signatures, publication and performance records.
/// </summary>
public sealed class AwardArchiveSectionTests
{
    private const string Publicity = """{"format":"ggzy.candidate-publicity.v1","candidates":[{"rank":1,"name":"宏远建设"}]}""";
    private const string Notice = """{"format":"ggzy.award-notice.v1","winner":"宏远建设"}""";
    private const string Contract = """{"format":"ggzy.contract.v1","amount":1234567.00}""";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Documents_FollowTheAward_ExactlyAsKept_AndTheContractOnlyOnceSigned()
    {
        await using var host = await TradingTestHost.CreateAsync(Ct);
        var s = await new OpeningScenario(host).CreateAsync(Regime.Tender, bidders: 2);
        var lotId = s.Lot.Id;
        var at = host.Clock.GetUtcNow();
        (await DocumentsAsync(host, lotId)).ShouldBeEmpty();

        // The publicity only.
        await host.RunAsync(sp =>
        {
            var db = sp.GetRequiredService<TradingDbContext>();
            db.LotAwards.Add(new LotAward
            {
                LotId = lotId,
                ReportId = Guid.NewGuid(),
                ReportDigest = new string('a', 64),
                ReportReceivedAt = at,
                PublicityJson = Publicity,
                PublicityStartsAt = at,
                PublicityEndsAt = at.AddDays(3),
                PublicityBy = "agency",
                Revision = 1,
            });
            return db.SaveChangesAsync(Ct);
        });
        var publicity = (await DocumentsAsync(host, lotId)).ShouldHaveSingleItem();
        publicity.Kind.ShouldBe(ArchiveDocumentKind.CandidatePublicity);
        Read(publicity).ShouldBe(Publicity);

        // An answered objection, the award with its signed notice, the report filed, a contract drafted but not signed.
        var signature = new byte[] { 0x30, 0x45, 0x02, 0x21, 0x00, 0xff };
        await host.RunAsync(async sp =>
        {
            var db = sp.GetRequiredService<TradingDbContext>();
            db.AwardObjections.Add(new AwardObjection
            {
                Id = Guid.NewGuid(),
                LotId = lotId,
                BidderEntityId = Guid.NewGuid(),
                BidderName = "恒泰建工",
                RaisedBy = "bidder2",
                Text = "第一名的项目负责人证书已过期。",
                ReceivedAt = at.AddDays(1),
                AnswerBy = DateOnly.FromDateTime(at.AddDays(4).UtcDateTime),
                Answer = "经核查，证书在有效期内。",
                AnsweredAt = at.AddDays(2),
                AnsweredBy = "agency",
            });
            var award = db.LotAwards.Single(a => a.LotId == lotId);
            award.WinnerName = "宏远建设";
            award.WinnerRank = 1;
            award.AwardedPrice = 1_234_567m;
            award.AwardedAt = at.AddDays(4);
            award.AwardedBy = "agency";
            award.NoticeJson = Notice;
            award.NoticeSignature = Convert.ToBase64String(signature);
            award.NoticeDigest = new string('b', 64);
            award.KeyFingerprint = new string('c', 64);
            award.ResultPublishedAt = at.AddDays(4);
            award.SupervisorReportOn = DateOnly.FromDateTime(at.AddDays(6).UtcDateTime);
            award.SupervisorReportRecipient = "安和市住房和城乡建设局";
            award.SupervisorReportReference = "AH-JS-2026-018";
            award.SupervisorReportRecordedBy = "agency";
            award.SupervisorReportRecordedAt = at.AddDays(6);
            db.AwardFilingCorrections.Add(new AwardFilingCorrection
            {
                Id = Guid.CreateVersion7(),
                LotId = lotId,
                Kind = AwardFilingKind.SupervisorReport,
                PreviousOn = DateOnly.FromDateTime(at.AddDays(5).UtcDateTime),
                CorrectedOn = award.SupervisorReportOn.Value,
                Reason = "依据回执更正提交日期",
                CorrectedBy = "clerk",
                CorrectedAt = at.AddDays(7),
            });
            award.Revision++;
            db.LotContracts.Add(new LotContract
            {
                LotId = lotId,
                DocumentJson = Contract,
                Digest = new string('d', 64),
                Amount = 1_234_567m,
                Terms = "工期 180 日历天。",
                DraftedAt = at.AddDays(5),
                DraftedBy = "agency",
                PurchaserSignedAt = at.AddDays(5),
                PurchaserSignedBy = "tenderer",
                Revision = 1,
            });
            return await db.SaveChangesAsync(Ct);
        });
        var documents = await DocumentsAsync(host, lotId);
        documents.Select(d => d.FileName).ShouldBe(["candidate-publicity.json", "result-objections.json", "award-notice.json", "award-notice.sig",
            "award-result.json", "award-filings.json"]);
        var objections = Json(documents[1]).EnumerateArray().ShouldHaveSingleItem();
        objections.GetProperty("answer").GetString().ShouldBe("经核查，证书在有效期内。");
        documents[2].Kind.ShouldBe(ArchiveDocumentKind.AwardNotice);
        Read(documents[2]).ShouldBe(Notice);
        Bytes(documents[3]).ShouldBe(signature);
        documents[4].Kind.ShouldBe(ArchiveDocumentKind.ResultNotice);
        var result = Json(documents[4]);
        result.GetProperty("winner").GetString().ShouldBe("宏远建设");
        result.GetProperty("notice").GetString().ShouldBe(new string('b', 64));
        var filings = Json(documents[5]);
        filings.GetProperty("supervisorReport").GetProperty("reference").GetString().ShouldBe("AH-JS-2026-018");
        // A corrected day is stated as such: the day first recorded and the correction with its reason.
        filings.GetProperty("supervisorReport").GetProperty("recordedOn").GetString()
            .ShouldBe(DateOnly.FromDateTime(at.AddDays(5).UtcDateTime).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        filings.GetProperty("supervisorReport").GetProperty("corrections").EnumerateArray().ShouldHaveSingleItem().GetProperty("reason").GetString()
            .ShouldBe("依据回执更正提交日期");
        filings.GetProperty("reportToPurchaser").ValueKind.ShouldBe(JsonValueKind.Null);

        // Signed by both, with a performance record: the contract exactly as signed and its record.
        await host.RunAsync(async sp =>
        {
            var db = sp.GetRequiredService<TradingDbContext>();
            var contract = db.LotContracts.Single(c => c.LotId == lotId);
            contract.SupplierSignedAt = at.AddDays(6);
            contract.SupplierSignedBy = "bidder";
            contract.SignedAt = at.AddDays(6);
            contract.Revision++;
            db.PerformanceRecords.Add(new PerformanceRecord
            {
                Id = Guid.NewGuid(),
                LotId = lotId,
                Kind = PerformanceKind.Acceptance,
                On = DateOnly.FromDateTime(at.AddDays(30).UtcDateTime),
                Text = "阶段验收合格",
                RecordedBy = "agency",
                RecordedAt = at.AddDays(30),
            });
            return await db.SaveChangesAsync(Ct);
        });
        documents = await DocumentsAsync(host, lotId);
        documents.Count.ShouldBe(8);
        documents[6].FileName.ShouldBe("contract.json");
        documents[6].Kind.ShouldBe(ArchiveDocumentKind.Contract);
        Read(documents[6]).ShouldBe(Contract);
        var record = Json(documents[7]);
        record.GetProperty("contract").GetString().ShouldBe(new string('d', 64));
        record.GetProperty("supplierSignedBy").GetString().ShouldBe("bidder");
        record.GetProperty("performance").EnumerateArray().ShouldHaveSingleItem().GetProperty("kind").GetString().ShouldBe("验收");
    }

    private static Task<IReadOnlyList<ArchiveDocument>> DocumentsAsync(TradingTestHost host, Guid lotId) =>
        host.RunAsync(sp => new AwardArchiveSection(sp.GetRequiredService<TradingDbContext>()).DocumentsAsync(lotId, Ct));

    private static byte[] Bytes(ArchiveDocument document)
    {
        using var stream = document.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static string Read(ArchiveDocument document) => Encoding.UTF8.GetString(Bytes(document));

    private static JsonElement Json(ArchiveDocument document) => JsonDocument.Parse(Bytes(document)).RootElement;
}
