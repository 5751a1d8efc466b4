using Ggzy.Platform.Rules;
using Ggzy.Platform.Time;
using Ggzy.Trading.Domain.Schedule;
using Ggzy.Trading.Domain.Security;
using static Ggzy.Trading.Domain.Schedule.ChinaDates;

namespace Ggzy.Trading.Domain.Award;

/// <summary>Whether a statutory date is the last day something may happen, or the first day it may end.</summary>
internal enum DeadlineKind
{
    /// <summary>最迟: the step must be taken by the end of <see cref="AwardDeadline.Date"/>.</summary>
    NoLaterThan = 1,

    /// <summary>最早: a period that must last at least so long ends no earlier than the end of <see cref="AwardDeadline.Date"/>.</summary>
    NoEarlierThan = 2,
}

/// <summary>Where a deadline stands at an instant.</summary>
internal enum DeadlineState
{
    /// <summary>未到期.</summary>
    NotDue = 1,

    /// <summary>即将到期: on its last <see cref="AwardTimeline.DueWindowDays"/> days.</summary>
    Due = 2,

    /// <summary>已逾期.</summary>
    Late = 3,
}

/// <summary>
/// A statutory date after the evaluation report: the rule and what to cite, the event it counts from, the date (China
/// time; 87号令 第八十五条's counting, over the holiday calendar), the Chinese description, and the years the calendar
/// counted without knowing (then the date is provisional).
/// </summary>
internal sealed record AwardDeadline(
    string RuleKey,
    DeadlineKind Kind,
    DateTimeOffset From,
    DateOnly Date,
    string Citation,
    RuleConfidence Confidence,
    string Description,
    IReadOnlyList<int> UnknownYears)
{
    /// <summary>For <see cref="DeadlineKind.NoLaterThan"/> the end of the last day; for <see cref="DeadlineKind.NoEarlierThan"/> the first instant the period may end.</summary>
    public DateTimeOffset Instant => EndOf(Date);

    public bool Provisional => UnknownYears.Count > 0;
}

/// <summary>
/// The statutory timings from the evaluation report to the contract (docs/evaluation.md §8), as pure functions over the
/// rules of a region and the holiday calendar (<see cref="StatutoryTiming"/>).
/// 工程招标: the candidates are published within 3 days of receiving the report, for at least 3 days (实施条例 第五十四条);
/// an objection during the publicity is answered within 3 days and the procedure waits for the answer (同条); the
/// contract within 30 days of the award notice (招标投标法 第四十六条); the written report to the supervisor within 15 days
/// of determining the winner (招标投标法 第四十七条); the bid securities with interest within 5 days of the contract
/// (实施条例 第五十七条, <see cref="RefundDuties"/>).
/// 政府采购: the report to the purchaser within 2 working days of the evaluation's end, the winner within 5 working days of
/// receiving it (87号令 第六十八条); the result notice within 2 working days of the decision, published for 1 working day,
/// with the award notice (第六十九条); the contract within 30 days of the award notice (采购法 第四十六条; 87号令 第七十一条) and
/// published within 2 working days (采购条例 第五十条); refunds within 5 working days (87号令 第三十八条, <see cref="RefundDuties"/>).
/// </summary>
internal sealed class AwardTimeline(StatutoryTiming timing)
{
    /// <summary>A deadline is shown as due on its last this many days (the last day included), as refunds are.</summary>
    public const int DueWindowDays = RefundDuties.DueWindowDays;

    // 工程招标

    /// <summary>The last day to start the candidate publicity (中标候选人公示).</summary>
    public AwardDeadline CandidatePublicityStartBy(DateTimeOffset reportReceivedAt) =>
        Deadline(StatutoryRules.TenderCandidatePublicityStart, DeadlineKind.NoLaterThan, reportReceivedAt, "自收到评标报告之日", "公示中标候选人");

    /// <summary>The first day the publicity may end (it lasts at least 3 days, the day it starts not counted).</summary>
    public AwardDeadline CandidatePublicityEndsNoEarlierThan(DateTimeOffset publicityStartedAt) =>
        Deadline(StatutoryRules.TenderCandidatePublicity, DeadlineKind.NoEarlierThan, publicityStartedAt, "自中标候选人公示开始之日", "公示期届满");

    /// <summary>The last day to answer an objection to the evaluation result; the procedure is paused until then.</summary>
    public AwardDeadline ResultObjectionAnswerBy(DateTimeOffset receivedAt) =>
        Deadline(StatutoryRules.TenderResultObjectionReply, DeadlineKind.NoLaterThan, receivedAt, "自收到异议之日", "作出答复（答复前暂停招标投标活动）");

