using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Ggzy.Platform.Blobs;
using Ggzy.Platform.Ledger;
using Ggzy.Trading.Contracts;
using Ggzy.Trading.Data;
using Ggzy.Trading.Domain.Archive;
using Ggzy.Trading.Domain.Bids;
using Ggzy.Trading.Features.Announcements;
using Ggzy.Trading.Features.Bids;
using Microsoft.EntityFrameworkCore;

namespace Ggzy.Trading.Features.Archive;

/// <summary>How the sections write their JSON files and open stored files.</summary>
internal static class ArchiveFiles
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        WriteIndented = true,
    };

    public static ArchiveDocument JsonFile(ArchiveDocumentKind kind, string fileName, string? title, object value)
    {
        var bytes = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(value, Json).Replace("\r\n", "\n", StringComparison.Ordinal) + "\n");
        return new ArchiveDocument(kind, fileName, title, () => new MemoryStream(bytes, writable: false));
    }

    public static ArchiveDocument TextFile(ArchiveDocumentKind kind, string fileName, string? title, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        return new ArchiveDocument(kind, fileName, title, () => new MemoryStream(bytes, writable: false));
    }

    /// <summary>A file of the blob store, opened when the package is written; a missing blob stops the build.</summary>
    public static ArchiveDocument Blob(IBlobStore blobs, ArchiveDocumentKind kind, string fileName, string? title, string digest) =>
        new(kind, fileName, title, () => blobs.OpenReadAsync(new BlobId(digest), CancellationToken.None).GetAwaiter().GetResult()
            ?? throw new InvalidOperationException($"The blob {digest} ({fileName}) is missing from the blob store."));
}

/// <summary>The announcements (and their amendments, attachments, invitations, termination notice) of the lot.</summary>
internal sealed class AnnouncementArchiveSection(TradingDbContext db, AnnouncementService announcements, IBlobStore blobs) : ILotArchiveSection
{
    public async Task<IReadOnlyList<ArchiveDocument>> DocumentsAsync(Guid lotId, CancellationToken ct)
    {
        var ids = db.AnnouncementLots.Where(l => l.LotId == lotId).Select(l => l.AnnouncementId);
        var list = await db.Announcements.AsNoTracking().Include(a => a.Lots).Include(a => a.Attachments).Include(a => a.Invitees)
            .AsSplitQuery()
            .Where(a => a.Status == AnnouncementStatus.Published && (ids.Contains(a.Id) || (a.AmendsId != null && ids.Contains(a.AmendsId.Value))))
            .OrderBy(a => a.PublishedAt).ThenBy(a => a.Id).ToListAsync(ct);
        var documents = new List<ArchiveDocument>();
        foreach (var a in list)
        {
            var view = await announcements.ViewAsync(a, publicOnly: false, ct);
            documents.Add(ArchiveFiles.JsonFile(ArchiveDocumentKind.Announcement, $"{a.Kind.Label()}-{a.Title}.json", $"{a.Kind.Label()}：{a.Title}", view));
            documents.AddRange(a.Attachments.OrderBy(f => f.UploadedAt).Select(f =>
                ArchiveFiles.Blob(blobs, ArchiveDocumentKind.Announcement, f.FileName, $"{a.Kind.Label()}附件：{f.FileName}", f.Digest)));
        }

        return documents;
    }
}

/// <summary>The tender documents, the clarifications and amendments with their files, and the objections with their answers.</summary>
internal sealed class DocumentArchiveSection(TradingDbContext db, IBlobStore blobs) : ILotArchiveSection
{
    public async Task<IReadOnlyList<ArchiveDocument>> DocumentsAsync(Guid lotId, CancellationToken ct)
    {
        var files = await db.LotDocuments.AsNoTracking().Where(d => d.LotId == lotId).OrderBy(d => d.UploadedAt).ThenBy(d => d.Id).ToListAsync(ct);
        var clarifications = await db.Clarifications.AsNoTracking().Where(c => c.LotId == lotId).OrderBy(c => c.Number).ToListAsync(ct);
        var objections = await db.Objections.AsNoTracking().Where(o => o.LotId == lotId).OrderBy(o => o.RaisedAt).ToListAsync(ct);
        var documents = new List<ArchiveDocument>();
        documents.AddRange(files.Where(f => f.ClarificationId is null).Select(f =>
            ArchiveFiles.Blob(blobs, ArchiveDocumentKind.TenderDocuments, f.FileName, null, f.Digest)));
        foreach (var c in clarifications)
        {
            documents.Add(ArchiveFiles.JsonFile(ArchiveDocumentKind.Clarification, $"澄清或者修改-{c.Number}.json", $"第 {c.Number} 次澄清或者修改", new
            {
                c.Number,
                c.Text,
                c.IssuedAt,
                c.IssuedBy,
                c.PreviousDeadline,
                c.Deadline,
                c.AdjustmentReason,
                c.AdjustmentCitation,
                c.RecipientCount,
                files = files.Where(f => f.ClarificationId == c.Id).Select(f => new { f.FileName, f.Size, sm3 = f.Digest }),
            }));
            documents.AddRange(files.Where(f => f.ClarificationId == c.Id).Select(f =>
                ArchiveFiles.Blob(blobs, ArchiveDocumentKind.Clarification, f.FileName, $"第 {c.Number} 次澄清或者修改的文件", f.Digest)));
        }

        if (objections.Count > 0)
        {
            documents.Add(ArchiveFiles.JsonFile(ArchiveDocumentKind.Clarification, "异议及答复.json", "对招标文件的异议及答复", objections.Select(o => new
            {
                o.CreditCode,
                o.OrganizationName,
                o.RaisedBy,
                o.RaisedAt,
                o.Text,
                o.AnswerBy,
                o.Assessment,
                o.Answer,
                o.AnsweredAt,
                o.AnsweredBy,
            })));
        }

        return documents;
    }
}

