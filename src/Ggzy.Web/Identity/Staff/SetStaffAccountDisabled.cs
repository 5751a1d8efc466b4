using System.Security.Claims;
using Ggzy.Platform.Errors;
using Ggzy.Platform.Identity;
using Ggzy.Platform.Ledger;
using Microsoft.AspNetCore.Identity;

namespace Ggzy.Web.Identity.Staff;

/// <summary>
/// Disables or re-enables a staff account. A disabled account cannot sign in and its API tokens are refused; the new
/// security stamp ends its open sessions at their next check.
/// </summary>
public sealed class SetStaffAccountDisabledHandler(UserManager<PlatformUser> users, CenterScope scope, AccountLedger accounts)
{
    public async Task HandleAsync(ClaimsPrincipal admin, Guid userId, bool disabled, CancellationToken ct)
    {
        var user = await scope.ManagedAccountAsync(admin, userId, ct);
        if (user.Id == admin.UserId())
        {
            throw new BusinessRuleException("不能停用本人账户。如需停用，请联系本中心的其他管理员。");
        }

        if (user.IsDisabled == disabled)
        {
            return;
        }

        user.IsDisabled = disabled;
        await accounts.SaveAsync(async () => (await users.UpdateSecurityStampAsync(user)).ThrowIfFailed(),
            new LedgerDraft(disabled ? "platform.user.disabled" : "platform.user.enabled", $"user:{user.UserName}"), ct);
    }
}
