using System.ComponentModel.DataAnnotations;
using Ggzy.Platform.Errors;
using Ggzy.Platform.Identity;
using Ggzy.Platform.Ledger;
using Microsoft.AspNetCore.Identity;

namespace Ggzy.Web.Identity.OwnAccount;

public sealed class AuthenticatorCodeInput
{
    [Required(ErrorMessage = "请输入验证器上显示的 6 位动态口令。")]
    [RegularExpression(@"^\s*\d{3}[\s-]?\d{3}\s*$", ErrorMessage = "动态口令为 6 位数字，请按验证器当前显示的数字输入。")]
    public string? Code { get; set; }
}

/// <summary>Issues a new shared key for an authenticator app. Two-factor sign-in stays off until a code from it is confirmed.</summary>
public sealed class ResetAuthenticatorKeyHandler(UserManager<PlatformUser> users, SignInManager<PlatformUser> signIn, AccountLedger accounts)
{
    public async Task HandleAsync(PlatformUser user, CancellationToken ct)
    {
        if (user.TwoFactorEnabled)
        {
            throw new BusinessRuleException("动态口令已启用。如需更换验证器，请先用当前动态口令停用，再重新设置。");
        }

        await accounts.SaveAsync(async () => (await users.ResetAuthenticatorKeyAsync(user)).ThrowIfFailed(),
            new LedgerDraft("platform.account.totp-key-issued", $"user:{user.UserName}"), ct);
        await signIn.RefreshSignInAsync(user);
    }
}

public sealed class EnableTwoFactorHandler(UserManager<PlatformUser> users, SignInManager<PlatformUser> signIn, AccountLedger accounts)
{
    public async Task HandleAsync(PlatformUser user, AuthenticatorCodeInput input, CancellationToken ct)
    {
        if (await users.GetAuthenticatorKeyAsync(user) is null)
        {
            throw new BusinessRuleException("请先点击“生成密钥”，在验证器中添加账户后再输入动态口令。");
        }

        if (!await users.VerifyAsync(user, input.Code))
        {
            throw WrongCode();
        }

        await accounts.SaveAsync(async () => (await users.SetTwoFactorEnabledAsync(user, true)).ThrowIfFailed(),
            new LedgerDraft("platform.account.totp-enabled", $"user:{user.UserName}"), ct);
        await signIn.RefreshSignInAsync(user);
    }

    internal static InputValidationException WrongCode() =>
        new(new Dictionary<string, string[]>(StringComparer.Ordinal)
        {
            ["code"] = ["动态口令不正确：请输入验证器当前显示的 6 位数字，并确认手机时间准确。"],
        });
}

/// <summary>Turns two-factor sign-in off. The key is replaced too, so the old entry in the app is useless from now on.</summary>
public sealed class DisableTwoFactorHandler(UserManager<PlatformUser> users, SignInManager<PlatformUser> signIn, AccountLedger accounts)
{
    public async Task HandleAsync(PlatformUser user, AuthenticatorCodeInput input, CancellationToken ct)
    {
        if (!user.TwoFactorEnabled)
        {
            throw new BusinessRuleException("动态口令尚未启用，无需停用。");
        }

        if (!await users.VerifyAsync(user, input.Code))
        {
            throw EnableTwoFactorHandler.WrongCode();
        }

        await accounts.SaveAsync(
            async () =>
            {
                (await users.SetTwoFactorEnabledAsync(user, false)).ThrowIfFailed();
                (await users.ResetAuthenticatorKeyAsync(user)).ThrowIfFailed();
            },
            new LedgerDraft("platform.account.totp-disabled", $"user:{user.UserName}"), ct);
        await signIn.RefreshSignInAsync(user);
    }
}
