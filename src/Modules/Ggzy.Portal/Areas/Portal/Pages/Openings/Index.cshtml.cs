using System.Globalization;
using Ggzy.Trading.Contracts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ggzy.Portal.Areas.Portal.Pages.Openings;

/// <summary>
/// The public list of published opening records (开标记录公示, 《电子招标投标办法》第三十二条), searchable by keyword and the
/// day of the opening. Only closed openings appear: nothing of a lot still being opened, and no price anywhere in the list.
/// </summary>
[AllowAnonymous]
public sealed class IndexModel(IPublishedOpenings published) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public PublishedOpeningQuery Query { get; set; } = new();

    public PublishedOpeningPage Results { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        // A filter value that does not parse is ignored rather than refused: the list is public and read-only.
        ModelState.Clear();
        Results = await published.SearchAsync(Query, ct);
    }

    public Dictionary<string, string?> RouteFor(int page) => new(StringComparer.Ordinal)
    {
        ["Query.Keyword"] = Query.Keyword,
        ["Query.From"] = Query.From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["Query.Until"] = Query.Until?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["Query.Page"] = page.ToString(CultureInfo.InvariantCulture),
    };
}