/// <summary>
/// The bids as received: each sealed envelope (current bids only; replaced and withdrawn ones left no envelope to keep)
/// with its signed receipt (a missing envelope stops the build), and the decrypted sections where the opening kept them.
/// </summary>
internal sealed class BidArchiveSection(TradingDbContext db, BidVault vault, IBlobStore blobs) : ILotArchiveSection
{
    public async Task<IReadOnlyList<ArchiveDocument>> DocumentsAsync(Guid lotId, CancellationToken ct)
    {
        var bids = await db.Bids.AsNoTracking().Where(b => b.LotId == lotId && b.Status == BidStatus.Current)
            .OrderBy(b => b.CompletedAt).ThenBy(b => b.Id).ToListAsync(ct);
        var opened = await db.OpeningBids.AsNoTracking().Where(b => b.LotId == lotId).ToDictionaryAsync(b => b.BidId, ct);
        var documents = new List<ArchiveDocument>();
        foreach (var bid in bids)
        {
            var name = bid.BidderName;
            // A current bid's envelope must be there: a package without it would not be the record (the build fails and is retried).
            var id = bid.Id;
            documents.Add(new ArchiveDocument(ArchiveDocumentKind.Bid, $"{name}-投标文件.gse", $"{name}的投标文件（密封信封）",
                () => vault.OpenRead(lotId, id) ?? throw new InvalidOperationException($"The envelope of bid {id} is missing from the bid vault.")));

            documents.Add(ArchiveFiles.JsonFile(ArchiveDocumentKind.Bid, $"{name}-投标回执.json", $"{name}的投标回执（平台签名）", new
            {
                receipt = JsonDocument.Parse(bid.ReceiptJson).RootElement,
                receiptJson = bid.ReceiptJson,
                signature = bid.ReceiptSignature,
                keyFingerprint = bid.KeyFingerprint,
                envelopeSm3 = bid.Digest,
                envelopeSize = bid.Size,
            }));
            if (opened.TryGetValue(bid.Id, out var o) && o.SectionsJson is { } sections)
            {
                foreach (var s in JsonSerializer.Deserialize<List<StoredSection>>(sections, ArchiveFiles.Json) ?? [])
                {
                    documents.Add(ArchiveFiles.Blob(blobs, ArchiveDocumentKind.Bid, $"{name}-{s.FileName}", $"{name}的投标文件（解密后）：{s.Name}", s.Blob));
                }
            }
        }

        return documents;
    }

    private sealed record StoredSection(string Name, string FileName, long Length, string Blob);
}

/// <summary>The opening: the signed opening record (or why the lot was not opened) and the recordings' references.</summary>
internal sealed class OpeningArchiveSection(TradingDbContext db) : ILotArchiveSection
{
    public async Task<IReadOnlyList<ArchiveDocument>> DocumentsAsync(Guid lotId, CancellationToken ct)
    {
        var opening = await db.BidOpenings.AsNoTracking().Include(o => o.Bids).SingleOrDefaultAsync(o => o.LotId == lotId, ct);
        if (opening is null)
        {
            return [];
        }

        var documents = new List<ArchiveDocument>();
        if (opening.RecordJson is { } record)
        {
            documents.Add(ArchiveFiles.TextFile(ArchiveDocumentKind.OpeningRecord, "开标记录.json", "开标记录（平台签名的原文）", record));
            documents.Add(ArchiveFiles.JsonFile(ArchiveDocumentKind.OpeningRecord, "开标记录签名.json", "开标记录的平台签名", new
            {
                sm3 = opening.RecordDigest,
                signature = opening.RecordSignature,
                keyFingerprint = opening.KeyFingerprint,
                readOutAt = opening.ReadOutAt,
                readOutBy = opening.ReadOutBy,
                closedAt = opening.ClosedAt,
                confirmations = opening.Bids.Select(b => new { b.BidderName, b.CreditCode, b.ConfirmedAt, b.ConfirmedBy, b.DeemedAccepted }),
            }));
        }
        else
        {
            documents.Add(ArchiveFiles.JsonFile(ArchiveDocumentKind.OpeningRecord, "不予开标记录.json", "不予开标的记录", new
            {
                stage = opening.Stage.ToString(),
                opening.Deadline,
                opening.ExtractedAt,
                opening.BidCount,
                reason = opening.NotOpenedReason,
                nextStep = opening.NextStep,
                bids = opening.Bids.Select(b => new { b.BidderName, b.CreditCode, b.ArrivedAt, sm3 = b.Digest, b.SealIntact, outcome = b.Outcome.ToString() }),
            }));
        }

        var objections = await db.OpeningObjections.AsNoTracking().Where(o => o.LotId == lotId).ToListAsync(ct);
        if (objections.Count > 0)
        {
            documents.Add(ArchiveFiles.JsonFile(ArchiveDocumentKind.OpeningRecord, "开标异议及答复.json", "开标现场的异议及答复", objections));
        }

        var recordings = await db.OpeningRecordings.AsNoTracking().Where(r => r.LotId == lotId).OrderBy(r => r.StartedAt).ToListAsync(ct);
        if (recordings.Count > 0)
        {
            documents.Add(ArchiveFiles.JsonFile(ArchiveDocumentKind.RecordingReference, "开标录音录像.json",
                "开标录音录像的存放位置与 SM3 摘要（录像本身保存在录像系统中）", recordings.Select(r => new
                {
                    r.Locator,
                    sm3 = r.Digest,
                    r.StartedAt,
                    r.EndedAt,
                    r.Note,
                    r.RegisteredBy,
                    r.RegisteredAt,
                })));
        }

        return documents;
    }
}

