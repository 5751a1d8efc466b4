using System.Security.Claims;
using Ggzy.Experts.Domain.Draws;
using Ggzy.Platform.Identity;

namespace Ggzy.Experts.Features.Draws;

/// <summary>
/// The signed-in user as the draw sees them: the account, its organisation, and whether it speaks for the center or
/// the authorities. A draw's tenderer and agency act on it; the center and the authorities read every draw.
/// </summary>
internal sealed record DrawUser(string UserName, Guid UserId, Guid? OrganizationId, bool IsCenter, bool IsAuthority, bool IsExpert)
{
    public static DrawUser From(ClaimsPrincipal principal) => new(
        principal.Identity?.Name ?? throw new InvalidOperationException("The user is not signed in."),
        Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var user) ? user : Guid.Empty,
        Guid.TryParse(principal.FindFirstValue(GgzyClaims.OrganizationId), out var org) ? org : null,
        principal.IsInRole(Roles.CenterStaff) || principal.IsInRole(Roles.CenterAdministrator),
        principal.IsInRole(Roles.Regulator) || principal.IsInRole(Roles.Supervisor),
        principal.IsInRole(Roles.Expert));

    public bool RunsLot(ExpertDraw draw) => OrganizationId is { } org && (org == draw.TendererId || org == draw.AgencyId);

    public bool MayRead(ExpertDraw draw) => RunsLot(draw) || IsCenter || IsAuthority;
}
