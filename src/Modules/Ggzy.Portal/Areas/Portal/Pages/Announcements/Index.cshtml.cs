using Ggzy.Trading.Contracts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ggzy.Portal.Areas.Portal.Pages.Announcements;

/// <summary>The public list of published announcements (R34), filterable by region, sector, kind, method and date.</summary>
[AllowAnonymous]
public sealed class IndexModel(IPublishedAnnouncements published) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public AnnouncementQuery Query { get; set; } = new();

    public AnnouncementPage Results { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        // A filter value that does not parse is ignored rather than refused: the list is public and read-only.
        ModelState.Clear();
        Results = await published.SearchAsync(Query, ct);
    }

    public Dictionary<string, string?> RouteFor(int page) => new(StringComparer.Ordinal)
    {
        ["Query.Region"] = Query.Region,
        ["Query.Sector"] = Query.Sector,
        ["Query.Kind"] = Query.Kind?.ToString(),
        ["Query.Method"] = Query.Method,
        ["Query.From"] = Query.From?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["Query.Until"] = Query.Until?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["Query.Page"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
