using System.Buffers.Text;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Ggzy.Credit.Contracts;
using Ggzy.Credit.Data;
using Ggzy.Credit.Domain;
using Ggzy.Credit.Features.RegisterMarketEntity;
using Ggzy.Platform.Data;
using Ggzy.Platform.Errors;
using Ggzy.Platform.Identity;
using Ggzy.Platform.Ledger;
using Ggzy.Platform.Time;
using Ggzy.Sealing;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Ggzy.Credit.Features.Staff;

/// <summary>
/// Staff of a registered organisation (R26, ADR 0010): its administrator invites people by a one-time link; the
/// invitee picks a user name and password and joins the organisation with the roles granted. Every step is on the Ledger.
/// </summary>
internal sealed partial class StaffInvitationService(
    CreditDbContext db, PlatformDbContext platform, UserManager<PlatformUser> users, EntityMembership membership,
    LedgerWriter ledger, TimeProvider clock) : IStaffInvitations
{
    public const int DefaultValidDays = 7;
    public const int MaxValidDays = 30;
    public const string AcceptPage = "/Credit/Invitations/Accept";

    public async Task<StaffOverview> OverviewAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var (entity, caller) = await membership.OfAsync(user, ct);
        var accounts = await platform.Users.AsNoTracking().Where(u => u.OrganizationId == entity.OrganizationId)
            .OrderBy(u => u.UserName).ToListAsync(ct);
        var members = new List<StaffMemberInfo>();
        foreach (var account in accounts)
        {
            var roles = await users.GetRolesAsync(account);
            members.Add(new StaffMemberInfo(account.Id, account.UserName!, account.DisplayName, [.. roles.Order(StringComparer.Ordinal)],
                account.Id == entity.AdministratorUserId, account.IsDisabled));
        }

        var now = clock.GetUtcNow();
        var invitations = await db.StaffInvitations.AsNoTracking().Where(i => i.MarketEntityId == entity.Id).ToListAsync(ct);
        return new StaffOverview(entity.Id, entity.LegalName, entity.Roles, entity.AdministratorUserId == caller.Id,
            [.. members.OrderByDescending(m => m.IsAdministrator).ThenBy(m => m.UserName, StringComparer.Ordinal)],
            [.. invitations.OrderByDescending(i => i.CreatedAt).Select(i => Info(i, now))]);
    }

    public async Task<IssuedInvitation> InviteAsync(ClaimsPrincipal user, InviteStaffInput input, CancellationToken ct)
    {
        var (entity, admin) = await membership.AdministratorAsync(user, ct);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(input.DisplayName) || input.DisplayName.Trim().Length > 50)
        {
            errors["displayName"] = [CreditProfileErrors.DisplayNameRequired];
        }

        if (input.Roles is not { Count: > 0 } || input.Roles.Any(r => !MarketEntityNames.Roles.Contains(r) || !entity.Roles.HasFlag(r)))
        {
            errors["roles"] = [CreditProfileErrors.RolesNotRegistered(MarketEntityNames.Of(entity.Roles))];
        }

        var days = input.ValidDays ?? DefaultValidDays;
        if (days is < 1 or > MaxValidDays)
        {
            errors["validDays"] = [CreditProfileErrors.ValidDaysInvalid];
        }

        if (errors.Count > 0)
        {
            throw new InputValidationException(errors);
        }

        var now = clock.GetUtcNow();
        var token = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var roles = input.Roles!.Aggregate(MarketRole.None, (all, r) => all | r);
        var invitation = new StaffInvitation
        {
            Id = Guid.CreateVersion7(now),
            MarketEntityId = entity.Id,
            DisplayName = input.DisplayName!.Trim(),
            Roles = roles,
            TokenHash = HashOf(token),
            CreatedAt = now,
            CreatedBy = admin.UserName!,
            ExpiresAt = now.AddDays(days),
        };
        db.StaffInvitations.Add(invitation);
        await ledger.SaveChangesAsync(db, new LedgerDraft("credit.staff.invited", $"market-entity:{entity.CreditCode}", new
        {
            invitation = invitation.Id,
            displayName = invitation.DisplayName,
            roles = roles.ToString(),
            expiresAt = invitation.ExpiresAt,
        }), ct);
        return new IssuedInvitation(Info(invitation, now), token, $"{AcceptPage}?token={token}");
    }

    public async Task RevokeAsync(ClaimsPrincipal user, Guid invitationId, CancellationToken ct)
    {
        var (entity, admin) = await membership.AdministratorAsync(user, ct);
        var invitation = await db.StaffInvitations.SingleOrDefaultAsync(i => i.Id == invitationId && i.MarketEntityId == entity.Id, ct)
            ?? throw new NotFoundException(CreditProfileErrors.InvitationNotFound);
        if (invitation.AcceptedAt is not null || invitation.RevokedAt is not null)
        {
            throw new BusinessRuleException(CreditProfileErrors.InvitationNotOpen, null, "invitation");
        }

        invitation.RevokedAt = clock.GetUtcNow();
        invitation.RevokedBy = admin.UserName;
        await ledger.SaveChangesAsync(db, new LedgerDraft("credit.staff.invitation-revoked", $"market-entity:{entity.CreditCode}",
            new { invitation = invitation.Id, displayName = invitation.DisplayName }), ct);
    }

    public async Task SetDisabledAsync(ClaimsPrincipal user, Guid userId, bool disabled, CancellationToken ct)
    {
        var (entity, _) = await membership.AdministratorAsync(user, ct);
        var member = await users.FindByIdAsync(userId.ToString());
        if (member is null || member.OrganizationId != entity.OrganizationId)
        {
            throw new NotFoundException(CreditProfileErrors.MemberNotFound);
        }

        if (member.Id == entity.AdministratorUserId)
        {
            throw new BusinessRuleException(CreditProfileErrors.CannotDisableAdministrator, null, "user");
        }

        if (member.IsDisabled == disabled)
        {
            return;
        }

        // The new security stamp ends the account's open sessions at their next check.
        await using var transaction = await platform.Database.BeginTransactionAsync(ct);
        member.IsDisabled = disabled;
        ThrowIfFailed(await users.UpdateSecurityStampAsync(member));
        await ledger.SaveChangesAsync(platform, new LedgerDraft(disabled ? "credit.staff.disabled" : "credit.staff.enabled",
            $"user:{member.UserName}", new { creditCode = entity.CreditCode }), ct);
        await transaction.CommitAsync(ct);
    }

    public async Task<InvitationPreview> PreviewAsync(string? token, CancellationToken ct)
    {
        var invitation = await OpenInvitationAsync(token, ct);
        var entity = await db.MarketEntities.AsNoTracking().SingleAsync(e => e.Id == invitation.MarketEntityId, ct);
        return new InvitationPreview(entity.LegalName, entity.CreditCode, invitation.DisplayName, invitation.Roles, invitation.ExpiresAt);
    }

    public async Task<AcceptedInvitation> AcceptAsync(AcceptInvitationInput input, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(input.Token))
        {
            errors["token"] = [CreditProfileErrors.TokenRequired];
        }

        if (input.UserName is null || !UserName().IsMatch(input.UserName.Trim()))
        {
            errors["userName"] = [CreditProfileErrors.UserNameInvalid];
        }

        if (string.IsNullOrEmpty(input.Password) || input.Password.Length > 128)
        {
            errors["password"] = [CreditProfileErrors.PasswordRequired];
        }

        if (errors.Count > 0)
        {
            throw new InputValidationException(errors);
        }

        // One transaction over one connection for both contexts, as registration does (ADR 0007): the account, the
        // invitation marked used and the ledger entry are stored together or not at all.
        await using var transaction = await platform.Database.BeginTransactionAsync(ct);
        db.Database.SetDbConnection(platform.Database.GetDbConnection());
        await db.Database.UseTransactionAsync(transaction.GetDbTransaction(), ct);

        var invitation = await OpenInvitationAsync(input.Token, ct);
        var entity = await db.MarketEntities.AsNoTracking().SingleAsync(e => e.Id == invitation.MarketEntityId, ct);
        var now = clock.GetUtcNow();
        var account = new PlatformUser
        {
            Id = Guid.CreateVersion7(now),
            UserName = input.UserName!.Trim(),
            DisplayName = invitation.DisplayName,
            OrganizationId = entity.OrganizationId,
            CreatedAt = now,
        };

        // Claimed first, by a conditional update: of two accepts at once, the second finds nothing left to claim.
        var claimed = await db.StaffInvitations
            .Where(i => i.Id == invitation.Id && i.AcceptedAt == null && i.RevokedAt == null)
            .ExecuteUpdateAsync(s => s
                .SetProperty(i => i.AcceptedAt, now)
                .SetProperty(i => i.AcceptedUserId, account.Id)
                .SetProperty(i => i.AcceptedUserName, account.UserName), ct);
        if (claimed != 1)
        {
            throw new BusinessRuleException(CreditProfileErrors.InvitationUsed, CreditErrors.RegisterOnceCitation, "token");
        }

        var roles = MarketEntityNames.Roles.Where(r => invitation.Roles.HasFlag(r)).ToList();
        var platformRoles = RegisterMarketEntityHandler.PlatformRolesFor(roles);
        ThrowIfFailed(await users.CreateAsync(account, input.Password!));
        ThrowIfFailed(await users.AddToRolesAsync(account, platformRoles));
        await ledger.SaveChangesAsync(db, new LedgerDraft("credit.staff.invitation-accepted", $"user:{account.UserName}", new
        {
            creditCode = entity.CreditCode,
            invitation = invitation.Id,
            displayName = account.DisplayName,
            organization = entity.OrganizationId,
            roles = platformRoles,
        }), ct);
        await transaction.CommitAsync(ct);
        return new AcceptedInvitation(account.Id, account.UserName, entity.LegalName);
    }

    private async Task<StaffInvitation> OpenInvitationAsync(string? token, CancellationToken ct)
    {
        var hash = HashOf((token ?? "").Trim());
        var invitation = await db.StaffInvitations.AsNoTracking().SingleOrDefaultAsync(i => i.TokenHash == hash, ct)
            ?? throw new BusinessRuleException(CreditProfileErrors.InvitationUnknown, null, "token");
        if (invitation.AcceptedAt is not null)
        {
            throw new BusinessRuleException(CreditProfileErrors.InvitationUsed, null, "token");
        }

        if (invitation.RevokedAt is not null)
        {
            throw new BusinessRuleException(CreditProfileErrors.InvitationRevoked, null, "token");
        }

        if (clock.GetUtcNow() >= invitation.ExpiresAt)
        {
            throw new BusinessRuleException(CreditProfileErrors.InvitationExpired(ChinaTime.Format(invitation.ExpiresAt)), null, "token");
        }

        return invitation;
    }

    public static string HashOf(string token) => Sm3.HashHex(Encoding.UTF8.GetBytes(token));

    private static StaffInvitationInfo Info(StaffInvitation i, DateTimeOffset now) =>
        new(i.Id, i.DisplayName, i.Roles, i.CreatedAt, i.CreatedBy, i.ExpiresAt,
            i.AcceptedAt is not null ? "已接受" : i.RevokedAt is not null ? "已撤销" : now >= i.ExpiresAt ? "已过期" : "待接受",
            i.RevokedAt, i.AcceptedAt, i.AcceptedUserName);

    private static void ThrowIfFailed(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InputValidationException(result.Errors
                .GroupBy(e => e.Code.StartsWith("Password", StringComparison.Ordinal) ? "password"
                    : e.Code.Contains("UserName", StringComparison.Ordinal) ? "userName" : "body", StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Select(e => e.Description).ToArray(), StringComparer.Ordinal));
        }
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{2,31}$")]
    private static partial Regex UserName();
}
