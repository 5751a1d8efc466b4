using Ggzy.Platform.Errors;
using static System.FormattableString;

namespace Ggzy.Platform.Calendar;

/// <summary>
/// Checks a year's schedule before it is saved. Every date belongs to the year it is entered under: a holiday that
/// crosses the new year is entered in each year for its own days.
/// </summary>
public static class YearScheduleValidator
{
    public const int MinYear = 2000;
    public const int MaxYear = 2100;

    /// <summary>Returns the schedule trimmed and sorted, or throws naming the first field to fix.</summary>
    public static YearSchedule Validate(YearSchedule input)
    {
        var year = input.Year;
        if (year is < MinYear or > MaxYear)
        {
            throw Error("Year", Invariant($"年份须在 {MinYear} 至 {MaxYear} 之间，请填写正确的年份。"));
        }

        var notice = input.Notice?.Trim();
        if (string.IsNullOrEmpty(notice) || notice.Length > 300)
        {
            throw Error("Notice", "请填写该年节假日安排所依据的通知（300 字以内），例如“国务院办公厅关于2026年部分节假日安排的通知”。");
        }

        var periods = PeriodRules.Validate(year, input.Periods ?? []);
        var workdays = WorkdayRules.Validate(year, input.Workdays ?? [], periods);
        return new YearSchedule(year, notice, [.. periods.Select(p => p.Period)], workdays);
    }

    internal static bool InYear(DateOnly date, int year) => date.Year == year;

    internal static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    internal static string Span(HolidayPeriod p) => $"“{p.Name}”（{Day(p.From)} 至 {Day(p.To)}）";

    internal static BusinessRuleException Error(string field, string message) => new(message, citation: null, field);
}
