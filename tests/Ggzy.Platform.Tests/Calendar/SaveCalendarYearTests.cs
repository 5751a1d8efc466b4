using Ggzy.Platform.Calendar;
using Ggzy.Platform.Errors;
using Ggzy.Platform.Identity;
using Microsoft.EntityFrameworkCore;
using static Ggzy.Platform.Tests.TestDatabase;

namespace Ggzy.Platform.Tests.Calendar;

public sealed class SaveCalendarYearTests : IAsyncDisposable
{
    private readonly TestDatabase _t = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask DisposeAsync() => _t.DisposeAsync();

    [Fact]
    public async Task Save_NewYear_StoresScheduleAndWritesLedger()
    {
        var details = await _t.SaveYear().HandleAsync(Schedules.Year2027(), "公管办张三", Ct);

        details.Year.Source.ShouldBe(CalendarSource.EditedByRegulator);
        await using var db = _t.NewContext();
        var year = await db.CalendarYears.Include(y => y.Periods).Include(y => y.Workdays).SingleAsync(Ct);
        year.Year.ShouldBe(2027);
        year.Source.ShouldBe(CalendarSource.EditedByRegulator);
        year.UpdatedBy.ShouldBe("公管办张三");
        year.UpdatedAt.ShouldBe(_t.Clock.GetUtcNow());
        year.Periods.Select(p => p.Name).ShouldBe(["元旦", "国庆节", "春节"], ignoreOrder: true);
        year.Workdays.Select(w => w.Date).Order().ShouldBe([Day("2027-01-31"), Day("2027-02-20"), Day("2027-10-09")]);
        var entry = (await _t.LedgerAsync(CalendarLedger.YearSaved, Ct)).ShouldHaveSingleItem();
        entry.Subject.ShouldBe("calendar:2027");
        entry.Payload.ShouldContain("\"name\":\"国庆节\"");
        entry.Payload.ShouldContain("\"2027-10-09\"");
    }

    [Fact]
    public async Task Save_ExistingYear_ReplacesPeriodsAndWorkdays()
    {
        await _t.SeedShippedAsync(Ct);
        var corrected = new YearSchedule(2026, "国务院办公厅关于2026年部分节假日安排的通知（更正）",
            [
                new HolidayPeriod("春节", Day("2026-02-15"), Day("2026-02-23")),
                new HolidayPeriod("国庆节", Day("2026-10-01"), Day("2026-10-08")),
            ],
            [Day("2026-02-14"), Day("2026-10-11")]);

        await _t.SaveYear().HandleAsync(corrected, "公管办李四", Ct);

        await using var db = _t.NewContext();
        var year = await db.CalendarYears.Include(y => y.Periods).Include(y => y.Workdays).SingleAsync(y => y.Year == 2026, Ct);
        year.Notice.ShouldEndWith("（更正）");
        year.Periods.Select(p => (p.Name, p.To)).ShouldBe([("春节", Day("2026-02-23")), ("国庆节", Day("2026-10-08"))], ignoreOrder: true);
        (await db.CalendarWorkdays.Where(w => w.Year == 2026).Select(w => w.Date).ToListAsync(Ct))
            .ShouldBe([Day("2026-02-14"), Day("2026-10-11")], ignoreOrder: true);
        (await db.CalendarYears.CountAsync(Ct)).ShouldBe(3);
        (await _t.Calendar().IsWorkingDayAsync(Day("2026-10-08"), Ct)).IsWorkingDay.ShouldBeFalse();
    }

