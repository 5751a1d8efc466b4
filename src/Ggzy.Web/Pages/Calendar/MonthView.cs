using Ggzy.Platform.Calendar;

namespace Ggzy.Web.Pages.Calendar;

/// <summary>One month drawn as weeks (Monday first), each day marked working, day off, holiday or adjusted working day.</summary>
public sealed record MonthView(int Month, IReadOnlyList<DayView?[]> Weeks)
{
    public static MonthView Build(int year, int month, HolidayTable table, CalendarYearDetails? details)
    {
        var first = new DateOnly(year, month, 1);
        var weeks = new List<DayView?[]>();
        var week = new DayView?[7];
        for (var d = first; d.Month == month; d = d.AddDays(1))
        {
            var column = ((int)d.DayOfWeek + 6) % 7;
            week[column] = DayView.Of(d, table, details);
            if (column == 6)
            {
                weeks.Add(week);
                week = new DayView?[7];
            }
        }

        if (week.Any(x => x is not null))
        {
            weeks.Add(week);
        }

        return new MonthView(month, weeks);
    }
}

public sealed record DayView(DateOnly Date, string Css, string Title)
{
    public static DayView Of(DateOnly date, HolidayTable table, CalendarYearDetails? details)
    {
        var period = details?.Schedule.Periods.FirstOrDefault(p => p.From <= date && date <= p.To);
        if (period is not null)
        {
            return new DayView(date, "holiday", period.Name);
        }

        if (details?.Schedule.Workdays.Contains(date) == true)
        {
            return new DayView(date, "adjusted", "调休上班");
        }

        return table.Check(date).IsWorkingDay ? new DayView(date, "", "工作日") : new DayView(date, "off", "休息日");
    }
}
