using System.ComponentModel.DataAnnotations;
using Ggzy.Platform.Data;
using Ggzy.Platform.Identity;
using Ggzy.Platform.Ledger;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ggzy.Web.Pages.Account;

[AllowAnonymous]
public sealed class SignInModel(SignInManager<PlatformUser> signIn, PlatformDbContext db, LedgerWriter ledger) : PageModel
{
    [BindProperty]
    public SignInInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var user = await signIn.UserManager.FindByNameAsync(Input.UserName!);
        if (user is null || user.IsDisabled)
        {
            ModelState.AddModelError(string.Empty, "用户名或密码不正确。");
            return Page();
        }

        var result = await signIn.PasswordSignInAsync(user, Input.Password!, isPersistent: false, lockoutOnFailure: true);
        if (result.RequiresTwoFactor)
        {
            return RedirectToPage("/Account/TwoFactor", new { ReturnUrl });
        }

        if (result.IsLockedOut)
        {
            await ledger.SaveChangesAsync(db, new LedgerDraft("platform.account.locked-out", $"user:{user.UserName}"), ct);
            ModelState.AddModelError(string.Empty, "密码连续输错次数过多，账户已锁定 15 分钟，请稍后再试或联系管理员。");
            return Page();
        }

        if (!result.Succeeded)
        {
            // The failed attempt counts towards the lockout: a change of the account's state, so it is on the Ledger.
            await ledger.SaveChangesAsync(db, new LedgerDraft("platform.account.sign-in-failed", $"user:{user.UserName}"), ct);
            ModelState.AddModelError(string.Empty, "用户名或密码不正确。");
            return Page();
        }

        await ledger.SaveChangesAsync(db, new LedgerDraft("platform.account.signed-in", $"user:{user.UserName}"), ct);
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/Workbench");
    }

    public sealed class SignInInput
    {
        [Required(ErrorMessage = "请输入用户名。")]
        [StringLength(64, ErrorMessage = "用户名不超过 64 个字符。")]
        public string? UserName { get; set; }

        [Required(ErrorMessage = "请输入密码。")]
        [StringLength(128, ErrorMessage = "密码不超过 128 个字符。")]
        public string? Password { get; set; }
    }
}
