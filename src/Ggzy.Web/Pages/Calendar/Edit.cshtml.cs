using System.Globalization;
using Ggzy.Platform.Calendar;
using Ggzy.Platform.Errors;
using Ggzy.Platform.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ggzy.Web.Pages.Calendar;

[RequirePermission(PlatformPermissions.ManageCalendar)]
public sealed class EditModel(WorkCalendar calendar, SaveCalendarYear save) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int Year { get; set; }

    [BindProperty]
    public string? Notice { get; set; }

    [BindProperty]
    public string? Periods { get; set; }

    [BindProperty]
    public string? Workdays { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Year is < YearScheduleValidator.MinYear or > YearScheduleValidator.MaxYear)
        {
            return NotFound();
        }

        if (await calendar.YearAsync(Year, ct) is { } existing)
        {
            Notice = existing.Year.Notice;
            Periods = string.Join('\n', existing.Schedule.Periods.Select(p => $"{p.Name},{Day(p.From)},{Day(p.To)}"));
            Workdays = string.Join('\n', existing.Schedule.Workdays.Select(Day));
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var schedule = new YearSchedule(Year, Notice ?? "", ParsePeriods(), ParseWorkdays());
        await save.HandleAsync(schedule, User.Identity!.Name!, ct);
        return Redirect($"/Calendar?year={Year.ToString(CultureInfo.InvariantCulture)}");
    }

    private List<HolidayPeriod> ParsePeriods() => [.. Lines(Periods).Select((line, i) =>
    {
        var parts = line.Split([',', '，'], StringSplitOptions.TrimEntries);
        return parts.Length == 3 && TryDay(parts[1], out var from) && TryDay(parts[2], out var to)
            ? new HolidayPeriod(parts[0], from, to)
            : throw Invalid(nameof(Periods), $"放假安排第 {i + 1} 行“{line}”格式不对：应为“名称,开始日期,结束日期”，日期如 {Year}-10-01。");
    })];

    private List<DateOnly> ParseWorkdays() => [.. Lines(Workdays).Select((line, i) =>
        TryDay(line, out var day) ? day : throw Invalid(nameof(Workdays), $"调休上班日第 {i + 1} 行“{line}”不是有效日期：应为 yyyy-MM-dd，如 {Year}-09-27。"))];

    private static string[] Lines(string? text) =>
        (text ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    private static bool TryDay(string text, out DateOnly day) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day);

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static InputValidationException Invalid(string field, string message) =>
        new(new Dictionary<string, string[]> { [field] = [message] });
}