    [Fact]
    public async Task Save_YearWithOpenAlert_AcknowledgesTheAlert()
    {
        await _t.Calendar().IsWorkingDayAsync(Day("2027-03-01"), Ct);
        (await _t.Alerts.ListOpenAsync(Roles.Regulator, Ct)).ShouldHaveSingleItem();

        await _t.SaveYear().HandleAsync(Schedules.Year2027(), "公管办张三", Ct);

        (await _t.Alerts.ListOpenAsync(Roles.Regulator, Ct)).ShouldBeEmpty();
        await using var db = _t.NewContext();
        var alert = await db.Alerts.SingleAsync(Ct);
        alert.AcknowledgedBy.ShouldBe("公管办张三");
        alert.AcknowledgedAt.ShouldBe(_t.Clock.GetUtcNow());
        (await _t.LedgerAsync("platform.alert.acknowledged", Ct)).ShouldHaveSingleItem().Subject.ShouldBe("alert:calendar.unknown-year.2027");
    }

    [Theory]
    [InlineData("year-too-early", "Year", "2000 至 2100")]
    [InlineData("year-too-late", "Year", "2000 至 2100")]
    [InlineData("blank-notice", "Notice", "通知")]
    [InlineData("no-periods", "Periods", "至少填写一个放假安排")]
    [InlineData("blank-name", "Periods[1].Name", "第 2 个放假安排的名称")]
    [InlineData("from-after-to", "Periods[0].To", "早于开始日期")]
    [InlineData("period-into-next-year", "Periods[2].To", "须在 2027 年内")]
    [InlineData("period-from-last-year", "Periods[0].From", "须在 2027 年内")]
    [InlineData("periods-overlap", "Periods[2].From", "重叠")]
    [InlineData("workday-on-weekday", "Workdays[1]", "不是星期六或星期日")]
    [InlineData("workday-in-holiday", "Workdays[0]", "同一天不能既放假又上班")]
    [InlineData("workday-other-year", "Workdays[2]", "不在 2027 年内")]
    [InlineData("workday-twice", "Workdays[3]", "重复")]
    public async Task Save_InvalidSchedule_IsRefusedNamingTheFieldAndChangesNothing(string @case, string field, string phrase)
    {
        var ex = await Should.ThrowAsync<BusinessRuleException>(() => _t.SaveYear().HandleAsync(Invalid(@case), "公管办张三", Ct));

        ex.Field.ShouldBe(field);
        ex.Message.ShouldContain(phrase);
        await using var db = _t.NewContext();
        (await db.CalendarYears.CountAsync(Ct)).ShouldBe(0);
        (await db.CalendarPeriods.CountAsync(Ct)).ShouldBe(0);
        (await db.LedgerEntries.CountAsync(Ct)).ShouldBe(0);
    }

    private static YearSchedule Invalid(string @case)
    {
        var valid = Schedules.Year2027();
        List<HolidayPeriod> periods = [.. valid.Periods];
        List<DateOnly> workdays = [.. valid.Workdays];
        switch (@case)
        {
            case "year-too-early": return valid with { Year = 1999 };
            case "year-too-late": return valid with { Year = 2101 };
            case "blank-notice": return valid with { Notice = "  " };
            case "no-periods": return valid with { Periods = [] };
            case "blank-name": periods[1] = periods[1] with { Name = " " }; break;
            case "from-after-to": periods[0] = periods[0] with { From = Day("2027-01-04") }; break;
            case "period-into-next-year": periods[2] = periods[2] with { To = Day("2028-01-01") }; break;
            case "period-from-last-year": periods[0] = periods[0] with { From = Day("2026-12-31") }; break;
            case "periods-overlap": periods.Add(new HolidayPeriod("中秋节", Day("2027-09-28"), Day("2027-10-01"))); break;
            case "workday-on-weekday": workdays[1] = Day("2027-02-22"); break;
            case "workday-in-holiday": workdays[0] = Day("2027-02-07"); break;
            case "workday-other-year": workdays[2] = Day("2028-01-08"); break;
            case "workday-twice": workdays.Add(workdays[0]); break;
            default: throw new ArgumentOutOfRangeException(nameof(@case), @case, null);
        }

        return valid with { Periods = periods, Workdays = workdays };
    }
}
