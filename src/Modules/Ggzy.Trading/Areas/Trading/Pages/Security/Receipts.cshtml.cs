using Ggzy.Platform.Errors;
using Ggzy.Platform.Identity;
using Ggzy.Trading.Contracts;
using Ggzy.Trading.Features.Projects;
using Ggzy.Trading.Features.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.DependencyInjection;

namespace Ggzy.Trading.Areas.Trading.Pages.Security;

/// <summary>
/// The center's bank receipts of the custody account (docs/bank-receipts-import.md): import a file (all or nothing,
/// idempotent), see which receipts matched a lot and a bidder and why the others did not, and match those by hand.
/// </summary>
[RequirePermission(TradingPermissions.SecurityCustody)]
[RequestSizeLimit(BankReceipts.MaxBytes + (64 * 1024))]
public sealed class ReceiptsModel(IServiceProvider services) : PageModel
{
    private BankReceipts Book => services.GetRequiredService<BankReceipts>();

    internal IReadOnlyList<ReceiptView> Receipts { get; private set; } = [];

    public IReadOnlyList<string> Errors { get; private set; } = [];

    [BindProperty]
    public IFormFile? Upload { get; set; }

    [BindProperty]
    public ReceiptMatchInput Match { get; set; } = new();

    [BindProperty]
    public Guid? MatchId { get; set; }

    [TempData]
    public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => Receipts = await Book.ListAsync(null, ct);

    public async Task<IActionResult> OnPostImportAsync(CancellationToken ct)
    {
        if (Upload is null || Upload.Length == 0)
        {
            Errors = [$"请选择要导入的银行回单 JSON 文件（格式 {BankReceipts.CurrentFormat}）。"];
        }
        else if (Upload.Length > BankReceipts.MaxBytes)
        {
            Errors = ["导入文件超过 2 MB，请分批导入。"];
        }
        else
        {
            using var buffer = new MemoryStream();
            await Upload.CopyToAsync(buffer, ct);
            try
            {
                var result = await Book.ImportAsync(TradingUser.From(User), buffer.ToArray(), ct);
                Message = $"导入完成：新增回单 {result.Imported} 张（自动匹配 {result.Matched} 张，未匹配 {result.Unmatched} 张），已导入过而跳过 {result.Skipped} 张。";
                return RedirectToPage();
            }
            catch (InputValidationException invalid)
            {
                Errors = [.. invalid.Errors.OrderBy(e => e.Key, StringComparer.Ordinal).SelectMany(e => e.Value)];
            }
        }

        await OnGetAsync(ct);
        return Page();
    }

    public Task<IActionResult> OnPostMatchAsync(CancellationToken ct) => SecurityPages.Guarded(this, () => HandlePostMatchAsync(ct));

    private async Task<IActionResult> HandlePostMatchAsync(CancellationToken ct)
    {
        ModelState.Clear();
        try
        {
            var receipt = await Book.MatchByHandAsync(TradingUser.From(User), MatchId ?? Guid.Empty, Match, ct);
            Message = $"回单 {receipt.ReceiptNumber} 已人工匹配，并记入账本。";
            return RedirectToPage();
        }
        catch (Exception e) when (e is InputValidationException or BusinessRuleException or NotFoundException)
        {
            CatalogPages.AddErrors(ModelState, e, nameof(Match));
        }

        await OnGetAsync(ct);
        return Page();
    }
}
