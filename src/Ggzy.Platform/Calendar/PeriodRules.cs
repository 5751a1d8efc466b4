using static System.FormattableString;
using static Ggzy.Platform.Calendar.YearScheduleValidator;

namespace Ggzy.Platform.Calendar;

internal static class PeriodRules
{
    internal sealed record Indexed(int Index, HolidayPeriod Period);

    public static List<Indexed> Validate(int year, IReadOnlyList<HolidayPeriod> input)
    {
        if (input.Count == 0)
        {
            throw Error("Periods", "请至少填写一个放假安排（名称和起止日期），例如元旦、春节。");
        }

        var periods = new List<Indexed>(input.Count);
        for (var i = 0; i < input.Count; i++)
        {
            var name = input[i].Name?.Trim();
            if (string.IsNullOrEmpty(name) || name.Length > 50)
            {
                throw Error(Invariant($"Periods[{i}].Name"), Invariant($"请填写第 {i + 1} 个放假安排的名称（50 字以内），例如“春节”。"));
            }

            var period = input[i] with { Name = name };
            if (period.From > period.To)
            {
                throw Error(Invariant($"Periods[{i}].To"), $"放假安排“{name}”的结束日期 {Day(period.To)} 早于开始日期 {Day(period.From)}，请更正。");
            }

            if (!InYear(period.From, year) || !InYear(period.To, year))
            {
                var field = InYear(period.From, year) ? "To" : "From";
                throw Error(Invariant($"Periods[{i}].{field}"), Invariant(
                    $"放假安排{Span(period)}的日期须在 {year} 年内（{year}-01-01 至 {year}-12-31）。跨年的放假请把各天录入到其所在年份的日历中。"));
            }

            periods.Add(new Indexed(i, period));
        }

        periods.Sort((a, b) => a.Period.From.CompareTo(b.Period.From));
        for (var i = 1; i < periods.Count; i++)
        {
            var (earlier, later) = (periods[i - 1].Period, periods[i].Period);
            if (later.From <= earlier.To)
            {
                throw Error(Invariant($"Periods[{periods[i].Index}].From"),
                    $"放假安排{Span(later)}与{Span(earlier)}的日期重叠，请更正其中一个的起止日期。");
            }
        }

        return periods;
    }
}
