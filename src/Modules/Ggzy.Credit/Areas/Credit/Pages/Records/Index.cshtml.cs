using Ggzy.Credit.Contracts;
using Ggzy.Platform.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ggzy.Credit.Areas.Credit.Pages.Records;

/// <summary>The supervisors' list of credit records (R28), with late entries flagged; confidential ones for those entitled.</summary>
[RequirePermission(CreditPermissions.ManageRecords)]
public sealed class IndexModel(ICreditRecords records, PermissionTable permissions) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true)]
    public CreditRecordKind? Kind { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Late { get; set; }

    [TempData]
    public string? Message { get; set; }

    public IReadOnlyList<CreditRecordInfo> Records { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Records = await records.ListAsync(
            new CreditRecordFilter(Search, Kind, Late, permissions.Grants(User, CreditPermissions.ReadConfidentialRecords)), ct);
}
