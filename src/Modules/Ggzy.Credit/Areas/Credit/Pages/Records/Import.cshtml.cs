using Ggzy.Credit.Contracts;
using Ggzy.Platform.Errors;
using Ggzy.Platform.Identity;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ggzy.Credit.Areas.Credit.Pages.Records;

/// <summary>Upload a supervisory department's JSON file of records (docs/credit-records-import.md): all or nothing.</summary>
[RequirePermission(CreditPermissions.ManageRecords)]
[RequestSizeLimit(MaxBytes + (64 * 1024))]
public sealed class ImportModel(ICreditRecords records) : PageModel
{
    public const int MaxBytes = 2 * 1024 * 1024;

    [BindProperty]
    public IFormFile? Upload { get; set; }

    public IReadOnlyList<string> Errors { get; private set; } = [];

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Upload is null || Upload.Length == 0)
        {
            Errors = ["请选择要导入的 JSON 文件（格式 ggzy.credit-records.v1）。"];
            return Page();
        }

        if (Upload.Length > MaxBytes)
        {
            Errors = ["导入文件超过 2 MB，请分批导入。"];
            return Page();
        }

        using var buffer = new MemoryStream();
        await Upload.CopyToAsync(buffer, ct);
        try
        {
            var result = await records.ImportAsync(buffer.ToArray(), ct);
            Message = $"导入完成：新增 {result.Imported} 条，已导入过而跳过 {result.Skipped} 条。";
            return RedirectToPage("Index");
        }
        catch (InputValidationException invalid)
        {
            Errors = [.. invalid.Errors.OrderBy(e => e.Key, StringComparer.Ordinal).SelectMany(e => e.Value)];
        }
        catch (BusinessRuleException rule)
        {
            Errors = [rule.Message];
        }

        return Page();
    }
}
