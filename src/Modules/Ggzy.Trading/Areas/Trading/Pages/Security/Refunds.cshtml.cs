using Ggzy.Platform.Errors;
using Ggzy.Platform.Identity;
using Ggzy.Trading.Contracts;
using Ggzy.Trading.Features.Projects;
using Ggzy.Trading.Features.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.DependencyInjection;

namespace Ggzy.Trading.Areas.Trading.Pages.Security;

/// <summary>
/// The center's refund duties of deposits with their statutory last days (实施条例 第三十五条、第五十七条; 87号令 第三十八条):
/// what is due and late, and the refunds recorded (day, bank reference) on the Ledger.
/// </summary>
[RequirePermission(TradingPermissions.SecurityCustody)]
public sealed class RefundsModel(IServiceProvider services) : PageModel
{
    private DepositRefunds Refunds => services.GetRequiredService<DepositRefunds>();

    internal IReadOnlyList<RefundDutyView> Duties { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public bool All { get; set; }

    [BindProperty]
    public RefundInput Refund { get; set; } = new();

    [BindProperty]
    public Guid? DutyId { get; set; }

    [TempData]
    public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => Duties = await Refunds.ListAsync(!All, ct);

    public async Task<IActionResult> OnPostScanAsync(CancellationToken ct)
    {
        var added = await Refunds.RaiseForEndedLotsAsync(TradingUser.From(User), ct);
        Message = added == 0 ? "没有需要新增的退还事项。" : $"已为终止或招标失败的标段新增退还事项 {added} 项。";
        return RedirectToPage();
    }

    public Task<IActionResult> OnPostRecordAsync(CancellationToken ct) => SecurityPages.Guarded(this, () => HandlePostRecordAsync(ct));

    private async Task<IActionResult> HandlePostRecordAsync(CancellationToken ct)
    {
        ModelState.Clear();
        try
        {
            var duty = await Refunds.RecordAsync(TradingUser.From(User), DutyId ?? Guid.Empty, Refund, ct);
            Message = $"已登记退还：{duty.EntityName} {SecurityPages.Yuan(duty.Amount)}。{duty.Message}";
            return RedirectToPage();
        }
        catch (Exception e) when (e is InputValidationException or BusinessRuleException or NotFoundException)
        {
            CatalogPages.AddErrors(ModelState, e, nameof(Refund));
        }

        await OnGetAsync(ct);
        return Page();
    }
}
