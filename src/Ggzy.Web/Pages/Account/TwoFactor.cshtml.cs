using Ggzy.Platform.Data;
using Ggzy.Platform.Identity;
using Ggzy.Platform.Ledger;
using Ggzy.Web.Identity.OwnAccount;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ggzy.Web.Pages.Account;

/// <summary>The second step of signing in, for accounts with an authenticator: the password was right, now the code.</summary>
[AllowAnonymous]
public sealed class TwoFactorModel(SignInManager<PlatformUser> signIn, PlatformDbContext db, LedgerWriter ledger) : PageModel
{
    public AuthenticatorCodeInput Input { get; set; } = new();

    public RecoveryCodeInput Recovery { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>False when no password was checked in this browser in the last minutes: the user starts again.</summary>
    public bool Pending { get; private set; }

    public async Task OnGetAsync() => Pending = await signIn.GetTwoFactorAuthenticationUserAsync() is not null;

    public async Task<IActionResult> OnPostAsync([FromForm(Name = nameof(Input))] AuthenticatorCodeInput input, CancellationToken ct)
    {
        Input = input;
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        Pending = user is { IsDisabled: false };
        if (!Pending || !ModelState.IsValid)
        {
            return Page();
        }

        var result = await signIn.TwoFactorAuthenticatorSignInAsync(AuthenticatorCodes.Normalize(Input.Code), isPersistent: false, rememberClient: false);
        if (result.Succeeded)
        {
            await ledger.SaveChangesAsync(db, new LedgerDraft("platform.account.signed-in", $"user:{user!.UserName}", new { secondFactor = "totp" }), ct);
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/Workbench");
        }

        if (result.IsLockedOut || await signIn.UserManager.IsLockedOutAsync(user!))
        {
            await ledger.SaveChangesAsync(db, new LedgerDraft("platform.account.locked-out", $"user:{user!.UserName}", new { secondFactor = "totp" }), ct);
            ModelState.AddModelError(string.Empty, "动态口令连续输错次数过多，账户已锁定 15 分钟，请稍后再试或联系管理员。");
            return Page();
        }

        ModelState.AddModelError(nameof(Input) + "." + nameof(Input.Code), "动态口令不正确：请输入验证器当前显示的 6 位数字，并确认手机时间准确。");
        return Page();
    }

    /// <summary>For a lost phone: one of the recovery codes shown when two-factor sign-in was turned on. Each works once.</summary>
    public async Task<IActionResult> OnPostRecoveryAsync([FromForm(Name = nameof(Recovery))] RecoveryCodeInput input, CancellationToken ct)
    {
        Recovery = input;
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        Pending = user is { IsDisabled: false };
        if (!Pending || !ModelState.IsValid)
        {
            return Page();
        }

        var users = signIn.UserManager;
        var result = await users.IsLockedOutAsync(user!)
            ? Microsoft.AspNetCore.Identity.SignInResult.LockedOut
            : await signIn.TwoFactorRecoveryCodeSignInAsync(RecoveryCodes.Normalize(Recovery.Code));
        if (result.Succeeded)
        {
            await ledger.SaveChangesAsync(db, new LedgerDraft("platform.account.signed-in", $"user:{user!.UserName}", new { secondFactor = "recovery-code" }), ct);
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/Workbench");
        }

        if (!result.IsLockedOut)
        {
            // Identity does not count a wrong recovery code as a failed attempt; without this, guessing would be unlimited.
            await users.AccessFailedAsync(user!);
        }

        if (result.IsLockedOut || await users.IsLockedOutAsync(user!))
        {
            await ledger.SaveChangesAsync(db, new LedgerDraft("platform.account.locked-out", $"user:{user!.UserName}", new { secondFactor = "recovery-code" }), ct);
            ModelState.AddModelError(string.Empty, "验证连续失败次数过多，账户已锁定 15 分钟，请稍后再试或联系管理员。");
            return Page();
        }

        ModelState.AddModelError(nameof(Recovery) + "." + nameof(Recovery.Code), "恢复码不正确或已使用过：请核对抄写的恢复码，每个恢复码只能使用一次。");
        return Page();
    }
}
