using System.Globalization;

namespace Ggzy.Platform.Rules;

/// <summary>
/// A number the law fixes — days, working days, a percentage, a count, an amount — with the article it comes from,
/// how it is counted (in Chinese, with its own citation), and how sure its source is (national-rules.md).
/// Keys are stable and dotted: <c>tender.documents-to-deadline.min-days</c>.
/// </summary>
public sealed record StatutoryRule(
    string Key,
    string Name,
    decimal Value,
    RuleUnit Unit,
    RuleDirection Direction,
    string Counting,
    string Citation,
    RuleConfidence Confidence)
{
    /// <summary>Whether <paramref name="value"/> is as strict as the national value or stricter.</summary>
    public bool AllowsOverride(decimal value) =>
        Direction == RuleDirection.Minimum ? value >= Value : value <= Value;

    /// <summary>The bound in words: 不少于 20 日, 不超过 2%.</summary>
    public string Describe(decimal value) =>
        (Direction == RuleDirection.Minimum ? "不少于 " : "不超过 ") + Format(value) + Unit.Suffix();

    /// <summary>The refusal to give a user whose action breaks this rule; the message cites the article.</summary>
    public StatutoryRuleException Violation(string problem, string? field = null) =>
        StatutoryRuleException.Violation(this, problem, field);

    public static string Format(decimal value) => value.ToString("0.####", CultureInfo.InvariantCulture);
}
