using System.Security.Claims;
using Ggzy.Platform.Data;
using Ggzy.Platform.Errors;
using Ggzy.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace Ggzy.Web.Identity.Staff;

/// <summary>
/// The accounts a center administrator may manage: those of its own center and of the branch centers under it.
/// Anything outside is reported as not found, so an administrator cannot probe other centers' accounts.
/// </summary>
public sealed class CenterScope(PlatformDbContext db)
{
    public async Task<IReadOnlyList<Organization>> CentersOfAsync(ClaimsPrincipal admin, CancellationToken ct)
    {
        if (!Guid.TryParse(admin.FindFirstValue(GgzyClaims.OrganizationId), out var own))
        {
            return [];
        }

        var centers = await db.Organizations.AsNoTracking()
            .Where(o => (o.Id == own || o.ParentId == own)
                && (o.Kind == OrganizationKind.TradingCenter || o.Kind == OrganizationKind.BranchCenter))
            .ToListAsync(ct);
        return centers.OrderBy(o => o.Id != own).ThenBy(o => o.Name, StringComparer.Ordinal).ToList();
    }

    public async Task<PlatformUser> ManagedAccountAsync(ClaimsPrincipal admin, Guid userId, CancellationToken ct)
    {
        var centers = (await CentersOfAsync(admin, ct)).Select(o => (Guid?)o.Id).ToList();
        return await db.Users.FirstOrDefaultAsync(u => u.Id == userId && centers.Contains(u.OrganizationId), ct)
            ?? throw new NotFoundException("账户不存在，或不属于本中心及其分中心。请从账户列表中选择。");
    }
}
