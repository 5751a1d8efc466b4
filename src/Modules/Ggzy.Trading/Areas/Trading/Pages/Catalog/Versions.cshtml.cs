using Ggzy.Platform.Errors;
using Ggzy.Platform.Identity;
using Ggzy.Trading.Contracts;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ggzy.Trading.Areas.Trading.Pages.Catalog;

/// <summary>Every version of the trading catalog with its history (R1); the center drafts the next version here.</summary>
[RequirePermission(TradingPermissions.ReadCatalogVersions)]
public sealed class VersionsModel(ICatalogAdministration catalog, PermissionTable permissions) : PageModel
{
    public IReadOnlyList<CatalogVersionInfo> Versions { get; private set; } = [];

    public bool CanDraft { get; private set; }

    [BindProperty]
    public CatalogDraftInput Draft { get; set; } = new();

    public async Task OnGetAsync(CancellationToken ct)
    {
        Versions = await catalog.VersionsAsync(ct);
        CanDraft = permissions.Grants(User, TradingPermissions.DraftCatalog);
    }

    public async Task<IActionResult> OnPostDraftAsync(CancellationToken ct)
    {
        if (!permissions.Grants(User, TradingPermissions.DraftCatalog))
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        ModelState.Clear();
        try
        {
            var draft = await catalog.DraftAsync(User.Identity!.Name!, Draft, ct);
            return RedirectToPage("Version", new { id = draft.Id });
        }
        catch (Exception e) when (e is InputValidationException or BusinessRuleException)
        {
            CatalogPages.AddErrors(ModelState, e, nameof(Draft));
        }

        await OnGetAsync(ct);
        return Page();
    }
}
