using Ggzy.Trading.Contracts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ggzy.Portal.Areas.Portal.Pages.Awards;

/// <summary>
/// A lot's public award notices: the candidate publicity as published (ranks, names, prices, project leaders and their
/// certificates, the period and the channel for objections), the result, and the contract's main terms once published.
/// A lot with nothing published is not found.
/// </summary>
[AllowAnonymous]
public sealed class DetailsModel(IPublishedAwards published) : PageModel
{
    public PublishedAwardView Award { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid lotId, CancellationToken ct)
    {
        if (await published.FindAsync(lotId, ct) is not { } view)
        {
            return NotFound();
        }

        Award = view;
        return Page();
    }
}
