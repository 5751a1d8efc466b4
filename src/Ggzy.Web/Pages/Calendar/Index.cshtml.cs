using Ggzy.Platform.Calendar;
using Ggzy.Platform.Identity;
using Ggzy.Platform.Time;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ggzy.Web.Pages.Calendar;

[AllowAnonymous]
public sealed class IndexModel(WorkCalendar calendar, PermissionTable permissions, TimeProvider clock) : PageModel
{
    private static readonly string[] WeekDays = ["星期日", "星期一", "星期二", "星期三", "星期四", "星期五", "星期六"];

    public int Year { get; private set; }

    public IReadOnlyList<KnownYear> KnownYears { get; private set; } = [];

    public CalendarYearDetails? Details { get; private set; }

    public IReadOnlyList<MonthView> Months { get; private set; } = [];

    public bool CanEdit { get; private set; }

    /// <summary>Next year, while its schedule is not yet in the calendar.</summary>
    public int? MissingNextYear { get; private set; }

    public DateOnly? From { get; private set; }

    public int? Days { get; private set; }

    public string? Unit { get; private set; }

    public CalendarDate? Result { get; private set; }

    public string? InputError { get; private set; }

    public string WeekDay => Result is null ? "" : WeekDays[(int)Result.Date.DayOfWeek];

    public async Task OnGetAsync(int? year, DateOnly? from, int? days, string? unit, CancellationToken ct)
    {
        Year = year is >= YearScheduleValidator.MinYear and <= YearScheduleValidator.MaxYear ? year.Value : clock.Today().Year;
        KnownYears = await calendar.KnownYearsAsync(ct);
        var next = clock.Today().Year + 1;
        MissingNextYear = KnownYears.Any(y => y.Year == next) ? null : next;
        Details = await calendar.YearAsync(Year, ct);
        if (Details is null)
        {
            await calendar.IsWorkingDayAsync(new DateOnly(Year, 1, 1), ct);
        }

        var table = await calendar.TableAsync(ct);
        Months = [.. Enumerable.Range(1, 12).Select(m => MonthView.Build(Year, m, table, Details))];
        CanEdit = permissions.Grants(User, PlatformPermissions.ManageCalendar);
        (From, Days, Unit) = (from, days, unit);
        if (from is null && days is null)
        {
            return;
        }

        if (from is null || days is null or < 0 or > 3650)
        {
            InputError = "请填写起算日，并填写 0 到 3650 之间的天数。";
            return;
        }

        Result = unit == "working"
            ? await calendar.AddWorkingDaysAsync(from.Value, days.Value, ct)
            : await calendar.AddCalendarDaysAsync(from.Value, days.Value, ct);
    }
}
