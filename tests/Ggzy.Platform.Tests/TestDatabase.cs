using System.Globalization;
using Ggzy.Platform.Alerts;
using Ggzy.Platform.Calendar;
using Ggzy.Platform.Data;
using Ggzy.Platform.Ledger;
using Ggzy.Platform.Rules;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Ggzy.Platform.Tests;

/// <summary>A fresh in-memory SQLite database with the Platform schema, and the kernel services built over it.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly SqliteConnection _connection = new("Data Source=:memory:");

    public TestDatabase()
    {
        _connection.Open();
        Db = NewContext();
        Db.Database.EnsureCreated();
        Ledger = new LedgerWriter(Clock, new SystemActorAccessor());
        Cache = new CalendarCache(Clock);
        Alerts = new PlatformAlerts(Db, Ledger, Clock);
    }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 3, 2, 1, 0, 0, TimeSpan.Zero));

    public PlatformDbContext Db { get; }

    public LedgerWriter Ledger { get; }

    public CalendarCache Cache { get; }

    public PlatformAlerts Alerts { get; }

    public PlatformDbContext NewContext() =>
        new(new DbContextOptionsBuilder<PlatformDbContext>().UseSqlite(_connection).Options);

    public WorkCalendar Calendar(CalendarCache? cache = null) => new(Db, cache ?? Cache, Alerts);

    public SaveCalendarYear SaveYear(CalendarCache? cache = null) => new(Db, Ledger, Alerts, cache ?? Cache, Clock);

    public ShippedCalendar Shipped() => new(Cache, Clock);

    public StatutoryRuleRegistry Rules() => new(Db, Ledger, Clock);

    public Task<IReadOnlyList<int>> SeedShippedAsync(CancellationToken ct) => Shipped().EnsureShippedYearsAsync(Db, Ledger, ct);

    /// <summary>The ledger entries of one type, read through a fresh context (what was committed, not what is tracked).</summary>
    public async Task<List<LedgerEntry>> LedgerAsync(string type, CancellationToken ct)
    {
        await using var db = NewContext();
        return await db.LedgerEntries.Where(e => e.Type == type).OrderBy(e => e.Sequence).ToListAsync(ct);
    }

    public async ValueTask DisposeAsync()
    {
        await Db.DisposeAsync();
        await _connection.DisposeAsync();
    }

    public static DateOnly Day(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
