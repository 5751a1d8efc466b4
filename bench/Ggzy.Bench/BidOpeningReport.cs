using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace Ggzy.Bench;

/// <summary>The opening's figures as Markdown, with the machine and the command that produced them.</summary>
internal static class BidOpeningReport
{
    public static string ToMarkdown(BidOpeningResult r)
    {
        var md = new StringBuilder();
        var s = r.Settings;
        Line(md, $"Measured {TimeProvider.System.GetLocalNow():yyyy-MM-dd HH:mm zzz} on {r.Cores} cores, {RuntimeInformation.OSDescription}, .NET {Environment.Version}; the opener's SM3/SM4: {r.Crypto}.");
        if (File.Exists("/proc/loadavg"))
        {
            Line(md, $"Load average at the end (1, 5, 15 min; other processes included): {string.Join(", ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3))}.");
        }

        Line(md, $"Command: `dotnet run -c Release --project bench/Ggzy.Bench -- bid-opening --envelopes {s.Envelopes} --mb {s.Mb} --sink {s.Sink} --rounds {s.Rounds}`.");
        md.AppendLine();
        md.AppendLine("| Envelopes | Sections | Bytes | Plaintexts | Opener, every core | OpenSSL `dgst`/`enc -d`/`dgst -mac`, every core | **Opener / OpenSSL** | `openssl speed` for these bytes | Opener / `openssl speed` | Check |");
        md.AppendLine("|---:|---:|---:|---|---:|---:|---:|---:|---:|---|");
        Line(md, $"| {s.Envelopes} × {s.Mb} MiB | {r.Sections} | {r.EnvelopeBytes / 1e9:F2} GB | {(s.ToFiles ? "to files" : "verified, not kept")} | {r.Opener.TotalSeconds:F1} s ({r.MBps(r.Opener):F0} MB/s) | {r.OpenSsl.TotalSeconds:F1} s ({r.MBps(r.OpenSsl):F0} MB/s) | **{r.Ratio:F2}** | {r.SpeedTime.TotalSeconds:F1} s | {r.SpeedRatio:F2} | {(r.Passed ? "every envelope opened, every digest and HMAC matched, on both sides" : $"FAILED: {r.Failures.Count}")} |");
        md.AppendLine();
        md.AppendLine("| Round | Opener | CPU | Machine during the opener | OpenSSL command line | CPU (its processes) | Machine during OpenSSL | Ratio |");
        md.AppendLine("|---:|---:|---:|---|---:|---:|---|---:|");
        for (var i = 0; i < r.Rounds.Count; i++)
        {
            var round = r.Rounds[i];
            Line(md, $"| {i + 1} | {round.Opener.Elapsed.TotalSeconds:F1} s | {round.Opener.CpuSeconds:F0} s | {round.Opener.Machine.Shares()} | {round.OpenSsl.Elapsed.TotalSeconds:F1} s | {round.OpenSsl.CpuSeconds:F0} s | {round.OpenSsl.Machine.Shares()} | {round.Ratio:F2} |");
        }

        md.AppendLine();
        md.AppendLine("| One core, 64 MiB in memory | SM3 | SM4-CBC decrypt | HMAC-SM3 |");
        md.AppendLine("|---|---:|---:|---:|");
        foreach (var p in r.Primitives)
        {
            Line(md, $"| {p.Crypto} | {p.Sm3MBps:F0} MB/s | {p.Sm4CbcDecryptMBps:F0} MB/s | {p.HmacSm3MBps:F0} MB/s |");
        }

        Line(md, $"| `openssl speed -evp -bytes 262144 -multi {r.Cores}` (all cores together) | {r.Speed.Sm3 / 1e6:F0} MB/s | {r.Speed.Sm4CbcDecrypt / 1e6:F0} MB/s | — |");
        foreach (var failure in r.Failures.Take(20))
        {
            Line(md, $"- {failure}");
        }

        return md.ToString();
    }

    private static void Line(StringBuilder md, FormattableString line) => md.AppendLine(line.ToString(CultureInfo.InvariantCulture));
}
