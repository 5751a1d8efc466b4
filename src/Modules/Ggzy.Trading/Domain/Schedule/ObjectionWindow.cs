using Ggzy.Platform.Errors;
using Ggzy.Platform.Rules;
using static Ggzy.Trading.Domain.Schedule.ChinaDates;

namespace Ggzy.Trading.Domain.Schedule;

/// <summary>
/// Whether an objection to the documents is in time, and by when it must be answered.
/// 工程招标 (实施条例 第二十二条): an objection to the 招标文件 is raised at least 10 days before the bid deadline, to the
/// 资格预审文件 at least 2 days before the application deadline; the tenderer answers within 3 days of receiving it and
/// the procedure is paused until it does. 政府采购 has 质疑 instead (采购法 第五十二条、第五十三条): within 7 working
/// days of the day the supplier knew (received the documents, or the notice period ended), answered within 7
/// working days, without an automatic pause.
/// </summary>
internal sealed class ObjectionWindow(StatutoryTiming timing)
{
    public ObjectionAssessment Assess(ProcedureSchedule schedule, DateTimeOffset raisedAt, DateOnly? knownOn = null) =>
        schedule.Regime == Regime.Tender ? Tender(schedule, raisedAt) : Procurement(schedule, raisedAt, knownOn);

    private ObjectionAssessment Tender(ProcedureSchedule schedule, DateTimeOffset raisedAt)
    {
        var lead = timing.Rule(schedule.Prequalification
            ? StatutoryRules.TenderPrequalificationObjection
            : StatutoryRules.TenderDocumentsObjection);
        var reply = timing.Rule(StatutoryRules.TenderObjectionReply);

        // Counted back from the deadline day without moving over holidays: moving would shorten the bidder's right.
        var latest = Day(schedule.Deadline).AddDays(-StatutoryTiming.Whole(lead));
        var raised = Day(raisedAt);
        var leadText = StatutoryRule.Format(lead.Value) + lead.Rule.Unit.Suffix();
        if (raised > latest)
        {
            return Refused(lead, latest, lead.Violation(
                $"对{schedule.DocumentsName}的异议应当在{schedule.DeadlineName} {Text(schedule.Deadline)} {leadText}前提出，即最迟 {Text(latest)}；"
                + $"本次于 {Text(raisedAt)} 提出，已超过期限，不予受理").Message);
        }

        var answerDay = timing.PeriodEnd(raised, reply);
        var answerBy = EndOf(answerDay.Date);
        var message = $"异议已在期限内提出（最迟 {Text(latest)}，依据：{lead.Source}）。招标人应当在 {Text(answerDay.Date)} 前作出答复，"
            + $"作出答复前暂停招标投标活动（依据：{reply.Source}）。";
        return new ObjectionAssessment(true, latest, answerBy, true, lead.Rule.Key, message, answerDay.UnknownYears);
    }

    private ObjectionAssessment Procurement(ProcedureSchedule schedule, DateTimeOffset raisedAt, DateOnly? knownOn)
    {
        if (knownOn is not { } known)
        {
            throw new InputValidationException(new Dictionary<string, string[]>(StringComparer.Ordinal)
            {
                ["KnownOn"] = ["请填写供应商获取采购文件之日或者公告期限届满之日，质疑期限自该日起算（《中华人民共和国政府采购法实施条例》第五十三条）。"],
            });
        }

        var window = timing.Rule(StatutoryRules.ProcurementChallenge);
        var reply = timing.Rule(StatutoryRules.ProcurementChallengeReply);
        var last = timing.PeriodEnd(known, window);
        var raised = Day(raisedAt);
        var windowText = StatutoryRule.Format(window.Value) + window.Rule.Unit.Suffix();
        if (raised > last.Date || raised < known)
        {
            return Refused(window, last.Date, window.Violation(
                $"质疑应当自 {Text(known)} 起 {windowText}内提出，即最迟 {Text(last.Date)}；本次于 {Text(raisedAt)} 提出，不在期限内，不予受理").Message,
                last.UnknownYears);
        }

        var answerDay = timing.PeriodEnd(raised, reply);
        var message = $"质疑已在期限内提出（最迟 {Text(last.Date)}，依据：{window.Source}）。应当在 {Text(answerDay.Date)} 前作出答复（依据：{reply.Source}）。";
        return new ObjectionAssessment(true, last.Date, EndOf(answerDay.Date), false, window.Rule.Key, message,
            [.. last.UnknownYears.Union(answerDay.UnknownYears).Order()]);
    }

    private static ObjectionAssessment Refused(EffectiveRule rule, DateOnly latest, string message, IReadOnlyList<int>? unknownYears = null) =>
        new(false, latest, null, false, rule.Rule.Key, message, unknownYears ?? []);
}

/// <summary>
/// Whether an objection (质疑) is accepted; the last day it could be raised; the end of the day by which it must be
/// answered; whether the procedure is paused until then; and the Chinese message with the articles.
/// </summary>
internal sealed record ObjectionAssessment(
    bool Accepted,
    DateOnly LatestDay,
    DateTimeOffset? AnswerBy,
    bool PausesProcedure,
    string RuleKey,
    string Message,
    IReadOnlyList<int> UnknownYears);
