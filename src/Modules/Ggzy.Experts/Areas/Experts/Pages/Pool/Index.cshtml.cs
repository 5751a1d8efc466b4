using Ggzy.Experts.Contracts;
using Ggzy.Experts.Domain.Specialties;
using Ggzy.Experts.Features.Pool;
using Ggzy.Platform.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.DependencyInjection;

namespace Ggzy.Experts.Areas.Experts.Pages.Pool;

/// <summary>
/// The pool by pseudonym (专家编号). Those entitled to identities also see the masked name (林**); no one sees a full
/// name in a list — it takes opening the expert, which goes on the Ledger.
/// </summary>
[RequirePermission(ExpertPermissions.ReadPool)]
public sealed class IndexModel(IServiceProvider services) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Specialty { get; set; }

    [BindProperty(SupportsGet = true)]
    public ExpertStatus? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Region { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    [TempData]
    public string? Message { get; set; }

    internal PoolPage Result { get; private set; } = new([], 0, 1);

    internal SpecialtyCatalog Catalog => services.GetRequiredService<SpecialtyCatalog>();

    public bool CanManage => services.GetRequiredService<PermissionTable>().Grants(User, ExpertPermissions.ManagePool);

    public bool ShowsMaskedNames => services.GetRequiredService<PermissionTable>().Grants(User, ExpertPermissions.ReadIdentities);

    public async Task OnGetAsync(CancellationToken ct) =>
        Result = await services.GetRequiredService<PoolQueries>().ListAsync(new PoolFilter(Specialty, Status, Region, Code, PageNumber), ShowsMaskedNames, ct);
}
