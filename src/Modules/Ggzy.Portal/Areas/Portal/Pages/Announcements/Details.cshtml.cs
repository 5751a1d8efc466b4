using Ggzy.Trading.Contracts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ggzy.Portal.Areas.Portal.Pages.Announcements;

/// <summary>
/// A published announcement with its lots, amendments (linked both ways) and downloadable attachments, and the opening
/// records of its lots once they are published.
/// </summary>
[AllowAnonymous]
public sealed class DetailsModel(IPublishedAnnouncements published, IPublishedOpenings openings) : PageModel
{
    public AnnouncementView Announcement { get; private set; } = null!;

    /// <summary>The announcement's lots whose opening record is published.</summary>
    public IReadOnlyList<AnnouncementLotView> OpenedLots { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await published.FindAsync(id, ct) is not { } view)
        {
            return NotFound();
        }

        Announcement = view;
        var recorded = await openings.PublishedLotsAsync([.. view.Lots.Select(l => l.LotId)], ct);
        OpenedLots = [.. view.Lots.Where(l => recorded.Contains(l.LotId))];
        return Page();
    }
}
