using Ggzy.Platform.Calendar;
using static Ggzy.Platform.Tests.TestDatabase;

namespace Ggzy.Platform.Tests.Calendar;

public sealed class HolidayTableTests
{
    private static readonly HolidayTable Shipped = new(ShippedCalendar.Years);

    [Theory]
    [InlineData("2026-02-14", true)] // Saturday, adjusted working day before 春节
    [InlineData("2026-02-16", false)] // Monday in 春节
    [InlineData("2026-10-05", false)] // Monday in 国庆节
    [InlineData("2026-01-04", true)] // Sunday, adjusted working day after 元旦
    [InlineData("2026-03-07", false)] // ordinary Saturday
    [InlineData("2026-03-09", true)] // ordinary Monday
    [InlineData("2025-09-28", true)] // Sunday, adjusted working day before 国庆节、中秋节
    [InlineData("2025-10-08", false)] // Wednesday, last day of 国庆节、中秋节
    [InlineData("2025-10-11", true)] // Saturday, adjusted working day
    [InlineData("2024-02-04", true)] // Sunday, adjusted working day before 春节
    [InlineData("2024-02-12", false)] // Monday in 春节
    [InlineData("2024-10-12", true)] // Saturday, adjusted working day after 国庆节
    public void Check_ShippedYear_KnowsHolidaysAndAdjustedWorkdays(string date, bool working)
    {
        var check = Shipped.Check(Day(date));

        check.IsWorkingDay.ShouldBe(working);
        check.Provisional.ShouldBeFalse();
    }

    [Fact]
    public void AddCalendarDays_LastDayOnNationalDay_MovesToFirstWorkingDayAfter()
    {
        var result = Shipped.AddCalendarDays(Day("2026-09-11"), 20);

        result.Date.ShouldBe(Day("2026-10-08"));
        result.Provisional.ShouldBeFalse();
    }

    [Theory]
    [InlineData("2026-03-03", 20, "2026-03-23")] // lands on a Monday: stays
    [InlineData("2026-03-02", 20, "2026-03-23")] // lands on Sunday 03-22: moves to Monday
    [InlineData("2026-01-25", 20, "2026-02-14")] // lands on the adjusted working Saturday: stays
    [InlineData("2026-02-10", 5, "2026-02-24")] // lands on 02-15, first day of 春节: moves past it
    [InlineData("2026-03-09", 1, "2026-03-10")] // the start day is not counted
    public void AddCalendarDays_FromStart_EndsOnExpectedDay(string start, int days, string expected) =>
        Shipped.AddCalendarDays(Day(start), days).Date.ShouldBe(Day(expected));

    [Theory]
    [InlineData("2026-02-12", 5, "2026-02-26")] // 02-13, 02-14 (adjusted Saturday), then 春节 until 02-23, then 02-24..26
    [InlineData("2026-03-06", 1, "2026-03-09")] // Friday start not counted, weekend skipped
    [InlineData("2026-03-09", 1, "2026-03-10")] // Monday start not counted
    [InlineData("2026-10-03", 1, "2026-10-08")] // start inside a holiday
    [InlineData("2025-09-26", 7, "2025-10-13")] // 09-28 (Sunday worked), 09-29, 09-30, 10-09, 10-10, 10-11 (Saturday worked), 10-13
    public void AddWorkingDays_FromStart_CountsOnlyWorkingDays(string start, int days, string expected)
    {
        var result = Shipped.AddWorkingDays(Day(start), days);

        result.Date.ShouldBe(Day(expected));
        result.Provisional.ShouldBeFalse();
    }

    [Fact]
    public void AddWorkingDays_IntoUnknownYear_CountsWeekendsOnlyAndIsProvisional()
    {
        var result = Shipped.AddWorkingDays(Day("2026-12-30"), 3);

        result.Date.ShouldBe(Day("2027-01-04")); // 12-31, 2027-01-01 (a Friday, counted: the year is unknown), 01-04
        result.Provisional.ShouldBeTrue();
        result.UnknownYears.ShouldBe([2027]);
    }

    [Fact]
    public void AddCalendarDays_EndInKnownYear_IsNotProvisionalEvenIfStartYearUnknown()
    {
        var result = Shipped.AddCalendarDays(Day("2023-12-20"), 20);

        result.Date.ShouldBe(Day("2024-01-09"));
        result.Provisional.ShouldBeFalse();
    }

    [Fact]
    public void AddWorkingDays_NegativeCount_Throws() =>
        Should.Throw<ArgumentOutOfRangeException>(() => Shipped.AddWorkingDays(Day("2026-03-09"), -1));
}
