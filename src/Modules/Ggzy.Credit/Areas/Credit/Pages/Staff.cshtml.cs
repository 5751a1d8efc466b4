using Ggzy.Credit.Contracts;
using Ggzy.Platform.Errors;
using Ggzy.Platform.Identity;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ggzy.Credit.Areas.Credit.Pages;

/// <summary>
/// 本单位人员 (R26): everyone in the organisation sees its accounts and invitations; only its administrator invites,
/// revokes and disables (anyone else posting gets 403).
/// </summary>
[RequirePermission(CreditPermissions.InviteStaff)]
public sealed class StaffModel(IStaffInvitations staff) : PageModel
{
    public StaffOverview Overview { get; private set; } = null!;

    [BindProperty]
    public InviteStaffInput Input { get; set; } = new() { ValidDays = 7, Roles = [] };

    /// <summary>The link of the invitation just made: shown this once.</summary>
    public string? IssuedLink { get; private set; }

    public string? IssuedTo { get; private set; }

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        try
        {
            Overview = await staff.OverviewAsync(User, ct);
            return Page();
        }
        catch (ForbiddenException)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }
    }

    public async Task<IActionResult> OnPostInviteAsync(CancellationToken ct)
    {
        ModelState.Clear();
        Input.Roles ??= [];
        try
        {
            var issued = await staff.InviteAsync(User, Input, ct);
            IssuedLink = $"{Request.Scheme}://{Request.Host}{issued.AcceptPath}";
            IssuedTo = issued.Invitation.DisplayName;
            Input = new() { ValidDays = 7, Roles = [] };
        }
        catch (ForbiddenException)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }
        catch (Exception e) when (e is InputValidationException or BusinessRuleException)
        {
            PageErrors.Add(ModelState, e, nameof(Input));
        }

        return await OnGetAsync(ct);
    }

    public Task<IActionResult> OnPostRevokeAsync(Guid id, CancellationToken ct) =>
        ActAsync(() => staff.RevokeAsync(User, id, ct), "邀请已撤销，其链接随即失效。", ct);

    public Task<IActionResult> OnPostDisableAsync(Guid id, CancellationToken ct) =>
        ActAsync(() => staff.SetDisabledAsync(User, id, true, ct), "账户已停用，不能再登录。", ct);

    public Task<IActionResult> OnPostEnableAsync(Guid id, CancellationToken ct) =>
        ActAsync(() => staff.SetDisabledAsync(User, id, false, ct), "账户已重新启用。", ct);

    private async Task<IActionResult> ActAsync(Func<Task> action, string done, CancellationToken ct)
    {
        try
        {
            await action();
            Message = done;
            return RedirectToPage();
        }
        catch (ForbiddenException)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
        catch (BusinessRuleException rule)
        {
            PageErrors.Add(ModelState, rule, nameof(Input));
            return await OnGetAsync(ct);
        }
    }
}
