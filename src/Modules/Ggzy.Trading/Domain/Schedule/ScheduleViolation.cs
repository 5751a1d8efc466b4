using Ggzy.Platform.Errors;

namespace Ggzy.Trading.Domain.Schedule;

/// <summary>
/// One thing wrong with a schedule: the field to change, the Chinese message (what is wrong, the earliest allowed
/// date, the article), and the rule broken — none for a date that is merely out of order.
/// </summary>
internal sealed record ScheduleViolation(string Field, string Message, string? RuleKey, string? Citation, DateOnly? EarliestAllowed);

/// <summary>The result of checking a schedule: every violation, and the years the calendar counted without knowing.</summary>
internal sealed record ScheduleAssessment(IReadOnlyList<ScheduleViolation> Violations, IReadOnlyList<int> UnknownYears)
{
    public bool IsPublishable => Violations.Count == 0;

    /// <summary>Whether a date depends on a year the calendar does not know (counted with weekends off only).</summary>
    public bool Provisional => UnknownYears.Count > 0;

    /// <summary>A schedule that breaks a rule cannot be published: refuses it with every message, by field.</summary>
    public void ThrowIfNotPublishable()
    {
        if (!IsPublishable)
        {
            throw new InputValidationException(Violations
                .GroupBy(v => v.Field, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Select(v => v.Message).ToArray(), StringComparer.Ordinal));
        }
    }
}
