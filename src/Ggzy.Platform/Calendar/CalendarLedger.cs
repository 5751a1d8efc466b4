using static System.FormattableString;

namespace Ggzy.Platform.Calendar;

/// <summary>The ledger entry types and subject of the work calendar.</summary>
public static class CalendarLedger
{
    public const string YearShipped = "platform.calendar.year-shipped";
    public const string YearSaved = "platform.calendar.year-saved";

    public static string Subject(int year) => Invariant($"calendar:{year}");
}
