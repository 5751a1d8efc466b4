using System.Security.Claims;

namespace Ggzy.Credit.Contracts;

/// <summary>
/// An organisation's people (R26: the organisation registers once; its administrator invites its staff, who need
/// not register it again). Every change is on the Ledger.
/// </summary>
public interface IStaffInvitations
{
    /// <summary>The caller's organisation's accounts and invitations; <see cref="StaffOverview.CallerIsAdministrator"/> says whether it may act.</summary>
    /// <exception cref="Ggzy.Platform.Errors.ForbiddenException">The caller belongs to no registered market entity.</exception>
    Task<StaffOverview> OverviewAsync(ClaimsPrincipal user, CancellationToken ct);

    /// <summary>Creates an invitation; the secret link is in the answer and nowhere else.</summary>
    /// <exception cref="Ggzy.Platform.Errors.ForbiddenException">The caller is not the organisation's administrator.</exception>
    Task<IssuedInvitation> InviteAsync(ClaimsPrincipal user, InviteStaffInput input, CancellationToken ct);

    Task RevokeAsync(ClaimsPrincipal user, Guid invitationId, CancellationToken ct);

    /// <summary>Disables (or enables again) a staff account of the organisation; not the administrator's own.</summary>
    Task SetDisabledAsync(ClaimsPrincipal user, Guid userId, bool disabled, CancellationToken ct);

    /// <summary>What an invitation link offers, before the invitee accepts it.</summary>
    /// <exception cref="Ggzy.Platform.Errors.BusinessRuleException">Unknown, expired, revoked or used.</exception>
    Task<InvitationPreview> PreviewAsync(string? token, CancellationToken ct);

    /// <summary>Creates the invitee's account in the organisation with the invited roles; the link is then used up.</summary>
    Task<AcceptedInvitation> AcceptAsync(AcceptInvitationInput input, CancellationToken ct);
}

/// <summary>The organisation's accounts and its invitations (newest first).</summary>
public sealed record StaffOverview(
    Guid EntityId, string LegalName, MarketRole EntityRoles, bool CallerIsAdministrator,
    IReadOnlyList<StaffMemberInfo> Members, IReadOnlyList<StaffInvitationInfo> Invitations);

/// <summary>An account of the organisation.</summary>
public sealed record StaffMemberInfo(Guid UserId, string UserName, string DisplayName, IReadOnlyList<string> Roles, bool IsAdministrator, bool IsDisabled);

/// <summary>An invitation and where it stands: 待接受, 已接受, 已撤销 or 已过期.</summary>
public sealed record StaffInvitationInfo(
    Guid Id, string DisplayName, MarketRole Roles, DateTimeOffset CreatedAt, string CreatedBy, DateTimeOffset ExpiresAt,
    string Status, DateTimeOffset? RevokedAt, DateTimeOffset? AcceptedAt, string? AcceptedUserName);

/// <summary>A new invitation with its one-time link (<see cref="AcceptPath"/> carries the secret; it is not stored).</summary>
public sealed record IssuedInvitation(StaffInvitationInfo Invitation, string Token, string AcceptPath);

/// <summary>What the invitee sees before accepting.</summary>
public sealed record InvitationPreview(string LegalName, string CreditCode, string DisplayName, MarketRole Roles, DateTimeOffset ExpiresAt);

/// <summary>The account created by accepting.</summary>
public sealed record AcceptedInvitation(Guid UserId, string UserName, string LegalName);

/// <summary>邀请本单位工作人员。</summary>
public sealed class InviteStaffInput
{
    /// <summary>被邀请人姓名，不超过 50 个字符。</summary>
    public string? DisplayName { get; set; }

    /// <summary>授予的角色：本单位已注册角色中的一种或几种。</summary>
    public List<MarketRole>? Roles { get; set; }

    /// <summary>有效天数，1–30，默认 7。</summary>
    public int? ValidDays { get; set; }
}

/// <summary>接受邀请：设置自己的用户名和密码。</summary>
public sealed class AcceptInvitationInput
{
    public string? Token { get; set; }

    /// <summary>3–32 个字符，字母、数字和 . _ -，创建后不能修改。</summary>
    public string? UserName { get; set; }

    /// <summary>至少 8 个字符，须同时包含大写字母、小写字母、数字和符号。</summary>
    public string? Password { get; set; }
}
