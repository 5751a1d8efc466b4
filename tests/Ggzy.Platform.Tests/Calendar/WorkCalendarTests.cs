using Ggzy.Platform.Calendar;
using Ggzy.Platform.Identity;
using Microsoft.EntityFrameworkCore;
using static Ggzy.Platform.Tests.TestDatabase;

namespace Ggzy.Platform.Tests.Calendar;

public sealed class WorkCalendarTests : IAsyncDisposable
{
    private readonly TestDatabase _t = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask DisposeAsync() => _t.DisposeAsync();

    [Fact]
    public async Task IsWorkingDay_UnknownYear_IsProvisionalAndAlertsRegulatorOnce()
    {
        await _t.SeedShippedAsync(Ct);
        var calendar = _t.Calendar();

        var first = await calendar.IsWorkingDayAsync(Day("2030-01-01"), Ct);
        var second = await calendar.IsWorkingDayAsync(Day("2030-01-05"), Ct);
        await calendar.AddWorkingDaysAsync(Day("2030-03-01"), 5, Ct);
        await _t.Calendar(new CalendarCache(_t.Clock)).IsWorkingDayAsync(Day("2030-01-02"), Ct); // another node

        first.ShouldBe(new WorkingDayCheck(Day("2030-01-01"), IsWorkingDay: true, Provisional: true));
        second.ShouldBe(new WorkingDayCheck(Day("2030-01-05"), IsWorkingDay: false, Provisional: true));
        await using var db = _t.NewContext();
        var alert = (await db.Alerts.ToListAsync(Ct)).ShouldHaveSingleItem();
        alert.Key.ShouldBe("calendar.unknown-year.2030");
        alert.Kind.ShouldBe(WorkCalendar.UnknownYearAlertKind);
        alert.Audience.ShouldBe(Roles.Regulator);
        alert.Message.ShouldContain("2030 年");
        (await _t.LedgerAsync("platform.alert.raised", Ct)).ShouldHaveSingleItem().Subject.ShouldBe("alert:calendar.unknown-year.2030");
    }

    [Fact]
    public async Task AddCalendarDays_EndInUnknownYear_CountsWeekendsOnlyAndIsProvisional()
    {
        await _t.SeedShippedAsync(Ct);

        var result = await _t.Calendar().AddCalendarDaysAsync(Day("2026-12-20"), 20, Ct);

        result.Date.ShouldBe(Day("2027-01-11")); // 2027-01-09 is a Saturday
        result.Provisional.ShouldBeTrue();
        result.UnknownYears.ShouldBe([2027]);
        (await _t.Alerts.ListOpenAsync(Roles.Regulator, Ct)).ShouldHaveSingleItem().Key.ShouldBe("calendar.unknown-year.2027");
    }

    [Fact]
    public async Task AddWorkingDays_KnownYears_RaisesNoAlert()
    {
        await _t.SeedShippedAsync(Ct);

        var result = await _t.Calendar().AddWorkingDaysAsync(Day("2024-12-30"), 3, Ct);

        result.Date.ShouldBe(Day("2025-01-03")); // 2025-01-01 is 元旦
        result.Provisional.ShouldBeFalse();
        (await _t.Alerts.ListOpenAsync(Roles.Regulator, Ct)).ShouldBeEmpty();
    }

    [Fact]
    public async Task AddWorkingDays_AfterSaveOnSameNode_UsesNewSchedule()
    {
        await _t.SeedShippedAsync(Ct);
        var calendar = _t.Calendar();
        var before = await calendar.AddWorkingDaysAsync(Day("2027-09-30"), 1, Ct);

        await _t.SaveYear().HandleAsync(Schedules.Year2027(), "公管办张三", Ct);
        var after = await calendar.AddWorkingDaysAsync(Day("2027-09-30"), 1, Ct);

        before.Date.ShouldBe(Day("2027-10-01"));
        before.Provisional.ShouldBeTrue();
        after.Date.ShouldBe(Day("2027-10-08"));
        after.Provisional.ShouldBeFalse();
    }

    [Fact]
    public async Task AddWorkingDays_AfterSaveOnOtherNode_UsesNewScheduleOnceCacheExpires()
    {
        await _t.SeedShippedAsync(Ct);
        var thisNode = _t.Calendar();
        await thisNode.AddWorkingDaysAsync(Day("2027-09-30"), 1, Ct);

        await _t.SaveYear(new CalendarCache(_t.Clock)).HandleAsync(Schedules.Year2027(), "公管办张三", Ct);
        var stale = await thisNode.AddWorkingDaysAsync(Day("2027-09-30"), 1, Ct);
        _t.Clock.Advance(CalendarCache.Lifetime);
        var fresh = await thisNode.AddWorkingDaysAsync(Day("2027-09-30"), 1, Ct);

        stale.Date.ShouldBe(Day("2027-10-01"));
        fresh.Date.ShouldBe(Day("2027-10-08"));
    }

    [Fact]
    public async Task KnownYearsAndYear_ShippedCalendar_ListYearsAndSchedule()
    {
        await _t.SeedShippedAsync(Ct);
        var calendar = _t.Calendar();

        var years = await calendar.KnownYearsAsync(Ct);
        var year2026 = await calendar.YearAsync(2026, Ct);
        var year2030 = await calendar.YearAsync(2030, Ct);

        years.Select(y => y.Year).ShouldBe([2024, 2025, 2026]);
        years.ShouldAllBe(y => y.Source == CalendarSource.Shipped && y.UpdatedBy == "system");
        year2026.ShouldNotBeNull();
        year2026.Year.Notice.ShouldStartWith("国务院办公厅关于2026年部分节假日安排的通知");
        year2026.Schedule.Periods.Select(p => p.Name).ShouldBe(["元旦", "春节", "清明节", "劳动节", "端午节", "中秋节", "国庆节"]);
        year2026.Schedule.Periods[1].ShouldBe(new HolidayPeriod("春节", Day("2026-02-15"), Day("2026-02-23")));
        year2026.Schedule.Workdays.ShouldBe([Day("2026-01-04"), Day("2026-02-14"), Day("2026-02-28"),
            Day("2026-05-09"), Day("2026-09-20"), Day("2026-10-10")]);
        year2030.ShouldBeNull();
    }
}
