using System.Security.Claims;
using Ggzy.Credit.Data;
using Ggzy.Credit.Domain;
using Ggzy.Platform.Data;
using Ggzy.Platform.Errors;
using Ggzy.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace Ggzy.Credit.Features;

/// <summary>
/// The market entity the signed-in user belongs to: every action on "our organisation" starts here, so no one acts
/// on another organisation by naming it.
/// </summary>
internal sealed class EntityMembership(CreditDbContext db, PlatformDbContext platform)
{
    public async Task<(MarketEntity Entity, PlatformUser User)> OfAsync(ClaimsPrincipal principal, CancellationToken ct, bool track = false)
    {
        if (!Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var userId)
            || await platform.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == userId, ct) is not { OrganizationId: { } organizationId } user)
        {
            throw new ForbiddenException(CreditProfileErrors.NotAMember);
        }

        var entities = track ? db.MarketEntities : db.MarketEntities.AsNoTracking();
        var entity = await entities.SingleOrDefaultAsync(e => e.OrganizationId == organizationId, ct)
            ?? throw new ForbiddenException(CreditProfileErrors.NotAMember);
        return (entity, user);
    }

    /// <summary>Only the organisation's administrator may manage its people (R26).</summary>
    public async Task<(MarketEntity Entity, PlatformUser User)> AdministratorAsync(ClaimsPrincipal principal, CancellationToken ct)
    {
        var (entity, user) = await OfAsync(principal, ct);
        return entity.AdministratorUserId == user.Id ? (entity, user) : throw new ForbiddenException(CreditProfileErrors.OnlyAdministrator);
    }
}
