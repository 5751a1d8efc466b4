using Ggzy.Platform.Errors;
using Ggzy.Platform.Identity;
using Ggzy.Trading.Contracts;
using Ggzy.Trading.Features.Projects;
using Ggzy.Trading.Features.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.DependencyInjection;

namespace Ggzy.Trading.Areas.Trading.Pages.Lots;

/// <summary>
/// A bidder's page of a lot's bid security: the terms, its own deposits and 电子保函 (never another bidder's), the form
/// to register a guarantee, and the written notice of withdrawal.
/// </summary>
[RequirePermission(TradingPermissions.SecurityGuarantee)]
[RequestSizeLimit(BidSecurityService.MaxGuaranteeBytes + (64 * 1024))]
public sealed class SecurityGuaranteeModel(IServiceProvider services) : PageModel
{
    private BidSecurityService Security => services.GetRequiredService<BidSecurityService>();

    internal LotSecurityView? View { get; private set; }

    [BindProperty]
    public BidGuaranteeInput Input { get; set; } = new();

    [BindProperty]
    public IFormFile? Upload { get; set; }

    [TempData]
    public string? Message { get; set; }

    public Task<IActionResult> OnGetAsync(Guid lotId, CancellationToken ct) => SecurityPages.Guarded(this, () => HandleGetAsync(lotId, ct));

    private async Task<IActionResult> HandleGetAsync(Guid lotId, CancellationToken ct)
    {
        View = await Security.ForBidderAsync(TradingUser.From(User), lotId, ct);
        return Page();
    }

    public Task<IActionResult> OnPostAsync(Guid lotId, CancellationToken ct) => SecurityPages.Guarded(this, () => HandlePostAsync(lotId, ct));

    private async Task<IActionResult> HandlePostAsync(Guid lotId, CancellationToken ct)
    {
        ModelState.Clear();
        try
        {
            byte[]? file = null;
            if (Upload is { Length: > 0 })
            {
                using var buffer = new MemoryStream();
                await Upload.CopyToAsync(buffer, ct);
                file = buffer.ToArray();
            }

            var guarantee = await Security.RegisterGuaranteeAsync(TradingUser.From(User), lotId, Input, file, Upload?.FileName, ct);
            Message = $"电子保函 {guarantee.Number} 已登记（SM3 摘要 {guarantee.Digest}），并记入账本。";
            return RedirectToPage(new { lotId });
        }
        catch (Exception e) when (e is InputValidationException or BusinessRuleException)
        {
            if (e is InputValidationException invalid && invalid.Errors.TryGetValue("File", out var fileErrors))
            {
                ModelState.AddModelError(nameof(Upload), string.Concat(fileErrors));
                CatalogPages.AddErrors(ModelState, new InputValidationException(
                    invalid.Errors.Where(x => x.Key != "File").ToDictionary(x => x.Key, x => x.Value, StringComparer.Ordinal)), nameof(Input));
            }
            else
            {
                CatalogPages.AddErrors(ModelState, e, nameof(Input));
            }
        }

        View = await Security.ForBidderAsync(TradingUser.From(User), lotId, ct);
        return Page();
    }

    public Task<IActionResult> OnPostWithdrawAsync(Guid lotId, CancellationToken ct) => SecurityPages.Guarded(this, () => HandlePostWithdrawAsync(lotId, ct));

    private async Task<IActionResult> HandlePostWithdrawAsync(Guid lotId, CancellationToken ct)
    {
        ModelState.Clear();
        try
        {
            var duties = await Security.WithdrawAsync(TradingUser.From(User), lotId, ct);
            Message = "撤回通知已发出。" + string.Concat(duties.Select(d => d.Message));
            return RedirectToPage(new { lotId });
        }
        catch (BusinessRuleException e)
        {
            CatalogPages.AddErrors(ModelState, e, nameof(Input));
        }

        View = await Security.ForBidderAsync(TradingUser.From(User), lotId, ct);
        return Page();
    }
}
