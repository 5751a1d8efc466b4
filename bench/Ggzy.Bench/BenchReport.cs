using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace Ggzy.Bench;

/// <summary>The measured figures as Markdown tables, with the machine and the command that produced them.</summary>
internal sealed class BenchReport(BenchSettings settings)
{
    public List<string> Databases { get; } = [];

    public List<AppendResult> Appends { get; } = [];

    public List<VerifyResult> Verifies { get; } = [];

    public string ToMarkdown()
    {
        var md = new StringBuilder();
        var at = TimeProvider.System.GetLocalNow();
        Line(md, $"Measured {at:yyyy-MM-dd HH:mm zzz} on {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, .NET {Environment.Version}.");
        Line(md, $"Databases: {string.Join("; ", Databases.Distinct())}.");
        if (File.Exists("/proc/loadavg"))
        {
            Line(md, $"Load average at the end (1, 5, 15 min; other processes included): {string.Join(", ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3))}.");
        }

        Line(md, $"Command: `dotnet run -c Release --project bench/Ggzy.Bench -- {settings.What}` ({settings.Duration.TotalSeconds:0} s measured per append run after a 1 s warm-up; {settings.Entries:N0} entries for verify).");
        md.AppendLine();
        if (Appends.Count > 0)
        {
            md.AppendLine("| Database | Writers | Ledger appends/s | Plain INSERTs/s | Ledger / plain |");
            md.AppendLine("|---|---:|---:|---:|---:|");
            foreach (var a in Appends)
            {
                Line(md, $"| {a.Provider} | {a.Writers} | {a.LedgerPerSecond:N0} | {a.PlainPerSecond:N0} | {a.Ratio:P0} |");
            }

            md.AppendLine();
        }

        if (Verifies.Count > 0)
        {
            md.AppendLine("| Database | Entries | Hashed bytes | ledger verify | Verify entries/s | SM3, 1 core | SM3, all cores | Verify / SM3 (1 core) |");
            md.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|");
            foreach (var v in Verifies)
            {
                Line(md, $"| {v.Provider} | {v.Entries:N0} | {v.Bytes / 1e6:F1} MB | {v.Verify.TotalSeconds:F2} s | {v.EntriesPerSecond:N0} | {v.Sm3.TotalSeconds:F2} s | {v.Sm3AllCores.TotalSeconds:F2} s | {v.Ratio:F2} |");
            }
        }

        return md.ToString();
    }

    private static void Line(StringBuilder md, FormattableString line) => md.AppendLine(line.ToString(CultureInfo.InvariantCulture));
}
