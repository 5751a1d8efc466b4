using Ggzy.Platform.Errors;
using Ggzy.Platform.Identity;
using Ggzy.Trading.Contracts;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ggzy.Trading.Areas.Trading.Pages.Catalog;

/// <summary>
/// One catalog version (R1): the center edits a draft (adds and removes entries) and submits it; the Regulator approves
/// or rejects it with a reason, then publishes it with the day it takes effect.
/// </summary>
[RequirePermission(TradingPermissions.ReadCatalogVersions)]
public sealed class VersionModel(ICatalogAdministration catalog, ITradingCatalog catalogs, PermissionTable permissions, TimeProvider clock) : PageModel
{
    public CatalogVersionInfo Version { get; private set; } = null!;

    public IReadOnlyList<HandlingCenter> Centers { get; private set; } = [];

    public bool CanDraft { get; private set; }

    public bool CanApprove { get; private set; }

    [BindProperty]
    public CatalogEntryInput Entry { get; set; } = new();

    [BindProperty]
    public CatalogDecisionInput Decision { get; set; } = new();

    [BindProperty]
    public CatalogPublishInput Publish { get; set; } = new();

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        try
        {
            Version = await catalog.VersionAsync(id, ct);
        }
        catch (NotFoundException)
        {
            return NotFound();
        }

        Centers = await catalogs.CentersAsync(ct);
        CanDraft = permissions.Grants(User, TradingPermissions.DraftCatalog);
        CanApprove = permissions.Grants(User, TradingPermissions.ApproveCatalog);
        Entry.RegionCode ??= "990100";
        Publish.EffectiveFrom ??= Platform.Time.ChinaTime.Today(clock).AddDays(1);
        return Page();
    }

    public Task<IActionResult> OnPostAddEntryAsync(Guid id, CancellationToken ct) =>
        ActAsync(id, TradingPermissions.DraftCatalog, () => catalog.AddEntryAsync(Actor, id, Entry, ct), "条目已添加。", nameof(Entry), ct);

    public Task<IActionResult> OnPostRemoveEntryAsync(Guid id, Guid entryId, CancellationToken ct) =>
        ActAsync(id, TradingPermissions.DraftCatalog, () => catalog.RemoveEntryAsync(Actor, id, entryId, ct), "条目已删除。", nameof(Entry), ct);

    public Task<IActionResult> OnPostSubmitAsync(Guid id, CancellationToken ct) =>
        ActAsync(id, TradingPermissions.DraftCatalog, () => catalog.SubmitAsync(Actor, id, ct), "已提交审批。", nameof(Entry), ct);

    public Task<IActionResult> OnPostDecideAsync(Guid id, CancellationToken ct) =>
        ActAsync(id, TradingPermissions.ApproveCatalog, () => catalog.DecideAsync(Actor, id, Decision, ct),
            Decision.Approve ? "已审批通过，可以发布。" : "已退回起草单位。", nameof(Decision), ct);

    public Task<IActionResult> OnPostPublishAsync(Guid id, CancellationToken ct) =>
        ActAsync(id, TradingPermissions.ApproveCatalog, () => catalog.PublishAsync(Actor, id, Publish, ct), "已发布。", nameof(Publish), ct);

    private string Actor => User.Identity!.Name!;

    private async Task<IActionResult> ActAsync(Guid id, string permission, Func<Task> action, string done, string prefix, CancellationToken ct)
    {
        if (!permissions.Grants(User, permission))
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        try
        {
            await action();
            Message = done;
            return RedirectToPage(new { id });
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
        catch (Exception e) when (e is InputValidationException or BusinessRuleException)
        {
            ModelState.Clear();
            CatalogPages.AddErrors(ModelState, e, prefix);
            return await OnGetAsync(id, ct);
        }
    }
}
