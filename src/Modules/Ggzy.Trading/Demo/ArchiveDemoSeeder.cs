using System.Security.Claims;
using Ggzy.Platform.Data;
using Ggzy.Platform.Demo;
using Ggzy.Platform.Identity;
using Ggzy.Trading.Data;
using Ggzy.Trading.Domain.Schedule;
using Ggzy.Trading.Features.Archive;
using Ggzy.Trading.Features.Procedures;
using Microsoft.EntityFrameworkCore;

namespace Ggzy.Trading.Demo;

/// <summary>
/// The demo's archive (docs/archive.md): the 东湖公园 project's 园路及铺装 lot, which failed at its opening with two bids, is
/// archived at once (the procedure clock would wait a day) — its package downloadable by 吴国平 (tenderer), 郑丽华 (agency),
/// 赵立新 (regulator) and the supervisors — and re-tendered by the agency as a new draft lot linked to it.
/// Idempotent: nothing is done once the lot has a package or is missing.
/// </summary>
internal sealed class ArchiveDemoSeeder(
    TradingDbContext db, PlatformDbContext platform, LotArchiveService archives, FailurePaths failures, TimeProvider clock) : IDemoSeeder
{
    public const string FailedLot = "园路及铺装施工";

    public int Order => 170;

    public async Task SeedAsync(CancellationToken ct)
    {
        var project = await db.Projects.AsNoTracking().SingleOrDefaultAsync(p => p.Name == OpeningDemoSeeder.ParkProject, ct);
        var lot = project is null ? null
            : await db.Lots.AsNoTracking().SingleOrDefaultAsync(l => l.ProjectId == project.Id && l.Name == FailedLot && l.State == LotState.Failed, ct);
        var agencyName = DemoAccounts.Organizations.Single(o => o.Key == "agency").Name;
        var agency = await platform.Organizations.AsNoTracking().SingleOrDefaultAsync(o => o.Name == agencyName, ct);
        if (lot is null || agency is null || await db.LotArchives.AnyAsync(a => a.LotId == lot.Id, ct))
        {
            return;
        }

        await archives.BuildAsync(lot.Id, clock.GetUtcNow(), ct);
        var principal = new ClaimsPrincipal(new ClaimsIdentity(
            [new(ClaimTypes.Name, "agency"), new(ClaimTypes.Role, Roles.Agency), new(GgzyClaims.OrganizationId, agency.Id.ToString())], "demo"));
        await failures.RetenderAsync(principal, lot.Id, ct);
    }
}
