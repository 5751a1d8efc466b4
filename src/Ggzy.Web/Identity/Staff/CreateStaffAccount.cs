using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Ggzy.Platform.Errors;
using Ggzy.Platform.Identity;
using Ggzy.Platform.Ledger;
using Microsoft.AspNetCore.Identity;

namespace Ggzy.Web.Identity.Staff;

public sealed class CreateStaffAccountInput
{
    [Required(ErrorMessage = "请填写用户名。")]
    [RegularExpression("^[A-Za-z0-9][A-Za-z0-9._-]{2,31}$",
        ErrorMessage = "用户名为 3–32 个字符，以字母或数字开头，只能使用字母、数字和 . _ -（如 zhang.wei）。")]
    public string? UserName { get; set; }

    [Required(ErrorMessage = "请填写姓名。")]
    [StringLength(50, ErrorMessage = "姓名不超过 50 个字符。")]
    public string? DisplayName { get; set; }

    /// <summary>CenterStaff or CenterAdministrator.</summary>
    [Required(ErrorMessage = "请选择角色：CenterStaff（交易中心工作人员）或 CenterAdministrator（交易中心管理员）。")]
    public string? Role { get; set; }

    /// <summary>The administrator's own center or one of its branch centers.</summary>
    [Required(ErrorMessage = "请选择所属单位：本中心或其分中心。")]
    public Guid? OrganizationId { get; set; }

    /// <summary>At least 8 characters with an upper-case and a lower-case letter, a digit and a symbol.</summary>
    [Required(ErrorMessage = "请设置初始密码。")]
    [StringLength(128, ErrorMessage = "密码不超过 128 个字符。")]
    public string? Password { get; set; }
}

public sealed class CreateStaffAccountHandler(UserManager<PlatformUser> users, CenterScope scope, AccountLedger accounts, TimeProvider clock)
{
    public static readonly IReadOnlyList<string> AssignableRoles = [Roles.CenterStaff, Roles.CenterAdministrator];

    public async Task<Guid> HandleAsync(ClaimsPrincipal admin, CreateStaffAccountInput input, CancellationToken ct)
    {
        if (!AssignableRoles.Contains(input.Role!, StringComparer.Ordinal))
        {
            throw new InputValidationException(new Dictionary<string, string[]>(StringComparer.Ordinal)
            {
                ["role"] = ["角色只能是 CenterStaff（交易中心工作人员）或 CenterAdministrator（交易中心管理员）。"],
            });
        }

        if (!(await scope.CentersOfAsync(admin, ct)).Any(o => o.Id == input.OrganizationId))
        {
            throw new ForbiddenException("只能为本中心及其分中心创建账户，请在所属单位中选择本中心或其分中心。");
        }

        var now = clock.GetUtcNow();
        var user = new PlatformUser
        {
            Id = Guid.CreateVersion7(now),
            UserName = input.UserName!.Trim(),
            DisplayName = input.DisplayName!.Trim(),
            OrganizationId = input.OrganizationId,
            CreatedAt = now,
        };
        await accounts.SaveAsync(
            async () =>
            {
                (await users.CreateAsync(user, input.Password!)).ThrowIfFailed();
                (await users.AddToRoleAsync(user, input.Role!)).ThrowIfFailed();
            },
            new LedgerDraft("platform.user.created", $"user:{user.UserName}",
                new { user.UserName, user.DisplayName, roles = new[] { input.Role }, organization = user.OrganizationId }), ct);
        return user.Id;
    }
}
