using Ggzy.Platform.Data;
using Ggzy.Platform.Demo;
using Ggzy.Platform.Identity;
using Ggzy.Trading.Contracts;
using Ggzy.Trading.Data;
using Ggzy.Trading.Features.Procedures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ggzy.Trading.Demo;

/// <summary>
/// What the supervisory departments find on the first run (docs/award.md, 终止与行政监督部门):
/// <list type="bullet">
/// <item>the 第三中学教学楼 works lot (施工), whose termination the agency asked three hours ago on the ground that the project
/// is idle — it waits for 住建 (孙海燕, <c>supervisor.housing</c>), who finds it on her list and in her notices;</item>
/// <item>the 沿江大道 道路及排水 lot's written report to 住建 (招标投标法 第四十七条), recorded by the agency ten days after the
/// award with the day it was recorded, and corrected by the center's 李晓梅 (<c>clerk</c>) to the day on the department's
/// receipt, with her reason.</item>
/// </list>
/// Everything goes through the services, each with the clock of the moment it happened. Idempotent: nothing is done once
/// the works lot has a termination request, or the road lot a report.
/// </summary>
internal sealed class SupervisionDemoSeeder(IServiceScopeFactory services, TradingDbContext db, PlatformDbContext platform, TimeProvider clock)
    : IDemoSeeder
{
    public const string TerminationDetail = "教学楼选址因城市规划调整须重新论证，自委托之日起三个月内无法进行交易，经催告后七日内仍不能确定恢复时间，申请终止本次招标。";

    public const string CorrectionReason = "按住建局书面报告回执所载收件日期更正，登记时误填为录入当日。";

    private readonly DemoEvaluationSteps _steps = new(services, clock);

    public int Order => 240;

    public async Task SeedAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var school = await db.Projects.AsNoTracking().Include(p => p.Lots).SingleOrDefaultAsync(p => p.Name == ProjectDemoSeeder.SchoolProject, ct);
        var works = school?.Lots.SingleOrDefault(l => l.Number == 1);
        if (school?.AgencyId is { } agencyId && works is not null && !await db.LotTerminationRequests.AnyAsync(r => r.LotId == works.Id, ct))
        {
            await using var scope = services.CreateAsyncScope();
            var failures = ActivatorUtilities.CreateInstance<FailurePaths>(scope.ServiceProvider, new DemoEvaluationSteps.FixedClock(now.AddHours(-3)));
            await failures.TerminateAsync(DemoEvaluationSteps.Person("agency", Roles.Agency, agencyId), works.Id,
                new LotActionInput { Ground = "project-idle", Reason = TerminationDetail }, ct);
        }

        var road = await db.Projects.AsNoTracking().Include(p => p.Lots).SingleOrDefaultAsync(p => p.Name == OpeningDemoSeeder.RoadProject, ct);
        var contracted = road?.Lots.SingleOrDefault(l => l.Name == OpeningDemoSeeder.RoadContracted);
        var award = contracted is null ? null : await db.LotAwards.AsNoTracking().SingleOrDefaultAsync(a => a.LotId == contracted.Id, ct);
        if (road?.AgencyId is not { } roadAgency || award is not { AwardedAt: { } awardedAt, SupervisorReportOn: null } || awardedAt.AddDays(11) > now)
        {
            return;
        }

        var centerId = road.CenterId ?? await platform.Organizations.AsNoTracking().Where(o => o.Kind == OrganizationKind.TradingCenter)
            .Select(o => o.Id).FirstOrDefaultAsync(ct);
        var recordedAt = awardedAt.AddDays(10);
        var housing = await platform.Organizations.AsNoTracking()
            .Where(o => o.Kind == OrganizationKind.SupervisoryDepartment && o.Sector == "住建").Select(o => o.Name).FirstOrDefaultAsync(ct) ?? "住建局";
        await _steps.AwardAt(recordedAt, a => a.FileSupervisorReportAsync(DemoEvaluationSteps.Person("agency", Roles.Agency, roadAgency), contracted!.Id,
            new AwardFilingInput(Day(recordedAt), housing, "安建招报〔2026〕0317号（演示）"), ct));
        await _steps.AwardAt(recordedAt.AddHours(3), a => a.CorrectFilingAsync(DemoEvaluationSteps.Person("clerk", Roles.CenterStaff, centerId),
            contracted!.Id, "supervisor-report", new AwardFilingCorrectionInput(Day(awardedAt.AddDays(8)), CorrectionReason), ct));
    }

    private static DateOnly Day(DateTimeOffset at) => DateOnly.FromDateTime(at.ToOffset(Ggzy.Platform.Time.ChinaTime.Offset).DateTime);
}
