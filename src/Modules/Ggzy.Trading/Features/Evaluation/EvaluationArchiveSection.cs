using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Ggzy.Trading.Data;
using Ggzy.Trading.Domain.Archive;
using Ggzy.Trading.Domain.Evaluation;
using Ggzy.Trading.Domain.Evaluation.Room;
using Ggzy.Trading.Features.Archive;
using Microsoft.EntityFrameworkCore;

namespace Ggzy.Trading.Features.Evaluation;

/// <summary>
/// The evaluation's part of a lot's archive package (R20, T21): the signed report, the criteria it applied, the members'
/// score sheets with every revision and justification, and the corrections and clarifications with the bidders' answers.
/// Nothing while the report is not signed.
/// </summary>
internal sealed class EvaluationArchiveSection(TradingDbContext db) : ILotArchiveSection
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = true,
    };

    public async Task<IReadOnlyList<ArchiveDocument>> DocumentsAsync(Guid lotId, CancellationToken ct)
    {
        var room = await db.EvaluationRooms.AsNoTracking().SingleOrDefaultAsync(r => r.LotId == lotId && r.Stage == RoomStage.Closed, ct);
        if (room?.SignedHtml is null)
        {
            return [];
        }

        var members = await db.EvaluationMembers.AsNoTracking().Where(m => m.LotId == lotId).ToListAsync(ct);
        var scores = await db.EvaluationScores.AsNoTracking().Where(s => s.LotId == lotId && s.SubmittedAt != null).ToListAsync(ct);
        var revisions = await db.EvaluationScoreRevisions.AsNoTracking().Where(r => r.LotId == lotId).OrderBy(r => r.At).ToListAsync(ct);
        var justifications = await db.EvaluationJustifications.AsNoTracking().Where(j => j.LotId == lotId).OrderBy(j => j.At).ToListAsync(ct);
        var reviews = await db.EvaluationReviews.AsNoTracking().Where(r => r.LotId == lotId).OrderBy(r => r.At).ToListAsync(ct);
        var corrections = await db.EvaluationCorrections.AsNoTracking().Where(c => c.LotId == lotId).OrderBy(c => c.ProposedAt).ToListAsync(ct);
        var clarifications = await db.EvaluationClarifications.AsNoTracking().Where(c => c.LotId == lotId).OrderBy(c => c.AskedAt).ToListAsync(ct);
        var name = members.ToDictionary(m => m.Id, m => m.DisplayName);
        var bidders = await db.EvaluationBids.AsNoTracking().Where(b => b.LotId == lotId).ToDictionaryAsync(b => b.BidId, b => b.BidderName, ct);
        var items = EvaluationCriteria.Parse(room.CriteriaJson).Criteria?.Items.ToDictionary(i => i.Code, i => i.Name, StringComparer.Ordinal)
            ?? new Dictionary<string, string>(StringComparer.Ordinal);
        var labels = new JustificationLabels(bidders, name, items, clarifications.ToDictionary(c => c.Id, c => (c.BidId, c.Question)));
        var tables = Bytes(new
        {
            criteriaDigest = room.CriteriaDigest,
            reviews = reviews.Select(r => new { stage = r.Stage.ToString(), member = name[r.MemberId], bid = r.BidId, r.Pass, r.Ground, r.Reason, r.At }),
            scores = scores.OrderBy(s => s.BidId).ThenBy(s => name[s.MemberId], StringComparer.Ordinal)
                .Select(s => new { member = name[s.MemberId], bid = s.BidId, points = JsonDocument.Parse(s.PointsJson).RootElement, s.SubmittedAt }),
            revisions = revisions.Select(r => new { member = name[r.MemberId], bid = r.BidId, item = r.ItemCode, r.From, r.To, r.Reason, r.At }),
            justifications = justifications.Select(j =>
            {
                var f = labels.Describe(j.FindingKey);
                return new { finding = j.FindingKey, kind = f.Kind, bidder = f.Bidder, member = f.Member, item = f.Item, j.Text, j.By, j.At };
            }),
        });
        var exchanges = Bytes(new
        {
            corrections = corrections.Select(c => new { bid = c.BidId, proposal = JsonDocument.Parse(c.ProposalJson).RootElement, state = c.State.ToString(), c.ProposedAt, c.DecidedAt, c.DecidedBy }),
            clarifications = clarifications.Select(c => new { bid = c.BidId, c.Question, c.AskedAt, c.Deadline, c.Answer, c.AnsweredAt, c.AnsweredBy }),
        });
        var report = Encoding.UTF8.GetBytes(room.SignedHtml);
        var criteria = Encoding.UTF8.GetBytes(room.CriteriaJson);
        var documents = new List<ArchiveDocument>
        {
            new(ArchiveDocumentKind.EvaluationReport, "evaluation-report.html", "评标报告（附签署页）", () => new MemoryStream(report, false)),
        };
        if (room.PlatformSignature is { } signed)
        {
            // The detached signature beside its document: `ggzy archive verify` checks it with the package's key (docs/archive.md §4).
            var signature = Convert.FromBase64String(signed);
            documents.Add(new ArchiveDocument(ArchiveDocumentKind.EvaluationReport, "evaluation-report.sig", "评标报告的平台签名", () => new MemoryStream(signature, false)));
        }

        documents.AddRange(
        [
            new ArchiveDocument(ArchiveDocumentKind.EvaluationReport, "evaluation-criteria.json", "评标办法", () => new MemoryStream(criteria, false)),
            new ArchiveDocument(ArchiveDocumentKind.EvaluationReport, "evaluation-scores.json", "评审和评分记录（含更正和认定）", () => new MemoryStream(tables, false)),
            new ArchiveDocument(ArchiveDocumentKind.EvaluationReport, "evaluation-clarifications.json", "澄清和报价修正", () => new MemoryStream(exchanges, false)),
        ]);
        return documents;
    }

    private static byte[] Bytes(object value) => JsonSerializer.SerializeToUtf8Bytes(value, Json);
}
