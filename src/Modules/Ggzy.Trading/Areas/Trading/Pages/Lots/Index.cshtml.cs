using Ggzy.Platform.Identity;
using Ggzy.Trading.Contracts;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ggzy.Trading.Areas.Trading.Pages.Lots;

/// <summary>Lots whose documents may be obtained or are being prepared, with their sale period and deadline.</summary>
[RequirePermission(TradingPermissions.ReadDocuments)]
public sealed class IndexModel(ILotDocuments documents) : PageModel
{
    public IReadOnlyList<LotSummary> Lots { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Lots = await documents.LotsAsync(User, ct);
}
