namespace Ggzy.Platform.Calendar;

/// <summary>
/// The days off and adjusted working days of the years the calendar knows, and the deadline arithmetic over them.
/// A year it does not know is counted with Saturdays and Sundays off only, and every result that depends on such a
/// year names it, so that the caller can show the result as provisional.
/// </summary>
public sealed class HolidayTable
{
    private readonly HashSet<int> _knownYears = [];
    private readonly HashSet<DateOnly> _daysOff = [];
    private readonly HashSet<DateOnly> _workdays = [];

    public HolidayTable(IEnumerable<YearSchedule> years)
    {
        foreach (var year in years)
        {
            _knownYears.Add(year.Year);
            _workdays.UnionWith(year.Workdays);
            foreach (var period in year.Periods)
            {
                for (var day = period.From; day <= period.To; day = day.AddDays(1))
                {
                    _daysOff.Add(day);
                }
            }
        }
    }

    public bool Knows(int year) => _knownYears.Contains(year);

    public WorkingDayCheck Check(DateOnly date) => new(date, IsWorkingDay(date), !Knows(date.Year));

    // 87号令 第八十五条: the start day is not counted; a period whose last day is a holiday or rest day ends on the
    // first working day after it.
    public CalendarDate AddCalendarDays(DateOnly start, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        var unknownYears = new SortedSet<int>();
        var end = start.AddDays(days);
        while (!IsWorkingDay(end, unknownYears))
        {
            end = end.AddDays(1);
        }

        return new CalendarDate(end, [.. unknownYears]);
    }

    // 87号令 第八十五条: counting begins the day after the start; only working days are counted.
    public CalendarDate AddWorkingDays(DateOnly start, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        var unknownYears = new SortedSet<int>();
        var date = start;
        for (var counted = 0; counted < days;)
        {
            date = date.AddDays(1);
            if (IsWorkingDay(date, unknownYears))
            {
                counted++;
            }
        }

        return new CalendarDate(date, [.. unknownYears]);
    }

    private bool IsWorkingDay(DateOnly date, SortedSet<int> unknownYears)
    {
        if (!Knows(date.Year))
        {
            unknownYears.Add(date.Year);
        }

        return IsWorkingDay(date);
    }

    private bool IsWorkingDay(DateOnly date) =>
        _workdays.Contains(date)
        || (!_daysOff.Contains(date) && date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday));
}
