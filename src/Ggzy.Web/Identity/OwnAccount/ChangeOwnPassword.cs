using System.ComponentModel.DataAnnotations;
using Ggzy.Platform.Identity;
using Ggzy.Platform.Ledger;
using Microsoft.AspNetCore.Identity;

namespace Ggzy.Web.Identity.OwnAccount;

public sealed class ChangeOwnPasswordInput
{
    [Required(ErrorMessage = "请输入当前密码。")]
    [StringLength(128, ErrorMessage = "密码不超过 128 个字符。")]
    public string? CurrentPassword { get; set; }

    [Required(ErrorMessage = "请输入新密码。")]
    [StringLength(128, ErrorMessage = "密码不超过 128 个字符。")]
    public string? NewPassword { get; set; }

    [Required(ErrorMessage = "请再次输入新密码。")]
    [Compare(nameof(NewPassword), ErrorMessage = "两次输入的新密码不一致，请重新输入。")]
    public string? ConfirmPassword { get; set; }
}

public sealed class ChangeOwnPasswordHandler(UserManager<PlatformUser> users, SignInManager<PlatformUser> signIn, AccountLedger accounts)
{
    public async Task HandleAsync(PlatformUser user, ChangeOwnPasswordInput input, CancellationToken ct)
    {
        await accounts.SaveAsync(
            async () => (await users.ChangePasswordAsync(user, input.CurrentPassword!, input.NewPassword!)).ThrowIfFailed("newPassword"),
            new LedgerDraft("platform.account.password-changed", $"user:{user.UserName}"), ct);

        // The new security stamp would end this session at its next check; the user who changed it stays signed in.
        await signIn.RefreshSignInAsync(user);
    }
}
