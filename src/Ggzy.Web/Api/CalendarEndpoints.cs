using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Ggzy.Platform.Calendar;
using Ggzy.Platform.Errors;
using Ggzy.Platform.Identity;
using Ggzy.Web.Infrastructure;

namespace Ggzy.Web.Api;

internal static class CalendarEndpoints
{
    public static RouteGroupBuilder MapCalendarApi(this RouteGroupBuilder api)
    {
        var calendar = api.MapGroup("/calendar").WithTags("工作日历 Calendar");

        calendar.MapGet("/", async (WorkCalendar c, CancellationToken ct) => TypedResults.Ok(await c.KnownYearsAsync(ct)))
            .AllowAnonymous()
            .WithSummary("工作日历已掌握节假日安排的年份。");

        calendar.MapGet("/{year:int}", async (int year, WorkCalendar c, CancellationToken ct) =>
                await c.YearAsync(year, ct) ?? throw new NotFoundException($"工作日历中没有 {year} 年的节假日安排。"))
            .AllowAnonymous()
            .WithSummary("某一年的放假安排和调休上班日。");

        calendar.MapPut("/{year:int}", async (int year, CalendarYearInput input, SaveCalendarYear save, ClaimsPrincipal user, CancellationToken ct) =>
                TypedResults.Ok(await save.HandleAsync(input.ToSchedule(year), user.Identity!.Name!, ct)))
            .Validate<CalendarYearInput>()
            .RequireAuthorization(PlatformPermissions.ManageCalendar)
            .WithSummary("公管办新增或修改某一年的节假日安排（整年替换，记入账本）。");

        calendar.MapGet("/deadline", async (DateOnly? from, int? days, string? unit, WorkCalendar c, CancellationToken ct) =>
            {
                var (start, n, working) = CheckDeadline(from, days, unit);
                var result = working ? await c.AddWorkingDaysAsync(start, n, ct) : await c.AddCalendarDaysAsync(start, n, ct);
                return TypedResults.Ok(new DeadlineView(result.Date, result.Provisional, result.UnknownYears));
            })
            .AllowAnonymous()
            .WithSummary("按《政府采购货物和服务招标投标管理办法》第八十五条计算期限：开始当天不计入，期限最后一日为节假日的顺延至其后第一个工作日。unit=calendar（日）或 working（工作日）。");
        return api;
    }

    private static (DateOnly From, int Days, bool Working) CheckDeadline(DateOnly? from, int? days, string? unit)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (from is null)
        {
            errors["from"] = ["请填写起算日期 from（yyyy-MM-dd），即期限开始的当天。"];
        }

        if (days is null or < 0 or > 3650)
        {
            errors["days"] = ["请填写天数 days，0 到 3650 之间的整数。"];
        }

        var working = unit switch
        {
            null or "calendar" => false,
            "working" => true,
            _ => AddError(errors, "unit", "unit 只能是 calendar（日）或 working（工作日）。"),
        };
        return errors.Count > 0 ? throw new InputValidationException(errors) : (from!.Value, days!.Value, working);
    }

    private static bool AddError(Dictionary<string, string[]> errors, string field, string message)
    {
        errors[field] = [message];
        return false;
    }
}

/// <summary>A computed deadline; <c>provisional</c> when a year in the count is not yet in the calendar.</summary>
public sealed record DeadlineView(DateOnly Date, bool Provisional, IReadOnlyList<int> UnknownYears);

/// <summary>A year's holiday schedule as the State Council notice sets it.</summary>
public sealed class CalendarYearInput
{
    [Required(ErrorMessage = "请填写依据的通知名称 notice。")]
    [StringLength(300, ErrorMessage = "通知名称不超过 300 字。")]
    public string? Notice { get; set; }

    [Required(ErrorMessage = "请填写放假安排 periods（可以为空数组）。")]
    public List<HolidayPeriodInput>? Periods { get; set; }

    /// <summary>Weekend days that are working days (调休上班).</summary>
    public List<DateOnly>? Workdays { get; set; }

    public YearSchedule ToSchedule(int year) => new(year, Notice ?? "",
        [.. (Periods ?? []).Select(p => new HolidayPeriod(p.Name ?? "", p.From ?? default, p.To ?? default))],
        Workdays ?? []);
}

public sealed class HolidayPeriodInput
{
    [Required(ErrorMessage = "请填写假日名称 name。")]
    public string? Name { get; set; }

    [Required(ErrorMessage = "请填写放假起始日 from（yyyy-MM-dd）。")]
    public DateOnly? From { get; set; }

    [Required(ErrorMessage = "请填写放假结束日 to（yyyy-MM-dd）。")]
    public DateOnly? To { get; set; }
}
