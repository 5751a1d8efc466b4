using System.Security.Claims;
using Ggzy.Platform.Errors;
using Ggzy.Platform.Identity;
using Ggzy.Platform.Ledger;
using Microsoft.AspNetCore.Identity;

namespace Ggzy.Web.Identity.Staff;

/// <summary>
/// For a staff member who lost the phone with their authenticator: two-factor sign-in goes off and the old key is
/// replaced, so whoever holds the phone gains nothing. The member sets it up again from their own account page.
/// </summary>
public sealed class TurnOffStaffTwoFactorHandler(UserManager<PlatformUser> users, CenterScope scope, AccountLedger accounts)
{
    public async Task HandleAsync(ClaimsPrincipal admin, Guid userId, CancellationToken ct)
    {
        var user = await scope.ManagedAccountAsync(admin, userId, ct);
        if (!user.TwoFactorEnabled)
        {
            throw new BusinessRuleException("该账户未启用动态口令，无需关闭。");
        }

        await accounts.SaveAsync(
            async () =>
            {
                (await users.SetTwoFactorEnabledAsync(user, false)).ThrowIfFailed();
                (await users.ResetAuthenticatorKeyAsync(user)).ThrowIfFailed();
            },
            new LedgerDraft("platform.user.totp-turned-off", $"user:{user.UserName}"), ct);
    }
}
