using Ggzy.Platform.Data;
using Ggzy.Platform.Ledger;
using Ggzy.Platform.Time;

namespace Ggzy.Platform.Calendar;

/// <summary>
/// At every start, adds the shipped holiday schedules of years the database does not have yet; from October on, if
/// next year is still missing, alerts the Regulator to enter it (the State Council usually publishes it in the
/// autumn), so that deadlines reaching into January are not left provisional.
/// </summary>
internal sealed class InstallShippedCalendar(ShippedCalendar shipped, PlatformDbContext db, LedgerWriter ledger, WorkCalendar calendar, TimeProvider clock)
    : IStartupTask
{
    public int Order => 0;

    public async Task RunAsync(CancellationToken ct)
    {
        await shipped.EnsureShippedYearsAsync(db, ledger, ct);
        var today = clock.Today();
        if (today.Month >= 10)
        {
            await calendar.IsWorkingDayAsync(new DateOnly(today.Year + 1, 1, 1), ct);
        }
    }
}
