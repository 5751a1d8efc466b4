using System.Security.Claims;
using Ggzy.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Ggzy.Web.Identity.Staff;

/// <summary>An account of the administrator's center tree, as the list shows it.</summary>
public sealed record StaffAccountView(Guid Id, string UserName, string DisplayName, IReadOnlyList<string> Roles,
    Guid? OrganizationId, string Organization, bool IsDisabled, bool IsLockedOut, bool TwoFactorEnabled, DateTimeOffset CreatedAt);

public sealed class StaffAccountListQuery(PlatformDbContext db, CenterScope scope, TimeProvider clock)
{
    public async Task<IReadOnlyList<StaffAccountView>> ForAsync(ClaimsPrincipal admin, Guid? only, CancellationToken ct)
    {
        var centers = (await scope.CentersOfAsync(admin, ct)).ToDictionary(o => o.Id, o => o.Name);
        var ids = centers.Keys.Select(id => (Guid?)id).ToList();
        var users = await db.Users.AsNoTracking()
            .Where(u => ids.Contains(u.OrganizationId) && (only == null || u.Id == only))
            .ToListAsync(ct);
        var userIds = users.Select(u => u.Id).ToList();
        var roles = await (from ur in db.UserRoles
                           join r in db.Roles on ur.RoleId equals r.Id
                           where userIds.Contains(ur.UserId)
                           select new { ur.UserId, r.Name })
            .ToListAsync(ct);
        var now = clock.GetUtcNow();
        return users
            .OrderBy(u => u.UserName, StringComparer.Ordinal)
            .Select(u => new StaffAccountView(u.Id, u.UserName!, u.DisplayName,
                roles.Where(r => r.UserId == u.Id).Select(r => r.Name!).Order(StringComparer.Ordinal).ToList(),
                u.OrganizationId, centers[u.OrganizationId!.Value], u.IsDisabled, u.LockoutEnd > now, u.TwoFactorEnabled, u.CreatedAt))
            .ToList();
    }
}
