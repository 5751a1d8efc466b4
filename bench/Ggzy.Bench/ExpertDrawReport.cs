using System.Globalization;
using System.Text;

namespace Ggzy.Bench;

/// <summary>The expert draw's figures as the Markdown of docs/performance.md.</summary>
internal static class ExpertDrawReport
{
    public static string ToMarkdown(ExpertDrawSettings settings, IReadOnlyList<ExpertDrawResult> results)
    {
        var md = new StringBuilder();
        var invariant = CultureInfo.InvariantCulture;
        md.AppendLine(invariant, $"Measured {TimeProvider.System.GetLocalNow():yyyy-MM-dd HH:mm zzz} on {Environment.ProcessorCount} cores, .NET {Environment.Version}.");
        if (File.Exists("/proc/loadavg"))
        {
            md.AppendLine(invariant, $"Load average at the end (1, 5, 15 min; other processes included): {string.Join(", ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3))}.");
        }

        md.AppendLine(invariant, $"Command: `dotnet run -c Release --project bench/Ggzy.Bench -- expert-draw --experts {settings.Experts} --draws {settings.Draws} --simulations {settings.Simulations} --providers {string.Join(' ', results.Select(r => r.Provider.ToLowerInvariant()))}`.");
        md.AppendLine();
        md.AppendLine("| Database | Pool | Candidates | Excluded | Draw p50 | Draw p99 | Mean | Max | After a pool change p50 / p99 | p99 / peer's p99 | χ² | df | p |");
        md.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in results)
        {
            md.AppendLine(invariant,
                $"| {r.Database} | {r.Experts:N0} | {r.Candidates:N0} | {r.Excluded:N0} | {r.P50.TotalMilliseconds:F1} ms | {r.P99.TotalMilliseconds:F1} ms | {r.Mean.TotalMilliseconds:F1} ms | {r.Max.TotalMilliseconds:F1} ms | {r.ColdP50.TotalMilliseconds:F1} / {r.ColdP99.TotalMilliseconds:F1} ms | {r.P99 / r.ColdP99:P0} | {r.Uniformity.Statistic:F1} | {r.Uniformity.DegreesOfFreedom:N0} | {r.Uniformity.PValue:F3} |");
        }

        md.AppendLine();
        foreach (var r in results)
        {
            md.AppendLine(invariant, $"{r.Provider}: exclusions in the last round: {string.Join(", ", r.Exclusions.OrderBy(x => x.Key, StringComparer.Ordinal).Select(x => $"{x.Key} {x.Value:N0}"))}; "
                + $"{r.Groups} groups of candidates holding the same demanded specialties; {r.Simulations:N0} simulated draws in {r.SimulationTime.TotalSeconds:F1} s; pool seeded in {r.Seeding.TotalSeconds:F0} s.");
        }

        return md.ToString();
    }
}
