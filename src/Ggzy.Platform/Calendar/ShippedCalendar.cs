using System.Globalization;
using System.Text.Json;
using Ggzy.Platform.Data;
using Ggzy.Platform.Ledger;
using Microsoft.EntityFrameworkCore;

namespace Ggzy.Platform.Calendar;

/// <summary>
/// The holiday schedules shipped with the platform (embedded cn-holidays.json). They seed the years the database
/// lacks and never replace a year already there: the Regulator may have corrected it.
/// </summary>
public sealed class ShippedCalendar(CalendarCache cache, TimeProvider clock)
{
    public const string ResourceName = "Ggzy.Platform.Calendar.cn-holidays.json";

    private static readonly Lazy<IReadOnlyList<YearSchedule>> ShippedYears = new(Read);

    public static IReadOnlyList<YearSchedule> Years => ShippedYears.Value;

    /// <summary>Inserts every shipped year the database does not have, each with its ledger entry; returns those years.</summary>
    public Task<IReadOnlyList<int>> EnsureShippedYearsAsync(PlatformDbContext db, LedgerWriter ledger, CancellationToken ct) =>
        EnsureAsync(db, ledger, retryOnConflict: true, ct);

    private async Task<IReadOnlyList<int>> EnsureAsync(PlatformDbContext db, LedgerWriter ledger, bool retryOnConflict, CancellationToken ct)
    {
        var present = await db.CalendarYears.Select(y => y.Year).ToListAsync(ct);
        var missing = Years.Where(y => !present.Contains(y.Year)).ToList();
        if (missing.Count == 0)
        {
            return [];
        }

        var now = clock.GetUtcNow();
        var added = missing.Select(y => ToEntity(y, now)).ToList();
        db.CalendarYears.AddRange(added);
        try
        {
            await ledger.SaveChangesAsync(db,
                [.. missing.Select(y => new LedgerDraft(CalendarLedger.YearShipped, CalendarLedger.Subject(y.Year), y))], ct);
        }
        catch (DbUpdateException) when (retryOnConflict)
        {
            // Another node seeded a year at the same moment; what it wrote stands, and the rest is seeded again.
            Detach(db, added);
            return await EnsureAsync(db, ledger, retryOnConflict: false, ct);
        }
        finally
        {
            cache.Invalidate();
        }

        return [.. missing.Select(y => y.Year)];
    }

    private static void Detach(PlatformDbContext db, List<CalendarYear> years)
    {
        foreach (var year in years)
        {
            foreach (var entity in year.Periods.Cast<object>().Concat(year.Workdays).Append(year))
            {
                db.Entry(entity).State = EntityState.Detached;
            }
        }
    }

    private static CalendarYear ToEntity(YearSchedule schedule, DateTimeOffset now) => new()
    {
        Year = schedule.Year,
        Notice = schedule.Notice,
        Source = CalendarSource.Shipped,
        UpdatedAt = now,
        UpdatedBy = "system",
        Periods = [.. schedule.Periods.Select(p => new CalendarPeriod
        {
            Id = Guid.CreateVersion7(now), Year = schedule.Year, Name = p.Name, From = p.From, To = p.To,
        })],
        Workdays = [.. schedule.Workdays.Select(d => new CalendarWorkday { Date = d, Year = schedule.Year })],
    };

    private static IReadOnlyList<YearSchedule> Read()
    {
        using var stream = typeof(ShippedCalendar).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing.");
        var file = JsonSerializer.Deserialize<ShippedFile>(stream, JsonSerializerOptions.Web)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is empty.");
        return [.. file.Years
            .Select(y => new YearSchedule(int.Parse(y.Key, CultureInfo.InvariantCulture), y.Value.Notice, y.Value.Periods, y.Value.Workdays))
            .OrderBy(y => y.Year)];
    }

    private sealed record ShippedFile(Dictionary<string, ShippedYear> Years);

    private sealed record ShippedYear(string Notice, List<HolidayPeriod> Periods, List<DateOnly> Workdays);
}
