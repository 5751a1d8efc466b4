using Ggzy.Credit.Contracts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ggzy.Credit.Areas.Credit.Pages.Entities;

/// <summary>The public directory of registered market entities.</summary>
[AllowAnonymous]
public sealed class IndexModel(IMarketEntities registry, IEntityProfiles profiles) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Search { get; set; }

    public IReadOnlyList<MarketEntityInfo> Entities { get; private set; } = [];

    /// <summary>Counts of 业绩 and 资质 by entity id (R31).</summary>
    public IReadOnlyDictionary<Guid, EntityProfileSummary> Profiles { get; private set; } = new Dictionary<Guid, EntityProfileSummary>();

    public async Task OnGetAsync(CancellationToken ct)
    {
        Entities = await registry.ListAsync(Search, ct);
        Profiles = await profiles.SummariesAsync(ct);
    }
}
