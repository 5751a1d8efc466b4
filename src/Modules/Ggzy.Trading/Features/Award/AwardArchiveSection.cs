using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Ggzy.Trading.Data;
using Ggzy.Trading.Domain.Archive;
using Ggzy.Trading.Domain.Award;
using Ggzy.Trading.Features.Archive;
using Microsoft.EntityFrameworkCore;

namespace Ggzy.Trading.Features.Award;

/// <summary>
/// The award's part of a lot's archive package: the candidate publicity as published, the objections to the result with
/// their answers, the award notice exactly as signed with the platform's signature, the result, the written report to
/// the supervisor (工程) or the report's delivery to the purchaser (采购) as recorded, the contract as signed, and its
/// performance records.
/// </summary>
internal sealed class AwardArchiveSection(TradingDbContext db) : ILotArchiveSection
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public async Task<IReadOnlyList<ArchiveDocument>> DocumentsAsync(Guid lotId, CancellationToken ct)
    {
        var award = await db.LotAwards.AsNoTracking().SingleOrDefaultAsync(a => a.LotId == lotId, ct);
        if (award is null)
        {
            return [];
        }

        var documents = new List<ArchiveDocument>();
        if (award.PublicityJson is { } publicity)
        {
            documents.Add(Text(ArchiveDocumentKind.CandidatePublicity, "candidate-publicity.json", "中标候选人公示", publicity));
        }

        var objections = await db.AwardObjections.AsNoTracking().Where(o => o.LotId == lotId).OrderBy(o => o.ReceivedAt).ToListAsync(ct);
        if (objections.Count > 0)
        {
            documents.Add(Text(ArchiveDocumentKind.CandidatePublicity, "result-objections.json", "对评标结果的异议及答复", JsonSerializer.Serialize(
                objections.Select(o => new { o.BidderName, o.RaisedBy, o.Text, o.ReceivedAt, answerBy = o.AnswerBy, o.Answer, o.AnsweredAt, o.AnsweredBy }), Json)));
        }

        if (award.NoticeJson is { } notice)
        {
            documents.Add(Text(ArchiveDocumentKind.AwardNotice, "award-notice.json", "中标通知书", notice));
            var signature = Convert.FromBase64String(award.NoticeSignature!);
            documents.Add(new ArchiveDocument(ArchiveDocumentKind.AwardNotice, "award-notice.sig", "中标通知书的平台签名", () => new MemoryStream(signature)));
            documents.Add(Text(ArchiveDocumentKind.ResultNotice, "award-result.json", "中标结果公告", JsonSerializer.Serialize(new
            {
                winner = award.WinnerName,
                rank = award.WinnerRank,
                price = award.AwardedPrice,
                skipReason = award.SkipReason?.Label(),
                explanation = award.SkipExplanation,
                publishedAt = award.ResultPublishedAt,
                notice = award.NoticeDigest,
            }, Json)));
        }

        if (award.SupervisorReportOn is not null || award.ReportDeliveredOn is not null)
        {
            // A corrected day is stated as such: the day in force, the day first recorded, and each correction with its reason.
            var corrections = await db.AwardFilingCorrections.AsNoTracking().Where(x => x.LotId == lotId).OrderBy(x => x.CorrectedAt).ToListAsync(ct);
            object[] Corrections(AwardFilingKind kind) => [.. corrections.Where(x => x.Kind == kind)
                .Select(x => new { previousOn = x.PreviousOn, correctedOn = x.CorrectedOn, reason = x.Reason, correctedBy = x.CorrectedBy, correctedAt = x.CorrectedAt })];
            DateOnly FirstRecorded(AwardFilingKind kind, DateOnly now) => corrections.FirstOrDefault(x => x.Kind == kind)?.PreviousOn ?? now;
            documents.Add(Text(ArchiveDocumentKind.Other, "award-filings.json", "书面报告与评标报告送达", JsonSerializer.Serialize(new
            {
                supervisorReport = award.SupervisorReportOn is { } on
                    ? new
                    {
                        on,
                        recipient = award.SupervisorReportRecipient,
                        reference = award.SupervisorReportReference,
                        recordedBy = award.SupervisorReportRecordedBy,
                        recordedAt = award.SupervisorReportRecordedAt,
                        recordedOn = FirstRecorded(AwardFilingKind.SupervisorReport, on),
                        corrections = Corrections(AwardFilingKind.SupervisorReport),
                    }
                    : null,
                reportToPurchaser = award.ReportDeliveredOn is { } delivered
                    ? new
                    {
                        on = delivered,
                        recipient = award.ReportDeliveredTo,
                        reference = (string?)null,
                        recordedBy = award.ReportDeliveryRecordedBy,
                        recordedAt = award.ReportDeliveryRecordedAt,
                        recordedOn = FirstRecorded(AwardFilingKind.ReportDelivery, delivered),
                        corrections = Corrections(AwardFilingKind.ReportDelivery),
                    }
                    : null,
            }, Json)));
        }

        var contract = await db.LotContracts.AsNoTracking().SingleOrDefaultAsync(c => c.LotId == lotId, ct);
        if (contract?.SignedAt is not null)
        {
            documents.Add(Text(ArchiveDocumentKind.Contract, "contract.json", "合同", contract.DocumentJson));
            var performance = await db.PerformanceRecords.AsNoTracking().Where(p => p.LotId == lotId).OrderBy(p => p.On).ThenBy(p => p.RecordedAt).ToListAsync(ct);
            documents.Add(Text(ArchiveDocumentKind.Contract, "contract-signatures-and-performance.json", "合同签署、公告和履约记录", JsonSerializer.Serialize(new
            {
                contract = contract.Digest,
                purchaserSignedAt = contract.PurchaserSignedAt,
                purchaserSignedBy = contract.PurchaserSignedBy,
                supplierSignedAt = contract.SupplierSignedAt,
                supplierSignedBy = contract.SupplierSignedBy,
                signedAt = contract.SignedAt,
                publishedAt = contract.PublishedAt,
                performance = performance.Select(p => new { kind = p.Kind.Label(), on = p.On, p.Amount, p.Text, p.RecordedBy, p.RecordedAt }),
            }, Json)));
        }

        return documents;
    }

    private static ArchiveDocument Text(ArchiveDocumentKind kind, string fileName, string title, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        return new ArchiveDocument(kind, fileName, title, () => new MemoryStream(bytes));
    }
}