    /// <summary>The last day to report the tender to the supervisory department.</summary>
    public AwardDeadline AwardReportBy(DateTimeOffset winnerDeterminedAt) =>
        Deadline(StatutoryRules.TenderAwardReport, DeadlineKind.NoLaterThan, winnerDeterminedAt, "自确定中标人之日", "向有关行政监督部门提交招标投标情况的书面报告");

    // 政府采购

    /// <summary>The last day for the agency to send the report to the purchaser.</summary>
    public AwardDeadline ReportToPurchaserBy(DateTimeOffset evaluationEndedAt) =>
        Deadline(StatutoryRules.ProcurementReportToPurchaser, DeadlineKind.NoLaterThan, evaluationEndedAt, "自评标结束之日", "将评标报告送采购人");

    /// <summary>The last day for the purchaser to determine the winner; after it, the first-ranked candidate is deemed chosen.</summary>
    public AwardDeadline AwardDecisionBy(DateTimeOffset reportReceivedAt) =>
        Deadline(StatutoryRules.ProcurementAwardDecision, DeadlineKind.NoLaterThan, reportReceivedAt, "自收到评标报告之日",
            "在中标候选人名单中按顺序确定中标人（逾期未确定又不能说明合法理由的，视同确定排名第一的中标候选人）");

    /// <summary>The last day to publish the result notice (中标结果公告) and issue the award notice with it.</summary>
    public AwardDeadline ResultNoticeBy(DateTimeOffset winnerDeterminedAt) =>
        Deadline(StatutoryRules.ProcurementResultNotice, DeadlineKind.NoLaterThan, winnerDeterminedAt, "自中标人确定之日",
            "公告中标结果并发出中标通知书，告知未中标人本人的评审得分与排序");

    /// <summary>The first day the result notice may end (公告期限 1 个工作日).</summary>
    public AwardDeadline ResultNoticeEndsNoEarlierThan(DateTimeOffset publishedAt) =>
        Deadline(StatutoryRules.ProcurementResultNoticePeriod, DeadlineKind.NoEarlierThan, publishedAt, "自中标结果公告发布之日", "公告期限届满");

    /// <summary>
    /// The last day a supplier may challenge the result (质疑): 7 working days from the day it should have known, which for
    /// the result is the end of the result notice period (采购法 第五十二条; 采购条例 第五十三条).
    /// </summary>
    public AwardDeadline ChallengeBy(DateTimeOffset resultPublishedAt) =>
        Deadline(StatutoryRules.ProcurementChallenge, DeadlineKind.NoLaterThan,
            ChinaTime.StartOfDay(ResultNoticeEndsNoEarlierThan(resultPublishedAt).Date), "自中标结果公告期限届满之日", "对中标结果提出质疑");

    /// <summary>The last day to answer a challenge in writing (采购法 第五十三条); the contract is not signed before.</summary>
    public AwardDeadline ChallengeAnswerBy(DateTimeOffset receivedAt) =>
        Deadline(StatutoryRules.ProcurementChallengeReply, DeadlineKind.NoLaterThan, receivedAt, "自收到质疑之日", "作出书面答复（答复前暂缓签订合同）");

    /// <summary>The last day to publish the signed contract.</summary>
    public AwardDeadline ContractPublicationBy(DateTimeOffset signedAt) =>
        Deadline(StatutoryRules.ProcurementContractPublication, DeadlineKind.NoLaterThan, signedAt, "自政府采购合同签订之日", "公告政府采购合同");

    // Both

    /// <summary>The last day to sign the contract (30 days from the award notice).</summary>
    public AwardDeadline ContractBy(Regime regime, DateTimeOffset awardNoticeAt) =>
        Deadline(regime == Regime.Tender ? StatutoryRules.TenderAwardToContract : StatutoryRules.ProcurementAwardToContract,
            DeadlineKind.NoLaterThan, awardNoticeAt, "自中标通知书发出之日", "订立书面合同");

    /// <summary>The refunds of the bid securities an award step starts (<see cref="RefundDuties"/>: the contract, and under 政府采购 the award notice).</summary>
    public IReadOnlyList<RefundDuty> RefundsAfter(Regime regime, RefundEvent step, DateTimeOffset at) =>
        new RefundDuties(timing).Arising(regime, step, at);

    /// <summary>Whether a deadline is not yet due, due (on its last days) or late at <paramref name="now"/>; a minimum period is never late.</summary>
    public static DeadlineState StateAt(AwardDeadline deadline, DateTimeOffset now)
    {
        if (deadline.Kind == DeadlineKind.NoEarlierThan)
        {
            return now >= deadline.Instant ? DeadlineState.Due : DeadlineState.NotDue;
        }

        if (now >= deadline.Instant)
        {
            return DeadlineState.Late;
        }

        return Day(now) >= deadline.Date.AddDays(1 - DueWindowDays) ? DeadlineState.Due : DeadlineState.NotDue;
    }

