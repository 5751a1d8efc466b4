using Ggzy.Experts.Contracts;
using Ggzy.Platform.Data;
using Ggzy.Platform.Demo;
using Ggzy.Platform.Identity;
using Ggzy.Trading.Data;
using Ggzy.Trading.Domain.Schedule;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ggzy.Trading.Demo;

/// <summary>
/// The demo's 政府采购 evaluations (docs/evaluation.md §11), award by the result notice and contract (docs/award.md) and
/// archive, on the goods of <see cref="OpeningDemoSeeder.PurchaseProject"/> whose committees the expert draws seated (four
/// of the expert accounts and the purchaser's 吴国平 each), under 综合评分法 with the price weight of goods at its floor of
/// 30 % (87号令 第五十五条):
/// <list type="bullet">
/// <item>交互式智能黑板 (deadline five hours ago): 评标中 — the chair elected, both reviews concluded, three members have
/// submitted their scores, a fourth has drafted some, the representative none yet;</item>
/// <item>理化生实验室仪器 (deadline 20 days ago): the report signed, the first-ranked (宏远, <c>bidder</c>) awarded the next
/// day with the result notice (恒泰 and 鼎盛 told their own score and rank), the contract signed by 宏远 and 吴国平 and its
/// main terms published, then archived.</item>
/// </list>
/// The opened lots 图书馆家具 and 体育器材 have no committee yet. Every step goes through the services with the clock of the
/// moment it happened (<see cref="DemoEvaluationSteps"/>). Idempotent: nothing is done once a room exists for the lot in
/// evaluation, or when a lot or its committee is missing.
/// </summary>
internal sealed class ProcurementEvaluationDemoSeeder(
    IServiceScopeFactory services, TradingDbContext db, PlatformDbContext platform, ICommitteeSeats committees, TimeProvider clock) : IDemoSeeder
{
    /// <summary>
    /// 综合评分法 of the demo's goods: price 30 (the floor for goods; (评标基准价/投标报价)×30), technical 50, commercial 20; the
    /// mean of every member's scores (no dropping of the highest and lowest); at most three candidates.
    /// </summary>
    public const string Criteria = """
        {
          "format": "ggzy.evaluation-criteria.v1", "revision": 1, "regime": "procurement", "subject": "goods", "method": "comprehensive",
          "groups": [
            { "code": "P", "name": "价格", "weight": 30, "items": [{ "code": "P1", "name": "投标报价", "kind": "price", "maxPoints": 30 }] },
            { "code": "T", "name": "技术", "weight": 50, "items": [
                { "code": "T1", "name": "技术方案", "kind": "subjective", "maxPoints": 30, "step": 0.5 },
                { "code": "T2", "name": "参数响应", "kind": "objective", "maxPoints": 20, "levels": [0, 5, 10, 15, 20] }] },
            { "code": "B", "name": "商务", "weight": 20, "items": [
                { "code": "B1", "name": "业绩", "kind": "objective", "maxPoints": 10, "levels": [0, 2, 4, 6, 8, 10] },
                { "code": "B2", "name": "售后服务", "kind": "subjective", "maxPoints": 10, "step": 0.5 }] }
          ],
          "adjustments": [], "aggregation": "mean", "decimals": 2, "tieBreaks": ["lower-price"], "technicalGroup": "T", "candidates": 3,
          "deviationThresholdPercent": 20
        }
        """;

    // Each bid's points by arrival (T1 技术方案, T2 参数响应, B1 业绩, B2 售后服务): 宏远 first, 恒泰 second, 鼎盛 — the lowest
    // price, with the full price score — third; the members differ a little on the subjective items.
    private static readonly (decimal T1, decimal T2, decimal B1, decimal B2)[] Points = [(26m, 20m, 8m, 8m), (24m, 15m, 10m, 8.5m), (23m, 15m, 6m, 7m)];

    private readonly DemoEvaluationSteps _steps = new(services, clock);

    // After the 工程 evaluations (220), whose draws were made together with these.
    public int Order => 230;

    public async Task SeedAsync(CancellationToken ct)
    {
        var project = await db.Projects.AsNoTracking().SingleOrDefaultAsync(p => p.Name == OpeningDemoSeeder.PurchaseProject, ct);
        if (project is null)
        {
            return;
        }

        var lots = await db.Lots.AsNoTracking().Where(l => l.ProjectId == project.Id).ToListAsync(ct);
        var evaluating = lots.SingleOrDefault(l => l.Name == OpeningDemoSeeder.PurchaseEvaluating);
        var contracted = lots.SingleOrDefault(l => l.Name == OpeningDemoSeeder.PurchaseContracted);
        if (evaluating is null || contracted is null || await db.EvaluationRooms.AnyAsync(r => r.LotId == evaluating.Id, ct)
            || new[] { evaluating, contracted }.Any(l => l.State != LotState.DeadlinePassed || l.Deadline is null))
        {
            return;
        }

        var draws = new Dictionary<Guid, Guid>();
        foreach (var lot in new[] { evaluating, contracted })
        {
            if (await committees.OfLotAsync(lot.Id, ct) is not { } committee || committee.SignedIn.Count != committee.Members - committee.Representatives
                || committee.SignedIn.Any(s => s.AccountUserName is null))
            {
                return;
            }

            draws[lot.Id] = committee.DrawId;
        }

        var centerId = project.CenterId ?? await platform.Organizations.AsNoTracking().Where(o => o.Kind == OrganizationKind.TradingCenter)
            .Select(o => o.Id).FirstOrDefaultAsync(ct);
        var agency = DemoEvaluationSteps.Person("agency", Roles.Agency, project.AgencyId);
        var purchaser = DemoEvaluationSteps.Person(EvaluationDemoSeeder.Representative, Roles.Tenderer, project.TendererId);

        // 理化生实验室仪器: evaluated on its deadline's day; the agency awards the first-ranked the next morning, which publishes the
        // result notice; the contract is signed and published within days, and the closed lot is archived.
        var deadline = contracted.Deadline!.Value;
        if (await _steps.EvaluateAsync(contracted.Id, deadline.AddHours(2), agency, purchaser, Criteria, PointsOf, DemoEvaluationSteps.Progress.Signed, ct)
            is { } report)
        {
            await _steps.InScopeAsync<IExpertDraws, bool>(async (d, _) =>
            {
                await d.CloseAsync(DemoEvaluationSteps.Person("clerk", Roles.CenterStaff, centerId), draws[contracted.Id], ct);
                return true;
            });
            var awardedAt = deadline.AddDays(1).AddHours(1);
            await _steps.InScopeAsync<AwardDemoSeeder, bool>(async (_, sp) =>
            {
                await ActivatorUtilities.CreateInstance<AwardDemoSeeder>(sp, DemoEvaluationSteps.Award(sp, awardedAt)).SeedAsync(report, ct);
                return true;
            });
            await _steps.ContractAsync(contracted.Id, report, awardedAt, agency, purchaser,
                "标的：理化生实验室仪器一批（见供货清单）；交货期 30 日历天，安装调试并验收合格；质保期 3 年；验收合格后 15 个工作日内付至合同价款的 97%，余款为质量保证金（演示）。", ct);
        }

        // 交互式智能黑板: in the room now.
        await _steps.EvaluateAsync(evaluating.Id, evaluating.Deadline!.Value.AddHours(2), agency, purchaser, Criteria, PointsOf,
            DemoEvaluationSteps.Progress.Scoring, ct);
    }

    private static Dictionary<string, decimal> PointsOf(int member, int bid)
    {
        var (t1, t2, b1, b2) = Points[bid % Points.Length];
        var spread = (member - 2) * 0.5m;
        return new Dictionary<string, decimal> { ["T1"] = t1 + spread, ["T2"] = t2, ["B1"] = b1, ["B2"] = b2 - spread };
    }
}
