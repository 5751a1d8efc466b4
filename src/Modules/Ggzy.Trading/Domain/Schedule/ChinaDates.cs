using System.Globalization;
using Ggzy.Platform.Time;

namespace Ggzy.Trading.Domain.Schedule;

/// <summary>The calendar day of an instant in China, which is the day the law counts, and its text.</summary>
internal static class ChinaDates
{
    public static DateOnly Day(DateTimeOffset instant) => DateOnly.FromDateTime(instant.ToOffset(ChinaTime.Offset).DateTime);

    public static TimeOnly TimeOfDay(DateTimeOffset instant) => TimeOnly.FromDateTime(instant.ToOffset(ChinaTime.Offset).DateTime);

    /// <summary>The instant <paramref name="time"/> on <paramref name="day"/>, China time.</summary>
    public static DateTimeOffset At(DateOnly day, TimeOnly time) =>
        new DateTimeOffset(day.ToDateTime(time), ChinaTime.Offset).ToUniversalTime();

    /// <summary>The end of <paramref name="day"/> (24:00 China time), the last instant of a period that ends that day.</summary>
    public static DateTimeOffset EndOf(DateOnly day) => ChinaTime.StartOfDay(day.AddDays(1));

    public static string Text(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Text(DateTimeOffset instant) => ChinaTime.Format(instant);
}
