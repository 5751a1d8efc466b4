using System.Globalization;
using Ggzy.Platform.Calendar;
using Ggzy.Trading.Domain.Schedule;

namespace Ggzy.Trading.Tests.Schedule;

/// <summary>Schedules in China time over the shipped 2024–2026 calendar, national values unless a test overrides one.</summary>
internal static class Schedules
{
    public static readonly HolidayTable Calendar = new(ShippedCalendar.Years);

    public static StatutoryTiming National => StatutoryTiming.National(Calendar);

    /// <summary>"2026-03-02 09:00" China time.</summary>
    public static DateTimeOffset China(string local) =>
        DateTimeOffset.ParseExact(local + " +08:00", "yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture);

    public static DateOnly Day(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>An open tender (工程) announced when its documents go on sale.</summary>
    public static ProcedureSchedule Tender(string from, string until, string deadline, bool prequalification = false) =>
        new(Regime.Tender, ProcurementMethod.OpenTender, prequalification, China(from), null, China(from), China(until), China(deadline));

    /// <summary>An open tender of 政府采购 with its notice period ending when the documents stop being provided.</summary>
    public static ProcedureSchedule Procurement(string from, string until, string deadline, bool prequalification = false, string? noticeEnds = null) =>
        new(Regime.Procurement, ProcurementMethod.OpenTender, prequalification, China(from), China(noticeEnds ?? until),
            China(from), China(until), China(deadline));

    /// <summary>A tender that passes every rule: documents 2026-03-02 to 03-09, deadline 03-23 09:30.</summary>
    public static ProcedureSchedule ValidTender() => Tender("2026-03-02 09:00", "2026-03-09 17:00", "2026-03-23 09:30");

    public static ScheduleAssessment Check(ProcedureSchedule schedule, StatutoryTiming? timing = null) =>
        new ScheduleValidator(timing ?? National).Check(schedule);
}
