namespace Ggzy.Platform.Calendar;

/// <summary>A holiday period (放假): every day from <paramref name="From"/> to <paramref name="To"/> is a day off.</summary>
public sealed record HolidayPeriod(string Name, DateOnly From, DateOnly To);

/// <summary>
/// One year's schedule as the State Council notice sets it: the holiday periods and the weekend days that are
/// working days (调休上班). Any other Saturday or Sunday is a day off; any other weekday is a working day.
/// </summary>
public sealed record YearSchedule(int Year, string Notice, IReadOnlyList<HolidayPeriod> Periods, IReadOnlyList<DateOnly> Workdays)
{
    public static YearSchedule From(CalendarYear year) => new(
        year.Year,
        year.Notice,
        [.. year.Periods.OrderBy(p => p.From).Select(p => new HolidayPeriod(p.Name, p.From, p.To))],
        [.. year.Workdays.Select(w => w.Date).Order()]);
}

/// <summary>A year the calendar knows, for the Regulator's list.</summary>
public sealed record KnownYear(int Year, string Notice, CalendarSource Source, DateTimeOffset UpdatedAt, string UpdatedBy);

/// <summary>A year the calendar knows, with who set it and its full schedule, for display.</summary>
public sealed record CalendarYearDetails(KnownYear Year, YearSchedule Schedule);
