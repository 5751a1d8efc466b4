using System.Diagnostics;

namespace Ggzy.Experts.Features.Draws;

/// <summary>
/// Where a round's time goes, phase by phase (docs/performance.md, expert draw): registered by the benchmark, not by the
/// platform, so that a round elsewhere only checks for its absence. Not thread-safe: one round at a time.
/// </summary>
internal sealed class DrawPhases
{
    private readonly List<(string Phase, long Ticks, long Bytes)> _marks = [];
    private long _last;
    private long _allocated;

    /// <summary>
    /// The phases of the last round since <see cref="Start"/>, in order, with their Stopwatch ticks and the bytes the
    /// process allocated meanwhile.
    /// </summary>
    public IReadOnlyList<(string Phase, long Ticks, long Bytes)> Marks => _marks;

    public void Start()
    {
        _marks.Clear();
        _allocated = GC.GetTotalAllocatedBytes();
        _last = Stopwatch.GetTimestamp();
    }

    /// <summary>Ends the phase <paramref name="phase"/>: the time since the previous mark (or the start).</summary>
    public void Mark(string phase)
    {
        var now = Stopwatch.GetTimestamp();
        var allocated = GC.GetTotalAllocatedBytes();
        _marks.Add((phase, now - _last, allocated - _allocated));
        _allocated = allocated;
        _last = Stopwatch.GetTimestamp();
    }
}
