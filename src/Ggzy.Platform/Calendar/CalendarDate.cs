namespace Ggzy.Platform.Calendar;

/// <summary>
/// A date the calendar computed. It is <see cref="Provisional"/> when it depends on a year whose holiday schedule
/// the calendar does not know: such a year is counted with Saturdays and Sundays off only.
/// </summary>
public sealed record CalendarDate(DateOnly Date, IReadOnlyList<int> UnknownYears)
{
    public bool Provisional => UnknownYears.Count > 0;
}

/// <summary>Whether a day is a working day; <see cref="Provisional"/> when its year is not in the calendar.</summary>
public sealed record WorkingDayCheck(DateOnly Date, bool IsWorkingDay, bool Provisional);
