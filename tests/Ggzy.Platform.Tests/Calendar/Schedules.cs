using Ggzy.Platform.Calendar;
using static Ggzy.Platform.Tests.TestDatabase;

namespace Ggzy.Platform.Tests.Calendar;

/// <summary>A made-up schedule for 2027 (the State Council has not published it), shaped like a real one.</summary>
public static class Schedules
{
    public static YearSchedule Year2027() => new(
        2027,
        "测试用：2027年部分节假日安排",
        [
            new HolidayPeriod("元旦", Day("2027-01-01"), Day("2027-01-03")),
            new HolidayPeriod("春节", Day("2027-02-06"), Day("2027-02-14")),
            new HolidayPeriod("国庆节", Day("2027-10-01"), Day("2027-10-07")),
        ],
        [Day("2027-01-31"), Day("2027-02-20"), Day("2027-10-09")]);
}
