using Ggzy.Experts.Contracts;
using Ggzy.Experts.Features.Pool;
using Ggzy.Platform.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.DependencyInjection;

namespace Ggzy.Experts.Areas.Experts.Pages.Sanctions;

/// <summary>
/// The suspended, blacklisted and retired experts with period, reason and basis (R24; Hubei (6), (12)), for the
/// Regulator, the supervisory departments and the center. Experts appear by pseudonym.
/// </summary>
[RequirePermission(ExpertPermissions.ReadSanctions)]
public sealed class IndexModel(IServiceProvider services) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public bool InForce { get; set; }

    internal IReadOnlyList<SanctionRow> Rows { get; private set; } = [];

    public bool Can(string permission) => services.GetRequiredService<PermissionTable>().Grants(User, permission);

    public async Task OnGetAsync(CancellationToken ct) =>
        Rows = await services.GetRequiredService<PoolQueries>().SanctionsAsync(InForce, ct);
}
