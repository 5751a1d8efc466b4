using Ggzy.Platform.Errors;
using Ggzy.Platform.Identity;
using Ggzy.Web.Identity;
using Ggzy.Web.Identity.Staff;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ggzy.Web.Pages.Admin.Users;

[RequirePermission(PlatformPermissions.ManageUsers)]
public sealed class IndexModel(
    StaffAccountListQuery list,
    SetStaffAccountDisabledHandler setDisabled,
    UnlockStaffAccountHandler unlock,
    TurnOffStaffTwoFactorHandler turnOffTwoFactor) : PageModel
{
    public IReadOnlyList<StaffAccountView> Accounts { get; private set; } = [];

    public Guid SelfId => User.UserId();

    [TempData]
    public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => Accounts = await list.ForAsync(User, null, ct);

    public Task<IActionResult> OnPostDisableAsync(Guid id, CancellationToken ct) =>
        RunAsync(() => setDisabled.HandleAsync(User, id, true, ct), "账户已停用：不能再登录，其接口令牌也已失效。", ct);

    public Task<IActionResult> OnPostEnableAsync(Guid id, CancellationToken ct) =>
        RunAsync(() => setDisabled.HandleAsync(User, id, false, ct), "账户已重新启用。", ct);

    public Task<IActionResult> OnPostUnlockAsync(Guid id, CancellationToken ct) =>
        RunAsync(() => unlock.HandleAsync(User, id, ct), "账户已解锁，可以重新登录。", ct);

    public Task<IActionResult> OnPostTwoFactorOffAsync(Guid id, CancellationToken ct) =>
        RunAsync(() => turnOffTwoFactor.HandleAsync(User, id, ct), "已关闭该账户的动态口令，原密钥作废；请提醒本人重新设置。", ct);

    private async Task<IActionResult> RunAsync(Func<Task> action, string done, CancellationToken ct)
    {
        try
        {
            await action();
            Message = done;
            return RedirectToPage();
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
        catch (BusinessRuleException rule)
        {
            ModelState.AddModelError(string.Empty, rule.Message);
            await OnGetAsync(ct);
            return Page();
        }
    }
}
