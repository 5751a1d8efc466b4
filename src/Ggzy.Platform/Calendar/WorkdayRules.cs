using static System.FormattableString;
using static Ggzy.Platform.Calendar.YearScheduleValidator;

namespace Ggzy.Platform.Calendar;

internal static class WorkdayRules
{
    public static List<DateOnly> Validate(int year, IReadOnlyList<DateOnly> input, List<PeriodRules.Indexed> periods)
    {
        var seen = new HashSet<DateOnly>();
        for (var i = 0; i < input.Count; i++)
        {
            var date = input[i];
            var field = Invariant($"Workdays[{i}]");
            if (!InYear(date, year))
            {
                throw Error(field, Invariant($"调休上班日 {Day(date)} 不在 {year} 年内，请录入到其所在年份的日历中。"));
            }

            if (date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                throw Error(field, $"调休上班日 {Day(date)} 不是星期六或星期日，本来就是工作日；调休上班日只能是周末，请更正或删除。");
            }

            if (periods.FirstOrDefault(p => p.Period.From <= date && date <= p.Period.To) is { } inside)
            {
                throw Error(field, $"调休上班日 {Day(date)} 在放假安排{Span(inside.Period)}之内，同一天不能既放假又上班，请更正。");
            }

            if (!seen.Add(date))
            {
                throw Error(field, $"调休上班日 {Day(date)} 重复填写，请删除重复的一项。");
            }
        }

        return [.. seen.Order()];
    }
}
