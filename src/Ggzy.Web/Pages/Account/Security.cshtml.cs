using Ggzy.Platform.Identity;
using Ggzy.Web.Identity;
using Ggzy.Web.Identity.OwnAccount;
using Ggzy.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Ggzy.Web.Pages.Account;

[RequirePermission(PlatformPermissions.ManageOwnAccount)]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class SecurityModel(
    UserManager<PlatformUser> users,
    PermissionTable permissions,
    IOptions<WebOptions> web,
    ChangeOwnPasswordHandler changePassword,
    ResetAuthenticatorKeyHandler resetKey,
    EnableTwoFactorHandler enable,
    DisableTwoFactorHandler disable,
    RegenerateRecoveryCodesHandler regenerate) : PageModel
{
    public ChangeOwnPasswordInput Password { get; set; } = new();

    public AuthenticatorCodeInput Enable { get; set; } = new();

    public AuthenticatorCodeInput Disable { get; set; } = new();

    public AuthenticatorCodeInput Regenerate { get; set; } = new();

    public PlatformUser Account { get; private set; } = null!;

    /// <summary>The key to add to an authenticator app, while two-factor sign-in is not yet on.</summary>
    internal AuthenticatorSetup? Setup { get; private set; }

    public bool CanManageTokens { get; private set; }

    /// <summary>Recovery codes just issued. They are shown in this one response only and never stored in readable form.</summary>
    public IReadOnlyList<string>? NewRecoveryCodes { get; private set; }

    public string? NewRecoveryCodesMessage { get; private set; }

    public int RecoveryCodesLeft { get; private set; }

    [TempData]
    public string? Message { get; set; }

    public async Task OnGetAsync() => await LoadAsync(await CurrentUserAsync());

    public Task<IActionResult> OnPostPasswordAsync([FromForm(Name = nameof(Password))] ChangeOwnPasswordInput input, CancellationToken ct) =>
        RunAsync(user => changePassword.HandleAsync(user, input, ct), nameof(Password), "密码已修改。下次登录请使用新密码。");

    public Task<IActionResult> OnPostNewKeyAsync(CancellationToken ct) =>
        RunAsync(user => resetKey.HandleAsync(user, ct), "", "已生成新的密钥。请在验证器中添加，再输入验证器显示的动态口令完成启用。");

    public Task<IActionResult> OnPostEnableAsync([FromForm(Name = nameof(Enable))] AuthenticatorCodeInput input, CancellationToken ct) =>
        IssueCodesAsync(user => enable.HandleAsync(user, input, ct), nameof(Enable), "动态口令已启用。今后登录时，输入密码后还需输入验证器上的动态口令。");

    public Task<IActionResult> OnPostRegenerateAsync([FromForm(Name = nameof(Regenerate))] AuthenticatorCodeInput input, CancellationToken ct) =>
        IssueCodesAsync(user => regenerate.HandleAsync(user, input, ct), nameof(Regenerate), "已生成新的恢复码，原有恢复码全部作废。");

    public Task<IActionResult> OnPostDisableAsync([FromForm(Name = nameof(Disable))] AuthenticatorCodeInput input, CancellationToken ct) =>
        RunAsync(user => disable.HandleAsync(user, input, ct), nameof(Disable), "动态口令已停用，原验证器中的条目已作废，可以删除。");

    private async Task<IActionResult> RunAsync(Func<PlatformUser, Task> action, string prefix, string done)
    {
        var user = await CurrentUserAsync();
        if (ModelState.IsValid && await this.TryAsync(() => action(user), prefix))
        {
            Message = done;
            return RedirectToPage();
        }

        await LoadAsync(user);
        return Page();
    }

    /// <summary>Like <see cref="RunAsync"/>, but answers with the page itself: the new codes must not travel through a redirect.</summary>
    private async Task<IActionResult> IssueCodesAsync(Func<PlatformUser, Task<IReadOnlyList<string>>> action, string prefix, string done)
    {
        var user = await CurrentUserAsync();
        IReadOnlyList<string>? codes = null;
        if (ModelState.IsValid && await this.TryAsync(async () => codes = await action(user), prefix))
        {
            ModelState.Clear();
            NewRecoveryCodes = codes;
            NewRecoveryCodesMessage = done;
        }

        await LoadAsync(user);
        return Page();
    }

    private async Task<PlatformUser> CurrentUserAsync() =>
        await users.GetUserAsync(User) ?? throw new InvalidOperationException("The signed-in account no longer exists.");

    private async Task LoadAsync(PlatformUser user)
    {
        Account = user;
        CanManageTokens = permissions.Grants(User, PlatformPermissions.ManageApiTokens);
        var key = user.TwoFactorEnabled ? null : await users.GetAuthenticatorKeyAsync(user);
        Setup = key is null ? null : AuthenticatorSetup.For(web.Value.PlatformName, user.UserName!, key);
        RecoveryCodesLeft = user.TwoFactorEnabled ? await users.CountRecoveryCodesAsync(user) : 0;
    }
}
