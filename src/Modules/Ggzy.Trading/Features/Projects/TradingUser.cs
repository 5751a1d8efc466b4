using System.Security.Claims;
using Ggzy.Platform.Identity;
using Ggzy.Trading.Domain.Projects;

namespace Ggzy.Trading.Features.Projects;

/// <summary>
/// The signed-in user as Trading sees them: the account, its organisation, and whether it speaks for the center,
/// the Regulator or a supervisory department. Access to a project follows the resource: its tenderer and agency act
/// on it; the center, the Regulator and supervisors read every project.
/// </summary>
internal sealed record TradingUser(string UserName, Guid? OrganizationId, bool IsCenter, bool IsRegulator, bool IsSupervisor)
{
    public static TradingUser From(ClaimsPrincipal principal) => new(
        principal.Identity?.Name ?? throw new InvalidOperationException("The user is not signed in."),
        Guid.TryParse(principal.FindFirstValue(GgzyClaims.OrganizationId), out var id) ? id : null,
        principal.IsInRole(Roles.CenterStaff) || principal.IsInRole(Roles.CenterAdministrator),
        principal.IsInRole(Roles.Regulator),
        principal.IsInRole(Roles.Supervisor));

    /// <summary>The tenderer's or the agency's staff: they act on the project.</summary>
    public bool RunsProject(Project project) => OrganizationId is { } org && project.IsRunBy(org);

    /// <summary>Who may read a project's registration, including its files: those who run it, the center, the authorities.</summary>
    public bool MayRead(Project project) => RunsProject(project) || IsCenter || IsRegulator || IsSupervisor;
}
