using Ggzy.Platform.Blobs;
using Ggzy.Platform.Time;
using Ggzy.Trading.Contracts;
using Ggzy.Trading.Data;
using Ggzy.Trading.Domain.Schedule;
using Microsoft.EntityFrameworkCore;

namespace Ggzy.Trading.Features.Announcements;

/// <summary>
/// The portal's read of the published announcements: notices and amendments once published, never a draft, a
/// scheduled one before the clock published it, or an invitation.
/// </summary>
internal sealed class PublishedAnnouncements(TradingDbContext db, AnnouncementService announcements, IBlobStore blobs) : IPublishedAnnouncements
{
    public const int PageSize = 20;

    public async Task<AnnouncementPage> SearchAsync(AnnouncementQuery query, CancellationToken ct)
    {
        var q = db.Announcements.AsNoTracking().Where(a => a.Status == AnnouncementStatus.Published && a.Kind != AnnouncementKind.Invitation);
        if (!string.IsNullOrWhiteSpace(query.Region))
        {
            var region = query.Region.Trim();
            q = region.Length == 6 && region.EndsWith("00", StringComparison.Ordinal)
                ? q.Where(a => a.RegionCode.StartsWith(region.Substring(0, 4)))
                : q.Where(a => a.RegionCode == region);
        }

        if (!string.IsNullOrWhiteSpace(query.Sector))
        {
            q = q.Where(a => a.Sector == query.Sector);
        }

        if (query.Kind is { } kind)
        {
            q = q.Where(a => a.Kind == kind);
        }

        if (query.Method is "公开招标" or "邀请招标")
        {
            var method = query.Method == "公开招标" ? ProcurementMethod.OpenTender : ProcurementMethod.InvitedTender;
            var lots = db.Lots.Where(l => l.Method == method).Select(l => l.Id);
            q = q.Where(a => a.Lots.Any(l => lots.Contains(l.LotId)) || (a.AmendsId != null
                && db.AnnouncementLots.Any(l => l.AnnouncementId == a.AmendsId && lots.Contains(l.LotId))));
        }

        if (query.From is { } from)
        {
            var start = ChinaTime.StartOfDay(from);
            q = q.Where(a => a.PublishedAt >= start);
        }

        if (query.Until is { } until)
        {
            var end = ChinaTime.StartOfDay(until.AddDays(1));
            q = q.Where(a => a.PublishedAt < end);
        }

        var total = await q.CountAsync(ct);
        var page = Math.Max(1, query.Page);
        var items = await q.Include(a => a.Lots).OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id)
            .Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        return new AnnouncementPage([.. items.Select(AnnouncementService.Summary)], page, PageSize, total);
    }

    public async Task<AnnouncementView?> FindAsync(Guid id, CancellationToken ct)
    {
        var a = await db.Announcements.AsNoTracking().Include(x => x.Lots).Include(x => x.Attachments).AsSplitQuery()
            .SingleOrDefaultAsync(x => x.Id == id && x.Status == AnnouncementStatus.Published && x.Kind != AnnouncementKind.Invitation, ct);
        return a is null ? null : await announcements.ViewAsync(a, publicOnly: true, ct);
    }

    public async Task<(AnnouncementAttachmentView File, Stream Content)?> OpenAttachmentAsync(Guid id, Guid attachmentId, CancellationToken ct)
    {
        var file = await db.AnnouncementAttachments.AsNoTracking()
            .Where(f => f.Id == attachmentId && f.AnnouncementId == id)
            .Join(db.Announcements.Where(a => a.Status == AnnouncementStatus.Published && a.Kind != AnnouncementKind.Invitation),
                f => f.AnnouncementId, a => a.Id, (f, _) => f)
            .SingleOrDefaultAsync(ct);
        if (file is null || await blobs.OpenReadAsync(new BlobId(file.Digest), ct) is not { } content)
        {
            return null;
        }

        return (new AnnouncementAttachmentView(file.Id, file.FileName, file.ContentType, file.Size, file.Digest), content);
    }
}
