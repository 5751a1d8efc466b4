using Ggzy.Platform.Rules;

namespace Ggzy.Trading.Domain.Evaluation;

/// <summary>
/// The statutory rules of evaluation as they apply in one region (national values, or the stricter local ones the
/// <see cref="StatutoryRuleRegistry"/> resolved): the price-weight floors, the number of candidates, the minimum of
/// valid bids. Loaded by the caller like <c>StatutoryTiming</c>, so that the checks stay pure.
/// </summary>
internal sealed class EvaluationRules
{
    public static readonly IReadOnlyList<StatutoryRule> Rules =
    [
        StatutoryRules.ProcurementGoodsPriceWeight, StatutoryRules.ProcurementServicesPriceWeight, StatutoryRules.TenderCandidates,
        StatutoryRules.TenderValidBids, StatutoryRules.ProcurementEvaluationBidders, StatutoryRules.TenderCommitteeMembers,
        StatutoryRules.ProcurementCommitteeMembers,
    ];

    private readonly Dictionary<string, EffectiveRule> _rules;

    public EvaluationRules(IEnumerable<EffectiveRule> rules) =>
        _rules = rules.ToDictionary(r => r.Rule.Key, StringComparer.Ordinal);

    /// <summary>The national values, with no local override.</summary>
    public static EvaluationRules National { get; } = new([]);

    public EffectiveRule Rule(StatutoryRule rule) =>
        _rules.GetValueOrDefault(rule.Key) ?? new EffectiveRule(rule, rule.Value, rule.Citation, null);

    /// <summary>A copy in which <paramref name="rule"/> applies instead of what applied before.</summary>
    public EvaluationRules With(EffectiveRule rule) =>
        new(_rules.Values.Where(r => r.Rule.Key != rule.Rule.Key).Append(rule));

    public static int Whole(EffectiveRule rule) => (int)decimal.Ceiling(rule.Value);
}
