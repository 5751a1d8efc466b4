using Ggzy.Platform.Rules;
using Ggzy.Trading.Domain.Schedule;
using static Ggzy.Trading.Domain.Schedule.ChinaDates;

namespace Ggzy.Trading.Domain.Security;

/// <summary>
/// The duties to refund bid securities that an event starts, with their statutory last day, and their state at an
/// instant — what the center is shown.
/// 工程招标: a bid withdrawn before the deadline, 5 days from the written notice (实施条例 第三十五条); every bidder,
/// winner and losers alike, 5 days from the signing of the contract, with the bank interest (实施条例 第五十七条).
/// 政府采购: 5 working days from the withdrawal notice, from the award notice for the losers, from the contract for the
/// winner (87号令 第三十八条、采购条例 第三十三条), and from a termination (87号令 第二十九条); a late refund adds an
/// overdue charge. A terminated 工程 tender must refund too (实施条例 第三十一条), but the sources give no number of
/// days, so no duty with a deadline is made for it.
/// </summary>
internal sealed class RefundDuties(StatutoryTiming timing)
{
    /// <summary>A duty is shown as due on its last this many days (the last day included).</summary>
    public const int DueWindowDays = 2;

    public const string LateChargeNote =
        "逾期退还投标保证金的，除应当退还投标保证金本金外，还应当按中国人民银行同期贷款基准利率上浮20%后的利率支付超期资金占用费"
        + "（依据：" + StatutoryRules.ProcurementRegulations + "第三十三条；" + StatutoryRules.Order87 + "第三十八条）。";

    public IReadOnlyList<RefundDuty> Arising(Regime regime, RefundEvent @event, DateTimeOffset occurredAt) => (regime, @event) switch
    {
        (Regime.Tender, RefundEvent.Withdrawal) =>
            [Duty(regime, @event, RefundRecipient.WithdrawnBidder, occurredAt, StatutoryRules.TenderBidSecurityWithdrawalRefund)],
        (Regime.Tender, RefundEvent.ContractSigned) =>
        [
            Duty(regime, @event, RefundRecipient.Winner, occurredAt, StatutoryRules.TenderBidSecurityRefund),
            Duty(regime, @event, RefundRecipient.Losers, occurredAt, StatutoryRules.TenderBidSecurityRefund),
        ],
        (Regime.Tender, _) => [],
        (_, RefundEvent.Withdrawal) =>
            [Duty(regime, @event, RefundRecipient.WithdrawnBidder, occurredAt, StatutoryRules.ProcurementBidSecurityRefund)],
        (_, RefundEvent.AwardNotice) =>
            [Duty(regime, @event, RefundRecipient.Losers, occurredAt, StatutoryRules.ProcurementBidSecurityRefund)],
        (_, RefundEvent.ContractSigned) =>
            [Duty(regime, @event, RefundRecipient.Winner, occurredAt, StatutoryRules.ProcurementBidSecurityRefund)],
        (_, RefundEvent.Termination) =>
            [Duty(regime, @event, RefundRecipient.AllBidders, occurredAt, StatutoryRules.ProcurementTerminationRefund)],
        _ => throw new ArgumentOutOfRangeException(nameof(@event), @event, null),
    };

    /// <summary>Whether the duty is not yet due, due (on its last <see cref="DueWindowDays"/> days) or late at <paramref name="now"/>.</summary>
    public static RefundStatus StateAt(RefundDuty duty, DateTimeOffset now)
    {
        var today = Day(now);
        if (now >= duty.DueBy)
        {
            var days = today.DayNumber - duty.DueDate.DayNumber;
            var late = $"{duty.Description}，最迟 {Text(duty.DueDate)}，已逾期 {days} 日，请立即退还（依据：{duty.Citation}）。";
            return new RefundStatus(RefundState.Late,
                duty.Regime == Regime.Procurement ? late + LateChargeNote : late);
        }

        if (now >= duty.OccurredAt && today >= duty.DueDate.AddDays(1 - DueWindowDays))
        {
            return new RefundStatus(RefundState.Due,
                $"{duty.Description}，最迟 {Text(duty.DueDate)}，期限即将届满，请及时退还（依据：{duty.Citation}）。");
        }

        return new RefundStatus(RefundState.NotDue,
            $"{duty.Description}，最迟 {Text(duty.DueDate)}，尚未到期（依据：{duty.Citation}）。");
    }

