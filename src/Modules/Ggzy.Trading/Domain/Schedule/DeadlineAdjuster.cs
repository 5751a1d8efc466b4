using Ggzy.Platform.Errors;
using Ggzy.Platform.Rules;
using static Ggzy.Trading.Domain.Schedule.ChinaDates;

namespace Ggzy.Trading.Domain.Schedule;

/// <summary>
/// What a clarification or amendment of the documents does to the deadline (招标投标法 第二十三条、实施条例 第二十一条;
/// 87号令 第二十七条、采购条例 第三十一条): one that may affect the preparation of bids (applications) and is issued
/// less than 15 days (资格预审: 3 days) before the deadline moves the deadline to at least that many days after it.
/// </summary>
internal sealed class DeadlineAdjuster(StatutoryTiming timing)
{
    public DeadlineAdjustment Assess(ProcedureSchedule schedule, DateTimeOffset issuedAt, bool affectsPreparation = true)
    {
        if (issuedAt >= schedule.Deadline)
        {
            throw new BusinessRuleException(
                $"{schedule.DeadlineName} {Text(schedule.Deadline)} 已过，不能再澄清或者修改{schedule.DocumentsName}。");
        }

        var rule = timing.Rule(RuleFor(schedule));
        var issued = Text(issuedAt);
        if (!affectsPreparation)
        {
            return new DeadlineAdjustment(false, schedule.Deadline, rule.Rule.Key, rule.Source,
                Cited($"本次澄清或者修改于 {issued} 发出，不影响{Preparing(schedule)}的编制，{schedule.DeadlineName}无需顺延", rule), []);
        }

        var end = timing.PeriodEnd(Day(issuedAt), rule);
        var length = StatutoryRule.Format(rule.Value) + rule.Rule.Unit.Suffix();
        if (Day(schedule.Deadline) >= end.Date)
        {
            return new DeadlineAdjustment(false, schedule.Deadline, rule.Rule.Key, rule.Source,
                Cited($"本次澄清或者修改于 {issued} 发出，距{schedule.DeadlineName} {Text(schedule.Deadline)} 不少于 {length}，{schedule.DeadlineName}无需顺延", rule),
                end.UnknownYears);
        }

        var earliest = At(end.Date, TimeOfDay(schedule.Deadline));
        return new DeadlineAdjustment(true, earliest, rule.Rule.Key, rule.Source,
            Cited($"本次澄清或者修改于 {issued} 发出，可能影响{Preparing(schedule)}的编制，距原{schedule.DeadlineName} {Text(schedule.Deadline)} 不足 {length}，"
                + $"{schedule.DeadlineName}顺延至 {Text(earliest)} 或之后（开始当天不计入，最后一日遇法定节假日或休息日顺延）", rule),
            end.UnknownYears);
    }

    private static StatutoryRule RuleFor(ProcedureSchedule schedule) => (schedule.Regime, schedule.Prequalification) switch
    {
        (Regime.Tender, false) => StatutoryRules.TenderClarificationToDeadline,
        (Regime.Tender, true) => StatutoryRules.TenderPrequalificationClarification,
        (_, false) => StatutoryRules.ProcurementClarificationToDeadline,
        (_, true) => StatutoryRules.ProcurementPrequalificationClarification,
    };

    private static string Preparing(ProcedureSchedule schedule) => schedule.Prequalification ? "资格预审申请文件" : "投标文件";

    private static string Cited(string text, EffectiveRule rule) => $"{text}（依据：{rule.Source}）。";
}

/// <summary>
/// The effect of a clarification or amendment on the deadline: whether it must move, the earliest deadline allowed
/// (the current one when it need not move), and why, in Chinese with the article — what the tenderer is shown.
/// </summary>
internal sealed record DeadlineAdjustment(
    bool MustMove, DateTimeOffset EarliestDeadline, string RuleKey, string Citation, string Reason, IReadOnlyList<int> UnknownYears);
