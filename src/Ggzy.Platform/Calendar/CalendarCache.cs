using System.Collections.Concurrent;

namespace Ggzy.Platform.Calendar;

/// <summary>
/// This node's copy of the holiday table. A save on this node invalidates it at once; other nodes pick up a change
/// when their copy expires after <see cref="Lifetime"/>.
/// </summary>
public sealed class CalendarCache(TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);

    private readonly Lock _lock = new();
    private readonly ConcurrentDictionary<int, bool> _alertedYears = new();
    private HolidayTable? _table;
    private DateTimeOffset _loadedAt;
    private long _version;

    /// <summary>The cached table if still fresh; <paramref name="version"/> is passed back to <see cref="Store"/>.</summary>
    public HolidayTable? TryGet(out long version)
    {
        lock (_lock)
        {
            version = _version;
            return _table is not null && clock.GetUtcNow() - _loadedAt < Lifetime ? _table : null;
        }
    }

    /// <summary>Keeps a table read at <paramref name="version"/>, unless a save invalidated the cache since.</summary>
    public void Store(HolidayTable table, long version)
    {
        lock (_lock)
        {
            if (version == _version)
            {
                _table = table;
                _loadedAt = clock.GetUtcNow();
            }
        }
    }

    public void Invalidate()
    {
        lock (_lock)
        {
            _version++;
            _table = null;
        }
    }

    /// <summary>Whether this node already raised the missing-year alert (the alert itself is unique by key).</summary>
    public bool HasAlerted(int year) => _alertedYears.ContainsKey(year);

    public void MarkAlerted(int year) => _alertedYears.TryAdd(year, true);
}
