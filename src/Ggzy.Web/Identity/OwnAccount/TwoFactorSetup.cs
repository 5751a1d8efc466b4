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

public sealed class RecoveryCodeInput
{
    [Required(ErrorMessage = "请输入一个恢复码。")]
    [StringLength(40, ErrorMessage = "恢复码格式不正确，请按抄写的恢复码输入，如 ABCDE-FGHJK。")]
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

/// <summary>Turns two-factor sign-in on and issues the first recovery codes, which the caller shows once.</summary>
public sealed class EnableTwoFactorHandler(UserManager<PlatformUser> users, SignInManager<PlatformUser> signIn, AccountLedger accounts)
{
    public async Task<IReadOnlyList<string>> HandleAsync(PlatformUser user, AuthenticatorCodeInput input, CancellationToken ct)
    {
        // A resubmitted form (a refresh of the page that showed the codes) must not replace the codes just shown.
        if (user.TwoFactorEnabled)
        {
            throw new BusinessRuleException("动态口令已启用，恢复码已在启用时显示。如需新的恢复码，请使用“重新生成恢复码”。");
        }

        if (await users.GetAuthenticatorKeyAsync(user) is null)
        {
            throw new BusinessRuleException("请先点击“生成密钥”，在验证器中添加账户后再输入动态口令。");
        }

        if (!await users.VerifyAsync(user, input.Code))
        {
            throw WrongCode();
        }

        IReadOnlyList<string> codes = [];
        await accounts.SaveAsync(
            async () =>
            {
                (await users.SetTwoFactorEnabledAsync(user, true)).ThrowIfFailed();
                codes = await RecoveryCodes.GenerateAsync(users, user);
            },
            [
                new LedgerDraft("platform.account.totp-enabled", $"user:{user.UserName}"),
                RecoveryCodes.IssuedDraft(user, "totp-enabled"),
            ],
            ct);
        await signIn.RefreshSignInAsync(user);
        return codes;
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

/// <summary>Replaces the recovery codes: the old ones stop working. Asks for a current code, like turning two-factor off.</summary>
public sealed class RegenerateRecoveryCodesHandler(UserManager<PlatformUser> users, AccountLedger accounts)
{
    public async Task<IReadOnlyList<string>> HandleAsync(PlatformUser user, AuthenticatorCodeInput input, CancellationToken ct)
    {
        if (!user.TwoFactorEnabled)
        {
            throw new BusinessRuleException("动态口令尚未启用，启用后才会生成恢复码。");
        }

        if (!await users.VerifyAsync(user, input.Code))
        {
            throw EnableTwoFactorHandler.WrongCode();
        }

        IReadOnlyList<string> codes = [];
        await accounts.SaveAsync(async () => codes = await RecoveryCodes.GenerateAsync(users, user),
            RecoveryCodes.IssuedDraft(user, "regenerated"), ct);
        return codes;
    }
}

/// <summary>One-time codes that stand in for the authenticator when the phone is lost. Only their count goes on the Ledger.</summary>
internal static class RecoveryCodes
{
    public const int Count = 10;

    public static async Task<IReadOnlyList<string>> GenerateAsync(UserManager<PlatformUser> users, PlatformUser user) =>
        [.. await users.GenerateNewTwoFactorRecoveryCodesAsync(user, Count)
            ?? throw new InvalidOperationException("Identity issued no recovery codes.")];

    public static LedgerDraft IssuedDraft(PlatformUser user, string reason) =>
        new("platform.account.recovery-codes-issued", $"user:{user.UserName}", new { count = Count, reason });

    /// <summary>People copy codes with spaces or in lower case; the stored form is upper case with one dash.</summary>
    public static string Normalize(string? code) =>
        string.Concat((code ?? "").Where(c => !char.IsWhiteSpace(c))).ToUpperInvariant();
}
