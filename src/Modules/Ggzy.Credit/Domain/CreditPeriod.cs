using Ggzy.Platform.Time;

namespace Ggzy.Credit.Domain;

/// <summary>
/// How the dates of a record become instants (docs/adr/0008): a period runs from 00:00 China Standard Time of its
/// first day, inclusive, to 24:00 of its last day, that is 00:00 of the next day, exclusive.
/// </summary>
internal static class CreditPeriod
{
    public static DateTimeOffset Start(DateOnly day) => ChinaTime.StartOfDay(day);

    public static DateTimeOffset EndOf(DateOnly day) => ChinaTime.StartOfDay(day.AddDays(1));

    public static DateOnly DayOf(DateTimeOffset instant) => DateOnly.FromDateTime(instant.ToOffset(ChinaTime.Offset).DateTime);
}