    private RefundDuty Duty(Regime regime, RefundEvent @event, RefundRecipient recipient, DateTimeOffset occurredAt, StatutoryRule statutory)
    {
        var rule = timing.Rule(statutory);
        var end = timing.PeriodEnd(Day(occurredAt), rule);
        var length = StatutoryRule.Format(rule.Value) + rule.Rule.Unit.Suffix();
        var description = $"{Since(@event)} {Text(Day(occurredAt))} 起 {length}内{To(recipient)}退还投标保证金"
            + (regime == Regime.Tender && @event == RefundEvent.ContractSigned ? "及银行同期存款利息" : "")
            + (@event == RefundEvent.Termination ? "及其在银行产生的孳息" : "");
        return new RefundDuty(regime, @event, recipient, occurredAt, end.Date, rule.Rule.Key, rule.Source, description, end.UnknownYears);
    }

    private static string Since(RefundEvent @event) => @event switch
    {
        RefundEvent.Withdrawal => "自收到书面撤回通知之日",
        RefundEvent.AwardNotice => "自中标通知书发出之日",
        RefundEvent.ContractSigned => "自合同签订之日",
        RefundEvent.Termination => "自终止招标之日",
        _ => throw new ArgumentOutOfRangeException(nameof(@event), @event, null),
    };

    private static string To(RefundRecipient recipient) => recipient switch
    {
        RefundRecipient.WithdrawnBidder => "向撤回投标文件的投标人",
        RefundRecipient.Losers => "向未中标的投标人",
        RefundRecipient.Winner => "向中标人",
        RefundRecipient.AllBidders => "向已提交投标保证金的投标人",
        _ => throw new ArgumentOutOfRangeException(nameof(recipient), recipient, null),
    };
}

/// <summary>What starts a refund duty.</summary>
internal enum RefundEvent
{
    /// <summary>A bidder withdrew its bid before the deadline with a written notice (撤回).</summary>
    Withdrawal = 1,

    /// <summary>The award notice (中标通知书) was issued.</summary>
    AwardNotice = 2,

    /// <summary>The contract was signed.</summary>
    ContractSigned = 3,

    /// <summary>The procedure was terminated (终止招标).</summary>
    Termination = 4,
}

/// <summary>Whom a refund is owed to.</summary>
internal enum RefundRecipient
{
    /// <summary>The bidder that withdrew.</summary>
    WithdrawnBidder = 1,

    /// <summary>The bidders that did not win.</summary>
    Losers = 2,

    /// <summary>The winner.</summary>
    Winner = 3,

    /// <summary>Every bidder that gave a security.</summary>
    AllBidders = 4,
}

/// <summary>Where a refund duty stands.</summary>
internal enum RefundState
{
    /// <summary>未到期.</summary>
    NotDue = 1,

    /// <summary>即将到期: on its last days.</summary>
    Due = 2,

    /// <summary>已逾期.</summary>
    Late = 3,
}

/// <summary>
/// A duty to refund bid securities: the event and when it happened, to whom, the last day (<see cref="DueDate"/>, China
/// time; the duty is late from the end of it), the rule and what to cite, its Chinese description, and the years the
/// calendar counted without knowing.
/// </summary>
internal sealed record RefundDuty(
    Regime Regime,
    RefundEvent Event,
    RefundRecipient Recipient,
    DateTimeOffset OccurredAt,
    DateOnly DueDate,
    string RuleKey,
    string Citation,
    string Description,
    IReadOnlyList<int> UnknownYears)
{
    /// <summary>The end of the last day: from this instant the refund is late.</summary>
    public DateTimeOffset DueBy => EndOf(DueDate);
}

/// <summary>A duty's state at an instant and the Chinese explanation with its article (and, when late under 政府采购, the overdue charge).</summary>
internal sealed record RefundStatus(RefundState State, string Message);
