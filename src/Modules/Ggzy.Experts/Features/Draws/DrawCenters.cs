using Ggzy.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Ggzy.Experts.Features.Draws;

/// <summary>
/// Whether a user speaks for the center of a draw's lot: staff of the center that took the project, or of the city
/// center above that branch. Only they host the draw and see signed-in experts' names.
/// </summary>
internal sealed class DrawCenters(PlatformDbContext platform)
{
    public async Task<bool> IsCenterOfAsync(DrawUser user, Guid? centerId, CancellationToken ct)
    {
        if (!user.IsCenter || user.OrganizationId is not { } org)
        {
            return false;
        }

        if (centerId is null || centerId == org)
        {
            return true;
        }

        var parent = await platform.Organizations.AsNoTracking().Where(o => o.Id == centerId).Select(o => o.ParentId).FirstOrDefaultAsync(ct);
        return parent == org;
    }
}
