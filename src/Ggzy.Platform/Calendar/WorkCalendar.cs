using Ggzy.Platform.Alerts;
using Ggzy.Platform.Data;
using Ggzy.Platform.Identity;
using Microsoft.EntityFrameworkCore;
using static System.FormattableString;

namespace Ggzy.Platform.Calendar;

/// <summary>
/// Working days and statutory deadlines (87号令 第八十五条) over the holiday schedules the calendar knows.
/// A year it does not know is counted with weekends off only; the result is provisional and the Regulator is alerted
/// once to enter that year.
/// </summary>
public sealed class WorkCalendar(PlatformDbContext db, CalendarCache cache, PlatformAlerts alerts)
{
    public const string UnknownYearAlertKind = "calendar.unknown-year";

    public static string UnknownYearAlertKey(int year) => Invariant($"calendar.unknown-year.{year}");

    public async Task<WorkingDayCheck> IsWorkingDayAsync(DateOnly date, CancellationToken ct)
    {
        var check = (await TableAsync(ct)).Check(date);
        if (check.Provisional)
        {
            await AlertUnknownYearsAsync([date.Year], ct);
        }

        return check;
    }

    public async Task<CalendarDate> AddCalendarDaysAsync(DateOnly start, int days, CancellationToken ct) =>
        await AlertUnknownYearsAsync((await TableAsync(ct)).AddCalendarDays(start, days), ct);

    public async Task<CalendarDate> AddWorkingDaysAsync(DateOnly start, int days, CancellationToken ct) =>
        await AlertUnknownYearsAsync((await TableAsync(ct)).AddWorkingDays(start, days), ct);

    public async Task<IReadOnlyList<KnownYear>> KnownYearsAsync(CancellationToken ct) =>
        await db.CalendarYears.AsNoTracking()
            .OrderBy(y => y.Year)
            .Select(y => new KnownYear(y.Year, y.Notice, y.Source, y.UpdatedAt, y.UpdatedBy))
            .ToListAsync(ct);

    public async Task<CalendarYearDetails?> YearAsync(int year, CancellationToken ct)
    {
        var found = await db.CalendarYears.AsNoTracking()
            .Include(y => y.Periods).Include(y => y.Workdays).AsSingleQuery()
            .FirstOrDefaultAsync(y => y.Year == year, ct);
        return found is null ? null : new CalendarYearDetails(
            new KnownYear(found.Year, found.Notice, found.Source, found.UpdatedAt, found.UpdatedBy), YearSchedule.From(found));
    }

    public async Task<HolidayTable> TableAsync(CancellationToken ct)
    {
        if (cache.TryGet(out var version) is { } cached)
        {
            return cached;
        }

        var years = await db.CalendarYears.AsNoTracking()
            .Include(y => y.Periods).Include(y => y.Workdays).AsSingleQuery()
            .ToListAsync(ct);
        var table = new HolidayTable(years.Select(YearSchedule.From));
        cache.Store(table, version);
        return table;
    }

    private async Task<CalendarDate> AlertUnknownYearsAsync(CalendarDate result, CancellationToken ct)
    {
        await AlertUnknownYearsAsync(result.UnknownYears, ct);
        return result;
    }

    private async Task AlertUnknownYearsAsync(IEnumerable<int> years, CancellationToken ct)
    {
        foreach (var year in years.Where(y => !cache.HasAlerted(y)))
        {
            await alerts.RaiseAsync(UnknownYearAlertKey(year), UnknownYearAlertKind, Invariant(
                $"工作日历中没有 {year} 年的节假日安排，涉及 {year} 年的期限暂按仅周六、周日休息计算，结果为临时结果。请依据国务院办公厅关于 {year} 年部分节假日安排的通知，在工作日历中录入该年的放假日期和调休上班日期。"),
                Roles.Regulator, ct);
            cache.MarkAlerted(year);
        }
    }
}
