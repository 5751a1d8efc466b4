using Ggzy.Experts.Contracts;
using Ggzy.Platform.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ggzy.Experts.Areas.Experts.Pages.Draws;

/// <summary>The draws the user may see (R22, R23): the tenderer's and agency's own lots', every draw for the center and the authorities.</summary>
[RequirePermission(DrawPermissions.Read)]
public sealed class IndexModel(IExpertDraws draws) : PageModel
{
    public IReadOnlyList<DrawSummaryView> Draws { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Draws = await draws.ListAsync(User, ct);
}
