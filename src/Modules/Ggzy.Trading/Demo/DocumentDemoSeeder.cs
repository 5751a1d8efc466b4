using System.Security.Cryptography;
using System.Text;
using Ggzy.Platform.Blobs;
using Ggzy.Platform.Data;
using Ggzy.Platform.Demo;
using Ggzy.Platform.Ledger;
using Ggzy.Trading.Data;
using Ggzy.Trading.Domain.Documents;
using Ggzy.Trading.Domain.Projects;
using Ggzy.Trading.Domain.Schedule;
using Ggzy.Trading.Features.Documents;
using Microsoft.EntityFrameworkCore;

namespace Ggzy.Trading.Demo;

/// <summary>
/// The demo's tender documents: files for the school's works lot (on sale) and the equipment procurement (announced),
/// downloads by both demo bidders, a clarification that reached them, and an objection of 宏远 that paused the lot and
/// was answered. Idempotent: nothing is done once a lot has a document.
/// </summary>
internal sealed class DocumentDemoSeeder(
    TradingDbContext db, PlatformDbContext platform, IBlobStore blobs, StatutoryTimingSource timings, LedgerWriter ledger,
    TimeProvider clock) : IDemoSeeder
{
    public int Order => 130;

    public async Task SeedAsync(CancellationToken ct)
    {
        if (await db.LotDocuments.AnyAsync(ct))
        {
            return;
        }

        var school = await db.Projects.AsNoTracking().SingleOrDefaultAsync(p => p.Name == ProjectDemoSeeder.SchoolProject, ct);
        var equipment = await db.Projects.AsNoTracking().SingleOrDefaultAsync(p => p.Name == ProjectDemoSeeder.EquipmentProject, ct);
        var bidderNames = DemoAccounts.Organizations.Where(o => o.Key is "bidder1" or "bidder2").Select(o => o.Name).ToList();
        var bidders = await platform.Organizations.AsNoTracking().Where(o => bidderNames.Contains(o.Name) && o.CreditCode != null).ToListAsync(ct);
        if (school is null || equipment is null || bidders.Count != 2)
        {
            return;
        }

        var works = await db.Lots.SingleAsync(l => l.ProjectId == school.Id && l.Number == 1, ct);
        var goods = await db.Lots.SingleAsync(l => l.ProjectId == equipment.Id && l.Number == 1, ct);
        var now = clock.GetUtcNow();
        var drafts = new List<LedgerDraft>();

        var tender = await FileAsync(works, LotDocumentKind.TenderDocuments, "招标文件（施工）.pdf", school.Name + " 施工 招标文件（演示）", works.AnnouncedAt!.Value, ct);
        var drawings = await FileAsync(works, LotDocumentKind.TenderDocuments, "工程量清单.xlsx", school.Name + " 工程量清单（演示）", works.AnnouncedAt!.Value, ct);
        await FileAsync(goods, LotDocumentKind.ProcurementDocuments, "采购文件.pdf", equipment.Name + " 采购文件（演示）", now.AddHours(-1), ct);

        foreach (var (bidder, index) in bidders.OrderBy(b => b.Name, StringComparer.Ordinal).Select((b, i) => (b, i)))
        {
            var user = index == 0 ? "bidder" : "bidder2";
            foreach (var file in new[] { tender, drawings })
            {
                var download = new DocumentDownload
                {
                    LotId = works.Id,
                    DocumentId = file.Id,
                    OrganizationId = bidder.Id,
                    CreditCode = bidder.CreditCode!,
                    OrganizationName = bidder.Name,
                    UserName = user,
                    At = now.AddDays(-2).AddHours(index),
                    Digest = file.Digest,
                    Nonce = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
                    Seal = "",
                };
                download.Seal = LotDocumentService.SealOf(download, works.TradeCode);
                db.DocumentDownloads.Add(download);
                drafts.Add(new LedgerDraft("trading.documents.downloaded", $"download:{download.Nonce}", new { seal = download.Seal }));
            }
        }

        var timing = await timings.ForRegionAsync(school.RegionCode, ct);
        var procedure = works.Procedure(school.Regime)!;
        var issuedAt = now.AddDays(-1);
        var adjustment = new DeadlineAdjuster(timing).Assess(procedure.Schedule, issuedAt);
        var clarification = new Clarification
        {
            Id = Guid.CreateVersion7(),
            LotId = works.Id,
            Number = 1,
            Text = "招标文件第三章“评标办法”第 2.2.4 条中“近三年”指 2023 年 1 月 1 日至投标截止之日；工程量清单第 12 项计量单位更正为“m³”。",
            IssuedAt = issuedAt,
            IssuedBy = "agency",
            PreviousDeadline = procedure.Schedule.Deadline,
            Deadline = procedure.Schedule.Deadline,
            AdjustmentReason = adjustment.Reason,
            AdjustmentCitation = adjustment.Citation,
            RecipientCount = bidders.Count,
        };
        db.Clarifications.Add(clarification);
        foreach (var bidder in bidders)
        {
            db.TradingNotices.Add(new TradingNotice
            {
                Id = Guid.CreateVersion7(),
                OrganizationId = bidder.Id,
                LotId = works.Id,
                Kind = TradingNoticeKind.Clarification,
                SourceId = clarification.Id,
                Title = $"{school.Name} {works.Name}：第 1 号澄清或者修改",
                Body = $"{clarification.Text}\n{adjustment.Reason}",
                CreatedAt = issuedAt,
            });
        }

        drafts.Add(new LedgerDraft("trading.documents.clarified", $"lot:{works.TradeCode}", new { lot = works.TradeCode, number = 1, demo = true }));

        var objector = bidders.OrderBy(b => b.Name, StringComparer.Ordinal).First();
        var raisedAt = now.AddDays(-2).AddHours(3);
        var assessment = new ObjectionWindow(timing).Assess(procedure.Schedule, raisedAt);
        var answeredAt = now.AddDays(-1).AddHours(2);
        procedure.Pause("对招标文件的异议待答复（《中华人民共和国招标投标法实施条例》第二十二条）", raisedAt);
        procedure.Resume("异议已答复（《中华人民共和国招标投标法实施条例》第二十二条）", answeredAt);
        works.Record(procedure, "agency");
        var objection = new Objection
        {
            Id = Guid.CreateVersion7(),
            LotId = works.Id,
            OrganizationId = objector.Id,
            CreditCode = objector.CreditCode!,
            OrganizationName = objector.Name,
            RaisedBy = "bidder",
            RaisedAt = raisedAt,
            Text = "招标文件要求投标人具有本市同类工程业绩，排斥外地投标人，请予修改。",
            AnswerBy = assessment.AnswerBy!.Value,
            PausedLot = true,
            Assessment = assessment.Message,
        };
        objection.Record("经核查，该条款已删除，业绩要求不限地域，详见第 1 号澄清。", "agency", answeredAt);
        db.Objections.Add(objection);
        db.TradingNotices.Add(new TradingNotice
        {
            Id = Guid.CreateVersion7(),
            OrganizationId = objector.Id,
            LotId = works.Id,
            Kind = TradingNoticeKind.ObjectionAnswer,
            SourceId = objection.Id,
            Title = $"{school.Name} {works.Name}：异议答复",
            Body = "贵单位提出的异议已答复：" + objection.Answer,
            CreatedAt = answeredAt,
        });
        drafts.Add(new LedgerDraft("trading.objection.answered", $"lot:{works.TradeCode}", new { lot = works.TradeCode, objection = objection.Id, demo = true }));

        await ledger.SaveChangesAsync(db, drafts, ct);
    }

    private async Task<LotDocument> FileAsync(Lot lot, LotDocumentKind kind, string name, string title, DateTimeOffset at, CancellationToken ct)
    {
        using var content = new MemoryStream(DemoPdf(title));
        var id = await blobs.PutAsync(content, ct);
        var document = new LotDocument
        {
            Id = Guid.CreateVersion7(),
            LotId = lot.Id,
            Kind = kind,
            FileName = name,
            ContentType = name.EndsWith(".pdf", StringComparison.Ordinal) ? "application/pdf" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            Size = content.Length,
            Digest = id.Value,
            UploadedAt = at,
            UploadedBy = "agency",
        };
        db.LotDocuments.Add(document);
        return document;
    }

    /// <summary>A one-page PDF whose text names the (fictional) file; enough to open in a viewer.</summary>
    private static byte[] DemoPdf(string title)
    {
        var text = Convert.ToHexString(Encoding.BigEndianUnicode.GetBytes(title));
        var body = "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
            + "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Contents 4 0 R>>endobj\n"
            + $"4 0 obj<</Length {text.Length + 40}>>stream\nBT /F1 14 Tf 72 770 Td <FEFF{text}> Tj ET\nendstream endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n";
        return Encoding.ASCII.GetBytes(body);
    }
}
