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

    public List<BidRushResult> BidRushes { get; } = [];

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

        if (BidRushes.Count > 0)
        {
            var r = settings.BidRush;
            Line(md, $"Command: `dotnet run -c Release --project bench/Ggzy.Bench -- bid-rush --bidders {r.Bidders} --min-mb {r.MinMb} --max-mb {r.MaxMb} --chunk-mb {r.ChunkMb} --providers {string.Join(' ', settings.Providers)}`.");
        }
        else
        {
            Line(md, $"Command: `dotnet run -c Release --project bench/Ggzy.Bench -- {settings.What}` ({settings.Duration.TotalSeconds:0} s measured per append run after a 1 s warm-up; {settings.Entries:N0} entries for verify).");
        }

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

        if (BidRushes.Count > 0)
        {
            BidRushTable(md);
        }

        return md.ToString();
    }

    private void BidRushTable(StringBuilder md)
    {
        md.AppendLine("| Database | Bidders | Envelopes | Rush (first byte → last receipt) | Ingest | Baseline before / after (write + SM3 + fsync) | Ingest / baseline | Last byte → receipt p50 | p99 | max | Check |");
        md.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        foreach (var r in BidRushes)
        {
            Line(md, $"| {r.Provider} | {r.Bidders} | {r.Bytes / 1e9:F2} GB | {r.Rush.TotalSeconds:F1} s | {r.IngestMBps:F0} MB/s | {r.Before.MBps:F0} / {r.After.MBps:F0} MB/s | {r.Ratio:F2} | {r.P50.TotalMilliseconds:N0} ms | {r.P99.TotalMilliseconds:N0} ms | {r.Max.TotalMilliseconds:N0} ms | {(r.Check.Passed ? "all receipts verified, none lost or twice" : "FAILED")} |");
        }

        md.AppendLine();
        md.AppendLine("| Database | CPU: platform during the rush | CPU: the benchmark's clients | CPU: PostgreSQL backends | CPU: baseline before / after | SM3 alone for these bytes (1 core) | Machine during the rush | Machine during the first baseline | Set-up |");
        md.AppendLine("|---|---:|---:|---:|---:|---:|---|---|---:|");
        foreach (var r in BidRushes)
        {
            Line(md, $"| {r.Provider} | {r.Run.ServerCpuSeconds:F0} s | {r.Run.ClientCpuSeconds:F0} s | {(r.Provider == "Postgres" ? $"{r.Run.DatabaseCpuSeconds:F0} s" : "—")} | {r.Before.CpuSeconds:F0} / {r.After.CpuSeconds:F0} s | {r.Sm3CpuSeconds:F0} s ({r.Sm3MBps:F0} MB/s) | {r.Run.Machine.Shares()} | {r.Before.Machine.Shares()} | {r.Setup.TotalSeconds:F0} s ({r.SetupCpuSeconds:F0} s platform CPU) |");
        }

        md.AppendLine();
        foreach (var r in BidRushes)
        {
            Line(md, $"- {r.Provider}: {r.Check}; {r.Run.Failures.Count} submission(s) failed; the platform process wrote {r.Run.ServerWrittenBytes / 1e9:F2} GB to storage during the rush; {r.Run.Timeline()}.");
        }
    }

    private static void Line(StringBuilder md, FormattableString line) => md.AppendLine(line.ToString(CultureInfo.InvariantCulture));
}
