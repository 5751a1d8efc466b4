using System.Security.Claims;
using Ggzy.Platform.Errors;
using Ggzy.Platform.Identity;
using Ggzy.Platform.Ledger;
using Microsoft.AspNetCore.Identity;

namespace Ggzy.Web.Identity.Staff;

/// <summary>Lifts the lockout that repeated wrong passwords or codes put on an account.</summary>
public sealed class UnlockStaffAccountHandler(UserManager<PlatformUser> users, CenterScope scope, AccountLedger accounts)
{
    public async Task HandleAsync(ClaimsPrincipal admin, Guid userId, CancellationToken ct)
    {
        var user = await scope.ManagedAccountAsync(admin, userId, ct);
        if (!await users.IsLockedOutAsync(user) && user.AccessFailedCount == 0)
        {
            throw new BusinessRuleException("该账户未被锁定，无需解锁。");
        }

        await accounts.SaveAsync(
            async () =>
            {
                (await users.SetLockoutEndDateAsync(user, null)).ThrowIfFailed();
                (await users.ResetAccessFailedCountAsync(user)).ThrowIfFailed();
            },
            new LedgerDraft("platform.user.unlocked", $"user:{user.UserName}"), ct);
    }
}
