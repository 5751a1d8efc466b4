using Ggzy.Platform.Identity;
using Ggzy.Trading.Contracts;
using Ggzy.Trading.Features.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.DependencyInjection;

namespace Ggzy.Trading.Areas.Trading.Pages.Security;

/// <summary>The custody staff's view of one lot's bid security: the terms, every deposit and every 电子保函; the read goes on the Ledger.</summary>
[RequirePermission(TradingPermissions.SecurityCustody)]
public sealed class LotModel(IServiceProvider services) : PageModel
{
    internal LotSecurityView? View { get; private set; }

    public Task<IActionResult> OnGetAsync(Guid lotId, CancellationToken ct) => SecurityPages.Guarded(this, () => HandleGetAsync(lotId, ct));

    private async Task<IActionResult> HandleGetAsync(Guid lotId, CancellationToken ct)
    {
        View = await services.GetRequiredService<BidSecurityService>().ForCustodyAsync(lotId, ct);
        return Page();
    }
}
