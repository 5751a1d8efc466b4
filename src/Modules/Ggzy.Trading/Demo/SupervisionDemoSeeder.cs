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
/// </list>
/// The 沿江大道 道路及排水 lot's corrected written report to 住建 is made by the evaluation demo, before the lot's archive
/// (<see cref="EvaluationDemoSeeder"/>). Everything goes through the services, each with the clock of the moment it
/// happened. Idempotent: nothing is done once the works lot has a termination request.
/// </summary>
internal sealed class SupervisionDemoSeeder(IServiceScopeFactory services, TradingDbContext db, TimeProvider clock) : IDemoSeeder
{
    public const string TerminationDetail = "教学楼选址因城市规划调整须重新论证，自委托之日起三个月内无法进行交易，经催告后七日内仍不能确定恢复时间，申请终止本次招标。";

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
    }
}
