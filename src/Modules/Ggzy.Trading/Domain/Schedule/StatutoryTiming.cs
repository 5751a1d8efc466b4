using Ggzy.Platform.Calendar;
using Ggzy.Platform.Rules;

namespace Ggzy.Trading.Domain.Schedule;

/// <summary>
/// The timing rules as they apply in one region (national values, or the stricter local ones the
/// <see cref="StatutoryRuleRegistry"/> resolved) and the holiday calendar to count them on (87号令 第八十五条, as
/// <see cref="HolidayTable"/> counts). Every date it computes keeps the years the calendar did not know.
/// </summary>
internal sealed class StatutoryTiming
{
    /// <summary>The rules the schedule, the clarification, the objection, the bid security and the award timings use.</summary>
    public static readonly IReadOnlyList<StatutoryRule> Rules =
    [
        StatutoryRules.TenderInvitees, StatutoryRules.TenderDocumentsSale, StatutoryRules.TenderDocumentsToDeadline,
        StatutoryRules.TenderClarificationToDeadline, StatutoryRules.TenderPrequalificationApplication,
        StatutoryRules.TenderPrequalificationClarification, StatutoryRules.TenderDocumentsObjection,
        StatutoryRules.TenderPrequalificationObjection, StatutoryRules.TenderObjectionReply,
        StatutoryRules.ProcurementInvitees, StatutoryRules.ProcurementNoticePeriod,
        StatutoryRules.ProcurementDocumentsProvision, StatutoryRules.ProcurementDocumentsToDeadline,
        StatutoryRules.ProcurementClarificationToDeadline, StatutoryRules.ProcurementPrequalificationApplication,
        StatutoryRules.ProcurementPrequalificationClarification, StatutoryRules.ProcurementChallenge,
        StatutoryRules.ProcurementChallengeReply, StatutoryRules.TenderBidSecurity, StatutoryRules.ProcurementBidSecurity,
        StatutoryRules.TenderBidSecurityWithdrawalRefund, StatutoryRules.TenderBidSecurityRefund,
        StatutoryRules.ProcurementBidSecurityRefund, StatutoryRules.ProcurementTerminationRefund,
        StatutoryRules.TenderCandidatePublicityStart, StatutoryRules.TenderCandidatePublicity, StatutoryRules.TenderResultObjectionReply,
        StatutoryRules.TenderAwardToContract, StatutoryRules.TenderAwardReport, StatutoryRules.ProcurementReportToPurchaser,
        StatutoryRules.ProcurementAwardDecision, StatutoryRules.ProcurementResultNotice, StatutoryRules.ProcurementResultNoticePeriod,
        StatutoryRules.ProcurementAwardToContract, StatutoryRules.ProcurementContractPublication,
    ];

    private readonly Dictionary<string, EffectiveRule> _rules;

    public StatutoryTiming(HolidayTable calendar, IEnumerable<EffectiveRule> rules)
    {
        Calendar = calendar;
        _rules = rules.ToDictionary(r => r.Rule.Key, StringComparer.Ordinal);
    }

    public HolidayTable Calendar { get; }

    /// <summary>The national values, with no local override.</summary>
    public static StatutoryTiming National(HolidayTable calendar) => new(calendar, []);

    /// <summary>The rule as it applies here: the local value and basis when one was given, else the national ones.</summary>
    public EffectiveRule Rule(StatutoryRule rule) =>
        _rules.GetValueOrDefault(rule.Key) ?? new EffectiveRule(rule, rule.Value, rule.Citation, null);

    /// <summary>A copy in which <paramref name="rule"/> applies instead of what applied before.</summary>
    public StatutoryTiming With(EffectiveRule rule) =>
        new(Calendar, _rules.Values.Where(r => r.Rule.Key != rule.Rule.Key).Append(rule));

    public static int Whole(EffectiveRule rule) => (int)decimal.Ceiling(rule.Value);

    /// <summary>The last day of a period of the rule's length that starts on <paramref name="start"/> (not counted).</summary>
    public CalendarDate PeriodEnd(DateOnly start, EffectiveRule rule) => rule.Rule.Unit == RuleUnit.WorkingDays
        ? Calendar.AddWorkingDays(start, Whole(rule))
        : Calendar.AddCalendarDays(start, Whole(rule));
}
