using Ggzy.Platform.Alerts;
using Ggzy.Platform.Data;
using Ggzy.Platform.Ledger;
using Microsoft.EntityFrameworkCore;

namespace Ggzy.Platform.Calendar;

/// <summary>
/// The Regulator adds a year's holiday schedule or corrects one, e.g. when the State Council publishes next year's
/// notice. The year's periods and adjusted working days are replaced as a whole, and any missing-year alert for it
/// is acknowledged in the same transaction.
/// </summary>
public sealed class SaveCalendarYear(
    PlatformDbContext db, LedgerWriter ledger, PlatformAlerts alerts, CalendarCache cache, TimeProvider clock)
{
    public async Task<CalendarYearDetails> HandleAsync(YearSchedule input, string actor, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        var schedule = YearScheduleValidator.Validate(input);
        var year = await db.CalendarYears
            .Include(y => y.Periods).Include(y => y.Workdays).AsSingleQuery()
            .FirstOrDefaultAsync(y => y.Year == schedule.Year, ct);
        if (year is null)
        {
            year = new CalendarYear { Year = schedule.Year, Notice = schedule.Notice, UpdatedBy = actor };
            db.CalendarYears.Add(year);
        }

        Replace(year, schedule);
        year.Notice = schedule.Notice;
        year.Source = CalendarSource.EditedByRegulator;
        year.UpdatedAt = clock.GetUtcNow();
        year.UpdatedBy = actor;

        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            await ledger.SaveChangesAsync(db, new LedgerDraft(CalendarLedger.YearSaved, CalendarLedger.Subject(schedule.Year), schedule), ct);
            await alerts.AcknowledgeAsync(WorkCalendar.UnknownYearAlertKey(schedule.Year), actor, ct);
            await transaction.CommitAsync(ct);
        }

        cache.Invalidate();
        return new CalendarYearDetails(new KnownYear(year.Year, year.Notice, year.Source, year.UpdatedAt, year.UpdatedBy), schedule);
    }

    private void Replace(CalendarYear year, YearSchedule schedule)
    {
        db.CalendarPeriods.RemoveRange(year.Periods);
        db.CalendarPeriods.AddRange(schedule.Periods.Select(p => new CalendarPeriod
        {
            Id = Guid.CreateVersion7(clock.GetUtcNow()),
            Year = schedule.Year,
            Name = p.Name,
            From = p.From,
            To = p.To,
        }));

        // A workday's key is its date: keep the dates that stay, so that none is deleted and re-added in one save.
        var wanted = schedule.Workdays.ToHashSet();
        var kept = year.Workdays.Select(w => w.Date).ToHashSet();
        db.CalendarWorkdays.RemoveRange(year.Workdays.Where(w => !wanted.Contains(w.Date)));
        db.CalendarWorkdays.AddRange(wanted.Except(kept).Select(d => new CalendarWorkday { Date = d, Year = schedule.Year }));
    }
}
