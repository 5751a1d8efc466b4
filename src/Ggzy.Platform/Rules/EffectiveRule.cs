namespace Ggzy.Platform.Rules;

/// <summary>
/// The value of a rule in a region: the strictest active local override that covers the region, else the national
/// value. <see cref="Source"/> is what to cite: the override's basis, or the national article.
/// </summary>
public sealed record EffectiveRule(StatutoryRule Rule, decimal Value, string Source, RuleOverride? Override)
{
    public bool IsLocal => Override is not null;

    /// <summary>The bound in words: 不少于 25 日.</summary>
    public string Describe() => Rule.Describe(Value);

    /// <summary>The refusal to give a user whose action breaks the rule as it applies here, citing <see cref="Source"/>.</summary>
    public StatutoryRuleException Violation(string problem, string? field = null) =>
        StatutoryRuleException.Violation(Rule, problem, Source, field);
}
