using Ggzy.Platform.Identity;
using Ggzy.Trading.Contracts;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ggzy.Trading.Areas.Trading.Pages.Objections;

/// <summary>
/// Objections to documents with the day each answer is due: the center and the authorities see every one and the
/// overdue ones flagged; a tenderer or agency sees those of its projects; a bidder its own.
/// </summary>
[RequirePermission(TradingPermissions.ReadDocuments)]
public sealed class IndexModel(ILotDocuments documents) : PageModel
{
    public IReadOnlyList<ObjectionInfo> Objections { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Objections = await documents.ObjectionsAsync(User, ct);
}
