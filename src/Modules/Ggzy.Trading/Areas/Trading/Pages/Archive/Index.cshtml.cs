using Ggzy.Platform.Identity;
using Ggzy.Trading.Contracts;
using Ggzy.Trading.Features.Archive;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.DependencyInjection;

namespace Ggzy.Trading.Areas.Trading.Pages.Archive;

/// <summary>The archive packages this account may download: its organisation's projects; every one for the Regulator and supervisors.</summary>
[RequirePermission(TradingPermissions.ReadArchive)]
public sealed class IndexModel : PageModel
{
    internal IReadOnlyList<ArchiveSummaryView> Archives { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Archives = await HttpContext.RequestServices.GetRequiredService<LotArchiveService>().ListAsync(User, ct);
}
