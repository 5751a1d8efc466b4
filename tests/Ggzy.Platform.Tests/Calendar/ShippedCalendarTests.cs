using Ggzy.Platform.Calendar;
using Microsoft.EntityFrameworkCore;

namespace Ggzy.Platform.Tests.Calendar;

public sealed class ShippedCalendarTests : IAsyncDisposable
{
    private readonly TestDatabase _t = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask DisposeAsync() => _t.DisposeAsync();

    [Fact]
    public void Years_EmbeddedResource_AreValidSchedules()
    {
        ShippedCalendar.Years.Select(y => y.Year).ShouldBe([2024, 2025, 2026]);
        foreach (var year in ShippedCalendar.Years)
        {
            var valid = YearScheduleValidator.Validate(year);
            valid.Notice.ShouldBe(year.Notice);
            valid.Periods.ShouldBe(year.Periods);
            valid.Workdays.ShouldBe(year.Workdays);
        }
    }

    [Fact]
    public async Task EnsureShippedYears_EmptyDatabase_InsertsEachYearWithItsLedgerEntry()
    {
        var inserted = await _t.SeedShippedAsync(Ct);

        inserted.ShouldBe([2024, 2025, 2026]);
        await using var db = _t.NewContext();
        var years = await db.CalendarYears.Include(y => y.Periods).Include(y => y.Workdays).OrderBy(y => y.Year).ToListAsync(Ct);
        years.Select(y => y.Year).ShouldBe([2024, 2025, 2026]);
        years.ShouldAllBe(y => y.Source == CalendarSource.Shipped && y.UpdatedBy == "system" && y.UpdatedAt == _t.Clock.GetUtcNow());
        years[2].Periods.Count.ShouldBe(7);
        years[2].Workdays.Count.ShouldBe(6);
        years[1].Periods.ShouldContain(p => p.Name == "国庆节、中秋节" && p.To == new DateOnly(2025, 10, 8));
        var entries = await _t.LedgerAsync(CalendarLedger.YearShipped, Ct);
        entries.Select(e => e.Subject).ShouldBe(["calendar:2024", "calendar:2025", "calendar:2026"]);
        entries[2].Payload.ShouldContain("\"notice\":\"国务院办公厅关于2026年部分节假日安排的通知");
    }

    [Fact]
    public async Task EnsureShippedYears_RunTwice_InsertsNothingTheSecondTime()
    {
        await _t.SeedShippedAsync(Ct);

        var second = await _t.Shipped().EnsureShippedYearsAsync(_t.NewContext(), _t.Ledger, Ct);

        second.ShouldBeEmpty();
        (await _t.LedgerAsync(CalendarLedger.YearShipped, Ct)).Count.ShouldBe(3);
        await using var db = _t.NewContext();
        (await db.CalendarYears.CountAsync(Ct)).ShouldBe(3);
    }

    [Fact]
    public async Task EnsureShippedYears_YearEditedByRegulator_IsNotOverwritten()
    {
        var edited = new YearSchedule(2026, "公管办更正的2026年安排",
            [new HolidayPeriod("春节", new DateOnly(2026, 2, 15), new DateOnly(2026, 2, 23))], []);
        await _t.SaveYear().HandleAsync(edited, "公管办张三", Ct);

        var inserted = await _t.SeedShippedAsync(Ct);

        inserted.ShouldBe([2024, 2025]);
        await using var db = _t.NewContext();
        var year = await db.CalendarYears.Include(y => y.Periods).Include(y => y.Workdays).SingleAsync(y => y.Year == 2026, Ct);
        year.Source.ShouldBe(CalendarSource.EditedByRegulator);
        year.Notice.ShouldBe("公管办更正的2026年安排");
        year.Periods.ShouldHaveSingleItem().Name.ShouldBe("春节");
        year.Workdays.ShouldBeEmpty();
    }
}
