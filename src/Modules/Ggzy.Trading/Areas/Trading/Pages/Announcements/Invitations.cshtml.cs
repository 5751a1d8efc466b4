using Ggzy.Platform.Identity;
using Ggzy.Trading.Contracts;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ggzy.Trading.Areas.Trading.Pages.Announcements;

/// <summary>The 投标邀请书 sent to the user's organisation (not public).</summary>
[RequirePermission(TradingPermissions.ReadAnnouncements)]
public sealed class InvitationsModel(IAnnouncements announcements) : PageModel
{
    public IReadOnlyList<AnnouncementSummary> Invitations { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Invitations = await announcements.InvitationsAsync(User, ct);
}