    /// <summary>
    /// Whether the candidate publicity as planned meets the law: it starts by the last day after the report and lasts at
    /// least the minimum; the messages (Chinese, with the articles) say what to change.
    /// </summary>
    public IReadOnlyList<string> CheckPublicity(DateTimeOffset reportReceivedAt, DateTimeOffset startsAt, DateTimeOffset endsAt)
    {
        var problems = new List<string>();
        var startBy = CandidatePublicityStartBy(reportReceivedAt);
        if (startsAt > startBy.Instant)
        {
            var rule = timing.Rule(StatutoryRules.TenderCandidatePublicityStart);
            problems.Add(rule.Violation(
                $"中标候选人应当自收到评标报告之日（{Text(Day(reportReceivedAt))}）起 {StatutoryRule.Format(rule.Value)}{rule.Rule.Unit.Suffix()}内公示，"
                + $"即最迟于 {Text(startBy.Date)} 开始公示；计划于 {Text(startsAt)} 开始，已超过期限，请提前").Message);
        }

        if (startsAt < reportReceivedAt)
        {
            problems.Add($"公示开始时间 {Text(startsAt)} 早于收到评标报告的时间 {Text(reportReceivedAt)}，请更正。");
        }

        var endsNoEarlier = CandidatePublicityEndsNoEarlierThan(startsAt);
        if (endsAt < endsNoEarlier.Instant)
        {
            var rule = timing.Rule(StatutoryRules.TenderCandidatePublicity);
            problems.Add(rule.Violation(
                $"中标候选人公示期{rule.Describe()}，自 {Text(Day(startsAt))} 开始的公示最早于 {Text(endsNoEarlier.Date)} 24:00 届满；"
                + $"计划于 {Text(endsAt)} 结束，请延长").Message);
        }

        return problems;
    }

    private AwardDeadline Deadline(StatutoryRule statutory, DeadlineKind kind, DateTimeOffset from, string since, string what)
    {
        var rule = timing.Rule(statutory);
        var end = timing.PeriodEnd(Day(from), rule);
        var length = StatutoryRule.Format(rule.Value) + rule.Rule.Unit.Suffix();
        var description = kind == DeadlineKind.NoLaterThan
            ? $"{since}（{Text(Day(from))}）起 {length}内{what}，最迟 {Text(end.Date)}"
            : $"{since}（{Text(Day(from))}）起不少于 {length}，最早于 {Text(end.Date)} {what}";
        return new AwardDeadline(rule.Rule.Key, kind, from, end.Date, rule.Source, rule.Rule.Confidence, description, end.UnknownYears);
    }
}

/// <summary>
/// Whether the award notice may go out (工程招标): after the publicity has run its course, and with no objection to the
/// result waiting for an answer — the procedure is paused until the tenderer answers (实施条例 第五十四条).
/// </summary>
internal static class AwardGate
{
    /// <summary>An objection to the evaluation result: when it was received and, once answered, when.</summary>
    public sealed record ResultObjection(DateTimeOffset ReceivedAt, DateTimeOffset? AnsweredAt);

    /// <summary>Null when the award notice may be issued at <paramref name="now"/>; otherwise why not (Chinese, with the article).</summary>
    public static string? Refusal(DateTimeOffset publicityEndsAt, IReadOnlyList<ResultObjection> objections, DateTimeOffset now)
    {
        if (now < publicityEndsAt)
        {
            return $"中标候选人公示期至 {ChinaTime.Format(publicityEndsAt)} 届满，届满前不得发出中标通知书"
                + $"（依据：{StatutoryRules.TenderCandidatePublicity.Citation}）。";
        }

        var open = objections.Count(o => o.AnsweredAt is null || o.AnsweredAt > now);
        return open > 0
            ? $"有 {open} 件对评标结果的异议尚未答复：作出答复前，应当暂停招标投标活动（依据：{StatutoryRules.TenderResultObjectionReply.Citation}）。"
            : null;
    }

    /// <summary>Whether an objection to the evaluation result is in time: raised during the publicity (实施条例 第五十四条).</summary>
    public static bool InTime(DateTimeOffset publicityStartsAt, DateTimeOffset publicityEndsAt, DateTimeOffset raisedAt) =>
        raisedAt >= publicityStartsAt && raisedAt <= publicityEndsAt;
}
