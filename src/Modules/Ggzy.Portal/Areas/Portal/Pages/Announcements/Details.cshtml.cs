using Ggzy.Trading.Contracts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ggzy.Portal.Areas.Portal.Pages.Announcements;

/// <summary>A published announcement with its lots, amendments (linked both ways) and downloadable attachments.</summary>
[AllowAnonymous]
public sealed class DetailsModel(IPublishedAnnouncements published) : PageModel
{
    public AnnouncementView Announcement { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await published.FindAsync(id, ct) is not { } view)
        {
            return NotFound();
        }

        Announcement = view;
        return Page();
    }
}
