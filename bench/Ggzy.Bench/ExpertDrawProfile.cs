using System.Diagnostics;
using System.Globalization;

namespace Ggzy.Bench;

/// <summary>
/// The expert draw's per-phase profile (<c>--phases</c>): for every measured draw its phases (from
/// <see cref="Ggzy.Experts.Features.Draws.DrawPhases"/>), the collections per generation and the GC's pause during it;
/// reported as the mean of each over the slowest 5 % of draws against the middle tenth (the 45th to 55th percentile).
/// </summary>
internal sealed class ExpertDrawProfile
{
    private readonly List<(TimeSpan Elapsed, Dictionary<string, double> Phases, int[] Collections, TimeSpan Pause)> _draws = [];
    private readonly List<string> _order = [];

    public void Add(TimeSpan elapsed, IReadOnlyList<(string Phase, long Ticks, long Bytes)> marks, int[] collections, TimeSpan pause)
    {
        var phases = new Dictionary<string, double>(StringComparer.Ordinal);
        var counted = 0.0;
        foreach (var (phase, ticks, bytes) in marks)
        {
            var ms = ticks * 1000.0 / Stopwatch.Frequency;
            phases[phase] = phases.GetValueOrDefault(phase) + ms;
            phases[phase + " KB"] = phases.GetValueOrDefault(phase + " KB") + (bytes / 1024.0);
            counted += ms;
            if (!_order.Contains(phase))
            {
                _order.Add(phase);
            }
        }

        phases["(scope and the rest)"] = elapsed.TotalMilliseconds - counted;
        _draws.Add((elapsed, phases, collections, pause));
    }

    public IEnumerable<string> Report()
    {
        var sorted = _draws.OrderBy(d => d.Elapsed).ToList();
        var n = sorted.Count;
        var slow = sorted.Skip(n - Math.Max(1, n / 20)).ToList();
        var middle = sorted.Skip(n * 45 / 100).Take(Math.Max(1, n / 10)).ToList();
        string Row(string what, Func<(TimeSpan Elapsed, Dictionary<string, double> Phases, int[] Collections, TimeSpan Pause), double> of, string unit) =>
            string.Create(CultureInfo.InvariantCulture, $"{what,-24} middle {middle.Average(of),8:F2} {unit}   slowest 5 % {slow.Average(of),8:F2} {unit}");

        yield return string.Create(CultureInfo.InvariantCulture, $"phases: middle tenth {middle.Count} draws, slowest 5 % {slow.Count} draws (mean of each)");
        yield return Row("total", d => d.Elapsed.TotalMilliseconds, "ms");
        foreach (var phase in _order.Append("(scope and the rest)"))
        {
            yield return Row(phase, d => d.Phases.GetValueOrDefault(phase), "ms")
                + string.Create(CultureInfo.InvariantCulture, $"   allocated {middle.Average(d => d.Phases.GetValueOrDefault(phase + " KB")),8:F0} KB");
        }

        yield return Row("gen0 collections", d => d.Collections[0], "  ");
        yield return Row("gen1 collections", d => d.Collections[1], "  ");
        yield return Row("gen2 collections", d => d.Collections[2], "  ");
        yield return Row("GC pause", d => d.Pause.TotalMilliseconds, "ms");
        yield return string.Create(CultureInfo.InvariantCulture,
            $"draws with a gen2 collection: {_draws.Count(d => d.Collections[2] > 0)} of {n}, in the slowest 5 %: {slow.Count(d => d.Collections[2] > 0)}");
    }
}
