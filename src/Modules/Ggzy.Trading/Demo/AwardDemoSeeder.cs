using System.Security.Claims;
using Ggzy.Platform.Identity;
using Ggzy.Trading.Contracts;
using Ggzy.Trading.Data;
using Ggzy.Trading.Domain.Schedule;
using Ggzy.Trading.Features.Award;
using Ggzy.Trading.Features.Evaluation;
using Microsoft.EntityFrameworkCore;

namespace Ggzy.Trading.Demo;

/// <summary>
/// The demo's award (docs/award.md): given a lot's signed evaluation report — the one the evaluation room's demo signs,
/// which <see cref="IEvaluationReports"/> must return for the lot — the project's agency publishes the candidate
/// publicity (工程招标) or, under 政府采购, awards the first-ranked candidate at once, so a newcomer finds a lot in
/// publicity or awarded on the first run. Everything goes through <see cref="AwardService"/>, so the Ledger tells it as
/// it would happen. Not an <c>IDemoSeeder</c> of its own: the evaluation demo calls <see cref="SeedAsync"/> once it
/// has signed its report.
/// </summary>
internal sealed class AwardDemoSeeder(TradingDbContext db, AwardService awards)
{
    public async Task SeedAsync(SignedEvaluationReport report, CancellationToken ct)
    {
        if (await db.LotAwards.AnyAsync(a => a.LotId == report.LotId, ct) || report.AllRejected || report.Candidates.Count == 0)
        {
            return;
        }

        var lot = await db.Lots.AsNoTracking().SingleAsync(l => l.Id == report.LotId, ct);
        var project = await db.Projects.AsNoTracking().SingleAsync(p => p.Id == lot.ProjectId, ct);
        if (lot.State != LotState.Evaluated)
        {
            return;
        }

        var agency = Person("agency", Roles.Agency, project.AgencyId ?? project.TendererId);
        if (project.Regime == Regime.Tender)
        {
            await awards.StartPublicityAsync(agency, lot.Id, new PublicityInput(null), ct);
        }
        else
        {
            var first = report.Candidates.OrderBy(c => c.Rank).First();
            await awards.AwardAsync(agency, lot.Id, new AwardInput(first.BidId, null, null), ct);
        }
    }

    private static ClaimsPrincipal Person(string name, string role, Guid organizationId) =>
        new(new ClaimsIdentity([new(ClaimTypes.Name, name), new(ClaimTypes.Role, role), new(GgzyClaims.OrganizationId, organizationId.ToString())], "demo"));
}
