using Ggzy.Platform.Errors;
using Ggzy.Trading.Contracts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ggzy.Trading.Areas.Trading.Pages.Catalog;

/// <summary>The public trading catalog in effect (R1) and the "是否须进场交易" check (R1–R3).</summary>
[AllowAnonymous]
public sealed class IndexModel(ITradingCatalog catalog, TimeProvider clock) : PageModel
{
    public CatalogVersionInfo? Current { get; private set; }

    [BindProperty(SupportsGet = true)]
    public ClassifyProjectInput Check { get; set; } = new();

    public CatalogClassification? Result { get; private set; }

    public IReadOnlyList<string> ProjectTypes { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        Current = await catalog.CurrentAsync(now, ct);
        ProjectTypes = [.. (Current?.Entries.Select(e => e.ProjectType) ?? []).Concat(CatalogNames.CommonProjectTypes).Distinct(StringComparer.Ordinal)];
        ModelState.Clear();
        if (Check.Sector is null && Check.ProjectType is null && Check.EstimatedAmount is null && Check.RegionCode is null)
        {
            Check.RegionCode = "990100";
            return;
        }

        try
        {
            // The form takes 万元; the catalog works in 元.
            Result = await catalog.ClassifyAsync(Check.Sector, Check.ProjectType, Check.EstimatedAmount * 10_000m, Check.RegionCode, now, ct);
        }
        catch (InputValidationException invalid)
        {
            CatalogPages.AddErrors(ModelState, invalid, nameof(Check));
        }
    }
}
