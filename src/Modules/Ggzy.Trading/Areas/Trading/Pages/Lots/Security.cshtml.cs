using Ggzy.Platform.Errors;
using Ggzy.Platform.Identity;
using Ggzy.Trading.Contracts;
using Ggzy.Trading.Domain.Schedule;
using Ggzy.Trading.Features.Projects;
using Ggzy.Trading.Features.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.DependencyInjection;

namespace Ggzy.Trading.Areas.Trading.Pages.Lots;

/// <summary>
/// The tenderer's or agency's page of a lot's bid security (R12): state the terms while the lot is a draft or announced;
/// see the securities given only from the deadline on.
/// </summary>
[RequirePermission(TradingPermissions.SecurityTerms)]
public sealed class SecurityModel(IServiceProvider services) : PageModel
{
    private BidSecurityService Security => services.GetRequiredService<BidSecurityService>();

    internal LotSecurityView? View { get; private set; }

    public bool CanEdit => View?.Lot.State is LotState.Draft or LotState.Announced;

    [BindProperty]
    public BidSecurityTermsInput Input { get; set; } = new();

    [TempData]
    public string? Message { get; set; }

    public Task<IActionResult> OnGetAsync(Guid lotId, CancellationToken ct) => SecurityPages.Guarded(this, () => HandleGetAsync(lotId, ct));

    private async Task<IActionResult> HandleGetAsync(Guid lotId, CancellationToken ct)
    {
        View = await Security.ForTendererAsync(TradingUser.From(User), lotId, ct);
        if (View.Terms is { } t)
        {
            Input = new BidSecurityTermsInput
            {
                Amount = t.Amount,
                Forms = [.. t.Forms],
                CustodyBank = t.CustodyBank,
                CustodyAccountName = t.CustodyAccountName,
                CustodyAccountNumber = t.CustodyAccountNumber,
                ValidityDays = t.ValidityDays,
                BidValidityDays = t.BidValidityDays,
            };
        }

        return Page();
    }

    public Task<IActionResult> OnPostAsync(Guid lotId, CancellationToken ct) => SecurityPages.Guarded(this, () => HandlePostAsync(lotId, ct));

    private async Task<IActionResult> HandlePostAsync(Guid lotId, CancellationToken ct)
    {
        ModelState.Clear();
        try
        {
            await Security.SetTermsAsync(TradingUser.From(User), lotId, Input, ct);
            Message = "投标保证金要求已保存，并记入账本。";
            return RedirectToPage(new { lotId });
        }
        catch (Exception e) when (e is InputValidationException or BusinessRuleException)
        {
            CatalogPages.AddErrors(ModelState, e, nameof(Input));
        }

        View = await Security.ForTendererAsync(TradingUser.From(User), lotId, ct);
        return Page();
    }
}
