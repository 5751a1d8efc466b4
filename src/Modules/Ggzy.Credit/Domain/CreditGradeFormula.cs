using Ggzy.Credit.Contracts;
using static System.FormattableString;

namespace Ggzy.Credit.Domain;

/// <summary>
/// The credit grade (R29: Wuhan §33, §37; Jilin-Measures §41) from an entity's effective records: a base score, less
/// a deduction per penalty, violation and ended debarment, plus a capped bonus per reward and performance record,
/// over the look-back window; a debarment in force is grade D. docs/credit-grade.md describes it.
/// </summary>
internal static class CreditGradeFormula
{
    public static CreditGrade Grade(CreditHistory history, DateTimeOffset at, CreditGradeOptions o)
    {
        var today = CreditPeriod.DayOf(at);
        var windowStart = today.AddMonths(-o.LookBackMonths);
        var counted = history.Effective.Where(r => r.DecisionDate > windowStart && r.DecisionDate <= today).ToList();
        var lines = new List<string> { Invariant($"基础分 {o.BaseScore:0.##}（统计 {windowStart:yyyy-MM-dd} 之后至 {today:yyyy-MM-dd} 作出决定的有效记录，近 {o.LookBackMonths} 个月）") };

        decimal Count(CreditRecordKind kind, decimal each, string name, int sign)
        {
            var n = counted.Count(r => r.Kind == kind);
            if (n > 0 && each > 0)
            {
                lines.Add(Invariant($"{name} {n} 条，{(sign < 0 ? "扣" : "加")} {n * each:0.##} 分（每条 {each:0.##} 分）"));
            }

            return n * each;
        }

        var debarment = history.DebarmentAt(at);
        var endedDebarments = history.Debarments()
            .Count(d => d.Until is { } until && until <= at && d.Record.DecisionDate > windowStart && d.Record.DecisionDate <= today);
        var deductions = Count(CreditRecordKind.Penalty, o.PenaltyDeduction, "行政处罚", -1)
            + Count(CreditRecordKind.Violation, o.ViolationDeduction, "违法违规", -1);
        if (endedDebarments > 0 && o.EndedDebarmentDeduction > 0)
        {
            deductions += endedDebarments * o.EndedDebarmentDeduction;
            lines.Add(Invariant($"已结束的失信惩戒 {endedDebarments} 条，扣 {endedDebarments * o.EndedDebarmentDeduction:0.##} 分（每条 {o.EndedDebarmentDeduction:0.##} 分）"));
        }

        var bonus = Count(CreditRecordKind.Reward, o.RewardBonus, "奖励", 1) + Count(CreditRecordKind.Performance, o.PerformanceBonus, "履约信息", 1);
        if (bonus > o.MaxBonus)
        {
            lines.Add(Invariant($"加分合计以 {o.MaxBonus:0.##} 分为限"));
            bonus = o.MaxBonus;
        }

        var score = Math.Max(0, o.BaseScore - deductions + bonus);
        var level = score >= o.GradeA ? CreditGradeLevel.A : score >= o.GradeB ? CreditGradeLevel.B : score >= o.GradeC ? CreditGradeLevel.C : CreditGradeLevel.D;
        if (debarment is { } d)
        {
            level = CreditGradeLevel.D;
            lines.Add($"失信惩戒执行中（{d.Record.DecidingBody} {d.Record.DecisionNumber}），信用等级为 D 级");
        }

        lines.Add(Invariant($"得分 {score:0.##}：A 级 ≥ {o.GradeA:0.##}，B 级 ≥ {o.GradeB:0.##}，C 级 ≥ {o.GradeC:0.##}，其余为 D 级"));
        return new CreditGrade(level, CreditRecordNames.Of(level), score, debarment is not null, lines);
    }
}
