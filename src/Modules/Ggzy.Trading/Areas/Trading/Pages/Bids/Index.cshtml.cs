using Ggzy.Platform.Identity;
using Ggzy.Trading.Contracts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ggzy.Trading.Areas.Trading.Pages.Bids;

/// <summary>The lots the bidder's organisation obtained documents for, with whether it has a bid in.</summary>
[RequirePermission(TradingPermissions.SubmitBids)]
public sealed class IndexModel(IBidSubmissions bids) : PageModel
{
    public IReadOnlyList<BiddableLot> Lots { get; private set; } = [];

    public Task<IActionResult> OnGetAsync(CancellationToken ct) => SecurityPages.Guarded(this, async () =>
    {
        Lots = await bids.BiddableLotsAsync(User, ct);
        return Page();
    });
}
