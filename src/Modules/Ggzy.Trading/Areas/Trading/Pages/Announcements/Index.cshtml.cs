using Ggzy.Platform.Identity;
using Ggzy.Trading.Contracts;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ggzy.Trading.Areas.Trading.Pages.Announcements;

/// <summary>The projects the user's organisation runs, with their announcements and a way to compose one.</summary>
[RequirePermission(TradingPermissions.ComposeAnnouncement)]
public sealed class IndexModel(IAnnouncements announcements) : PageModel
{
    public IReadOnlyList<RunProjectSummary> Projects { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Projects = await announcements.MineAsync(User, ct);
}
