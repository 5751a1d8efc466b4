using Ggzy.Platform.Errors;

namespace Ggzy.Platform.Rules;

/// <summary>
/// A user's action breaks a statutory rule. The message says what is wrong and ends with the article it rests on,
/// so that the UI shows the citation wherever a rule blocks a user (architecture.md §3).
/// </summary>
public sealed class StatutoryRuleException(StatutoryRule rule, string message, string citation, string? field)
    : BusinessRuleException(message, citation, field)
{
    public StatutoryRule Rule { get; } = rule;

    /// <example><c>Violation(rule, "投标截止时间距招标文件发出不足 20 日，请推迟投标截止时间")</c></example>
    public static StatutoryRuleException Violation(StatutoryRule rule, string problem, string? field = null) =>
        Violation(rule, problem, rule.Citation, field);

    /// <summary>As <see cref="Violation(StatutoryRule, string, string?)"/>, citing a local provision that applies instead.</summary>
    public static StatutoryRuleException Violation(StatutoryRule rule, string problem, string citation, string? field) =>
        new(rule, $"{problem.TrimEnd('。', '；', '，')}（依据：{citation}）。", citation, field);
}
