using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Ggzy.Platform.Errors;
using Ggzy.Platform.Identity;
using Ggzy.Platform.Ledger;
using Microsoft.AspNetCore.Identity;

namespace Ggzy.Web.Identity.Staff;

public sealed class ResetStaffPasswordInput
{
    /// <summary>At least 8 characters with an upper-case and a lower-case letter, a digit and a symbol.</summary>
    [Required(ErrorMessage = "请设置新密码。")]
    [StringLength(128, ErrorMessage = "密码不超过 128 个字符。")]
    public string? NewPassword { get; set; }
}

/// <summary>Sets a new password for a staff member who forgot theirs. Their open sessions end with the old password.</summary>
public sealed class ResetStaffPasswordHandler(UserManager<PlatformUser> users, CenterScope scope, AccountLedger accounts)
{
    public async Task HandleAsync(ClaimsPrincipal admin, Guid userId, ResetStaffPasswordInput input, CancellationToken ct)
    {
        var user = await scope.ManagedAccountAsync(admin, userId, ct);
        if (user.Id == admin.UserId())
        {
            throw new BusinessRuleException("不能在账户管理中重置本人密码，请在“我的账户”中修改。");
        }

        // Made before the transaction: the reset token may touch the data protection key ring, which has its own connection.
        var token = await users.GeneratePasswordResetTokenAsync(user);
        await accounts.SaveAsync(
            async () => (await users.ResetPasswordAsync(user, token, input.NewPassword!)).ThrowIfFailed("newPassword"),
            new LedgerDraft("platform.user.password-reset", $"user:{user.UserName}"), ct);
    }
}
