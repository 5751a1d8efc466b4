using Ggzy.Credit.Contracts;
using Ggzy.Platform.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ggzy.Credit.Areas.Credit.Pages.Records;

/// <summary>One record with its history: the versions that corrected or revoked it and the liftings of a debarment.</summary>
[RequirePermission(CreditPermissions.ManageRecords)]
public sealed class DetailsModel(ICreditRecords records, PermissionTable permissions) : PageModel
{
    public CreditRecordInfo Record { get; private set; } = null!;

    public IReadOnlyList<CreditRecordInfo> Related { get; private set; } = [];

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await records.DetailsAsync(id, permissions.Grants(User, CreditPermissions.ReadConfidentialRecords), ct) is not { } found)
        {
            return NotFound();
        }

        (Record, Related) = (found.Record, found.Related);
        return Page();
    }
}
