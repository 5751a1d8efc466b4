using System.Security.Claims;
using Ggzy.Platform.Alerts;
using Ggzy.Platform.Data;
using Ggzy.Platform.Identity;
using Ggzy.Platform.Navigation;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Ggzy.Web.Pages;

[RequirePermission(PlatformPermissions.Workbench)]
public sealed class WorkbenchModel(PlatformDbContext db, IEnumerable<NavigationItem> navigation, PermissionTable permissions) : PageModel
{
    public string DisplayName { get; private set; } = "";

    public IReadOnlyList<string> Roles { get; private set; } = [];

    public string? OrganizationName { get; private set; }

    public IReadOnlyList<PlatformAlert> Alerts { get; private set; } = [];

    public IReadOnlyList<NavigationItem> Links { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        DisplayName = User.FindFirstValue(GgzyClaims.DisplayName) ?? User.Identity!.Name!;
        Roles = User.FindAll(ClaimTypes.Role).Select(c => c.Value).ToList();
        if (Guid.TryParse(User.FindFirstValue(GgzyClaims.OrganizationId), out var orgId))
        {
            OrganizationName = await db.Organizations.Where(o => o.Id == orgId).Select(o => o.Name).FirstOrDefaultAsync(ct);
        }

        var roles = Roles;
        Alerts = await db.Alerts.AsNoTracking()
            .Where(a => a.AcknowledgedAt == null && roles.Contains(a.Audience))
            .OrderByDescending(a => a.RaisedAt)
            .Take(20)
            .ToListAsync(ct);
        Links = navigation
            .Where(n => n.Permission is not null && n.Url != "/Workbench" && permissions.Grants(User, n.Permission))
            .OrderBy(n => n.Order)
            .ToList();
    }
}
