using System.Security.Claims;
using Ggzy.Experts.Contracts;
using Ggzy.Platform.Data;
using Ggzy.Platform.Demo;
using Ggzy.Platform.Identity;
using Ggzy.Platform.Time;
using Ggzy.Trading.Contracts;
using Ggzy.Trading.Data;
using Ggzy.Trading.Domain.Schedule;
using Ggzy.Trading.Features.Award;
using Ggzy.Trading.Features.Evaluation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ggzy.Trading.Demo;

/// <summary>
/// The demo's evaluations (docs/evaluation.md §11), award and contract (docs/award.md) and contracted archive
/// (docs/archive.md), on the 沿江大道 works whose committees the expert draws seated (four of the expert accounts and the
/// tenderer's 吴国平 each):
/// <list type="bullet">
/// <item>路灯及交通设施施工 (deadline three hours ago): 评标中 — the room opened an hour ago, the chair elected, both reviews
/// concluded, three members have submitted their scores, a fourth has drafted some, the representative none yet;</item>
/// <item>桥梁维修加固施工 (deadline yesterday): the report signed yesterday, the candidate publicity published now by the
/// agency (<see cref="AwardDemoSeeder"/>) — 中标候选人公示中;</item>
/// <item>道路及排水工程施工 (deadline 25 days ago): evaluated, publicised, awarded, its written report to 住建 recorded by the
/// agency and its day corrected by the center's 李晓梅 (招标投标法 第四十七条), the contract signed by the winner and
/// 吴国平 and its main terms published (合同已签订), then archived by the archive builder (已归档) — a package the
/// tenderer, the agency and the supervisors download, which carries the report and its correction.</item>
/// </list>
/// The draws of the two evaluated lots are closed by the center at seeding, which makes their seeds public.
/// Every step goes through the room's, the award's and the archive's own services, each in a scope of its own with the
/// clock of the moment it happened, so that the Ledger tells it as it would happen. Idempotent: nothing is done once a
/// room exists for the first of the lots, or when a lot or its committee is missing.
/// </summary>
internal sealed class EvaluationDemoSeeder(
    IServiceScopeFactory services, TradingDbContext db, PlatformDbContext platform, ICommitteeSeats committees, TimeProvider clock) : IDemoSeeder
{
    private readonly DemoEvaluationSteps _steps = new(services, clock);

    /// <summary>
    /// Comprehensive scoring (综合评估法) of the demo's works: price 30 (computed from the reference price), technical 50,
    /// commercial 20; mean of the members' scores; at most three candidates.
    /// </summary>
    public const string Criteria = """
        {
          "format": "ggzy.evaluation-criteria.v1", "revision": 1, "regime": "tender", "subject": "works", "method": "comprehensive",
          "groups": [
            { "code": "P", "name": "价格", "weight": 30, "items": [{ "code": "P1", "name": "投标报价", "kind": "price", "maxPoints": 30 }] },
            { "code": "T", "name": "技术", "weight": 50, "items": [
                { "code": "T1", "name": "施工组织设计", "kind": "subjective", "maxPoints": 30, "step": 0.5 },
                { "code": "T2", "name": "工期和质量响应", "kind": "objective", "maxPoints": 20, "levels": [0, 5, 10, 15, 20] }] },
            { "code": "B", "name": "商务", "weight": 20, "items": [
                { "code": "B1", "name": "类似业绩", "kind": "subjective", "maxPoints": 20, "step": 0.5 }] }
          ],
          "adjustments": [], "aggregation": "mean", "decimals": 2, "tieBreaks": ["lower-price"], "technicalGroup": "T", "candidates": 3,
          "deviationThresholdPercent": 20
        }
        """;

    /// <summary>Why the center corrected the day of the 道路及排水 lot's written report to 住建.</summary>
    public const string CorrectionReason = "按住建局书面报告回执所载收件日期更正，登记时误填为录入当日。";

    /// <summary>The representative the draws' requests provided for (one of five members): the tenderer's 吴国平.</summary>
    public const string Representative = "tenderer";

    // Each bid's points by arrival (T1 施工组织设计, T2 工期和质量响应, B1 类似业绩); the members differ a little on the subjective items.
    private static readonly (decimal T1, decimal T2, decimal B1)[] Points = [(25.5m, 20m, 16m), (23m, 15m, 17.5m), (24m, 15m, 15m)];

    // After the draws (200); the ratings (235) follow the draws the evaluations here close.
    public int Order => 220;

    public async Task SeedAsync(CancellationToken ct)
    {
        var project = await db.Projects.AsNoTracking().SingleOrDefaultAsync(p => p.Name == OpeningDemoSeeder.RoadProject, ct);
        if (project is null)
        {
            return;
        }

        var lots = await db.Lots.AsNoTracking().Where(l => l.ProjectId == project.Id).ToListAsync(ct);
        var evaluating = lots.SingleOrDefault(l => l.Name == OpeningDemoSeeder.RoadEvaluating);
        var publicity = lots.SingleOrDefault(l => l.Name == OpeningDemoSeeder.RoadPublicity);
        var contracted = lots.SingleOrDefault(l => l.Name == OpeningDemoSeeder.RoadContracted);
        if (evaluating is null || publicity is null || contracted is null || await db.EvaluationRooms.AnyAsync(r => r.LotId == evaluating.Id, ct)
            || new[] { evaluating, publicity, contracted }.Any(l => l.State != LotState.DeadlinePassed || l.Deadline is null))
        {
            return;
        }

        // Each lot's committee: every expert drawn has signed in and has an account to act with (a host that seeds no draws has none).
        var draws = new Dictionary<Guid, Guid>();
        foreach (var lot in new[] { evaluating, publicity, contracted })
        {
            if (await committees.OfLotAsync(lot.Id, ct) is not { } committee || committee.SignedIn.Count != committee.Members - committee.Representatives
                || committee.SignedIn.Any(s => s.AccountUserName is null))
            {
                return;
            }

            draws[lot.Id] = committee.DrawId;
        }

        // After an evaluation the center closes its draw, which makes the draw's seeds public (docs/expert-draw.md).
        var centerId = project.CenterId ?? await platform.Organizations.AsNoTracking().Where(o => o.Kind == OrganizationKind.TradingCenter)
            .Select(o => o.Id).FirstOrDefaultAsync(ct);
        var center = Person("clerk", Roles.CenterStaff, centerId);
        async Task CloseDrawAsync(Guid lotId) => await InScopeAsync<IExpertDraws, bool>(async (d, _) =>
        {
            await d.CloseAsync(center, draws[lotId], ct);
            return true;
        });

        var agency = Person("agency", Roles.Agency, project.AgencyId);
        var tenderer = Person(Representative, Roles.Tenderer, project.TendererId);

        // 道路及排水: evaluated on its deadline's day, publicised the next day, awarded after the publicity, contracted, archived.
        var deadline = contracted.Deadline!.Value;
        if (await EvaluateAsync(contracted.Id, deadline.AddHours(2), agency, tenderer, DemoEvaluationSteps.Progress.Signed, ct) is { } report)
        {
            await CloseDrawAsync(contracted.Id);
            var publicised = deadline.AddDays(1);
            await InScopeAsync<AwardDemoSeeder, bool>(async (s, sp) =>
            {
                await ActivatorUtilities.CreateInstance<AwardDemoSeeder>(sp, DemoEvaluationSteps.Award(sp, publicised)).SeedAsync(report, ct);
                return true;
            });
            var ends = (await InScopeAsync<AwardService, AwardView>((_, sp) => DemoEvaluationSteps.Award(sp, publicised).ViewAsync(agency, contracted.Id, ct))).PublicityEndsAt;
            if (ends is { } end)
            {
                // After the publicity: the first-ranked is awarded, the contract drafted, signed by both, published, archived.
                var awardedAt = end.AddHours(1);
                await _steps.AwardAt(awardedAt, a => a.AwardAsync(agency, contracted.Id, new AwardInput(report.Candidates.OrderBy(c => c.Rank).First().BidId, null, null), ct));
                await ReportToHousingAsync(contracted.Id, awardedAt, agency, center, ct);
                await _steps.ContractAsync(contracted.Id, report, awardedAt, agency, tenderer,
                    "标的：沿江大道道路及排水工程施工；工期 540 日历天；质量标准：合格；按月进度付款至合同价款的 80%，竣工验收后付至 97%，余款为质量保证金（演示）。", ct);
            }
        }

        // 桥梁维修加固: evaluated yesterday; the agency publishes the candidate publicity now.
        if (await EvaluateAsync(publicity.Id, publicity.Deadline!.Value.AddHours(2), agency, tenderer, DemoEvaluationSteps.Progress.Signed, ct) is { } signed)
        {
            await CloseDrawAsync(publicity.Id);
            await InScopeAsync<AwardDemoSeeder, bool>(async (s, _) =>
            {
                await s.SeedAsync(signed, ct);
                return true;
            });
        }

        // 路灯及交通设施: in the room now.
        await EvaluateAsync(evaluating.Id, evaluating.Deadline!.Value.AddHours(2), agency, tenderer, DemoEvaluationSteps.Progress.Scoring, ct);
    }

    // The written report to 住建 (招标投标法 第四十七条), recorded by the agency the morning after the award with the day it
    // was recorded, and corrected by the center's 李晓梅 (clerk) to the day on the department's receipt (the award's day),
    // with her reason — before the contract is drafted, so that the lot's archive carries both (award-filings.json).
    private async Task ReportToHousingAsync(Guid lotId, DateTimeOffset awardedAt, ClaimsPrincipal agency, ClaimsPrincipal center, CancellationToken ct)
    {
        var recordedOn = Day(awardedAt).AddDays(1);
        var recordedAt = new DateTimeOffset(recordedOn.ToDateTime(new TimeOnly(8, 30)), ChinaTime.Offset).ToUniversalTime();
        if (recordedAt.AddMinutes(40) > clock.GetUtcNow())
        {
            return;
        }

        var housing = await platform.Organizations.AsNoTracking()
            .Where(o => o.Kind == OrganizationKind.SupervisoryDepartment && o.Sector == "住建").Select(o => o.Name).FirstOrDefaultAsync(ct) ?? "住建局";
        await _steps.AwardAt(recordedAt, a => a.FileSupervisorReportAsync(agency, lotId,
            new AwardFilingInput(recordedOn, housing, $"安建招报〔{recordedOn.Year}〕0317号（演示）"), ct));
        await _steps.AwardAt(recordedAt.AddMinutes(40), a => a.CorrectFilingAsync(center, lotId, "supervisor-report",
            new AwardFilingCorrectionInput(Day(awardedAt), CorrectionReason), ct));
    }

    private static DateOnly Day(DateTimeOffset at) => DateOnly.FromDateTime(at.ToOffset(ChinaTime.Offset).DateTime);

    private static Dictionary<string, decimal> PointsOf(int member, int bid)
    {
        var (t1, t2, b1) = Points[bid % Points.Length];
        var spread = (member - 2) * 0.5m;
        return new Dictionary<string, decimal> { ["T1"] = t1 + spread, ["T2"] = t2, ["B1"] = b1 - spread };
    }

    private Task<SignedEvaluationReport?> EvaluateAsync(Guid lotId, DateTimeOffset start, ClaimsPrincipal agency, ClaimsPrincipal tenderer,
        DemoEvaluationSteps.Progress progress, CancellationToken ct) =>
        _steps.EvaluateAsync(lotId, start, agency, tenderer, Criteria, PointsOf, progress, ct);

    private Task<TResult> InScopeAsync<T, TResult>(Func<T, IServiceProvider, Task<TResult>> work)
        where T : notnull => _steps.InScopeAsync(work);

    private static ClaimsPrincipal Person(string name, string role, Guid? organizationId) => DemoEvaluationSteps.Person(name, role, organizationId);
}