/// <summary>
/// The Ledger extract of the lot (<c>ggzy.ledger-extract.v1</c>): every entry about the lot, its project, its
/// announcements, its bids' commitments, its documents' downloads and its deposits, each with the fields its hash covers
/// and its previous hash, so that each entry's hash can be recomputed (docs/ledger.md) and compared with the platform's
/// chain; and the chain's head when the extract was taken.
/// </summary>
internal sealed class LedgerArchiveSection(TradingDbContext db)
{
    public const string FormatV1 = "ggzy.ledger-extract.v1";

    public async Task<IReadOnlyList<ArchiveDocument>> DocumentsAsync(Guid lotId, CancellationToken ct)
    {
        var lot = await db.Lots.AsNoTracking().SingleAsync(l => l.Id == lotId, ct);
        var project = await db.Projects.AsNoTracking().SingleAsync(p => p.Id == lot.ProjectId, ct);
        var subjects = new HashSet<string>(StringComparer.Ordinal) { $"lot:{lot.TradeCode}", $"project:{project.TradeCode}" };
        var announcementIds = db.AnnouncementLots.Where(l => l.LotId == lotId).Select(l => l.AnnouncementId);
        foreach (var id in await db.Announcements.Where(a => announcementIds.Contains(a.Id) || (a.AmendsId != null && announcementIds.Contains(a.AmendsId.Value)))
            .Select(a => a.Id).ToListAsync(ct))
        {
            subjects.Add($"announcement:{id}");
        }

        foreach (var commitment in await db.Bids.Where(b => b.LotId == lotId).Select(b => b.Commitment).ToListAsync(ct))
        {
            subjects.Add($"sealed-bid:{commitment}");
        }

        foreach (var nonce in await db.DocumentDownloads.Where(d => d.LotId == lotId).Select(d => d.Nonce).ToListAsync(ct))
        {
            subjects.Add($"download:{nonce}");
        }

        foreach (var deposit in await db.BidDeposits.Where(d => d.LotId == lotId).Select(d => d.Id).ToListAsync(ct))
        {
            subjects.Add($"deposit:{deposit}");
        }

        var list = subjects.ToList();
        var entries = await db.Set<LedgerEntry>().AsNoTracking().Where(e => list.Contains(e.Subject)).OrderBy(e => e.Sequence).ToListAsync(ct);
        var head = await db.Set<LedgerEntry>().AsNoTracking().OrderByDescending(e => e.Sequence).Select(e => new { e.Sequence, e.Hash }).FirstOrDefaultAsync(ct);
        return
        [
            ArchiveFiles.JsonFile(ArchiveDocumentKind.LedgerExtract, "交易记录.json", "本标段的交易记录账本摘录（含哈希链数据）", new
            {
                format = FormatV1,
                lot = lot.TradeCode,
                project = project.TradeCode,
                hashing = "每条记录的 hash = SM3(previousHash, sequence, recordedAt, actor, role, organization, clientIp, type, subject, payload)，"
                    + "编码方式见 docs/ledger.md；previousHash 为账本中前一条记录（不一定在本摘录中）的 hash，可与平台账本核对。",
                head = head is null ? null : new { sequence = head.Sequence, hash = head.Hash },
                subjects = list.Order(StringComparer.Ordinal),
                entries = entries.Select(e => new
                {
                    e.Sequence,
                    e.RecordedAt,
                    recordedAtUnixMicroseconds = LedgerHash.ToUnixMicroseconds(e.RecordedAt),
                    e.Actor,
                    e.Role,
                    e.Organization,
                    e.ClientIp,
                    e.Type,
                    e.Subject,
                    e.Payload,
                    e.PreviousHash,
                    e.Hash,
                }),
            }),
        ];
    }
}
