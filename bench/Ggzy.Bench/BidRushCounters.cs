using System.Diagnostics;
using System.Globalization;

namespace Ggzy.Bench;

/// <summary>A process's CPU time and the bytes it caused to be written to storage (Linux /proc; zero elsewhere).</summary>
internal readonly record struct ProcessCounters(TimeSpan Cpu, long WrittenBytes)
{
    public static ProcessCounters Read(int pid)
    {
        using var process = Process.GetProcessById(pid);
        var io = $"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/io";
        long written = 0;
        if (File.Exists(io))
        {
            var line = File.ReadLines(io).FirstOrDefault(l => l.StartsWith("write_bytes:", StringComparison.Ordinal));
            written = line is null ? 0 : long.Parse(line["write_bytes:".Length..].Trim(), CultureInfo.InvariantCulture);
        }

        return new ProcessCounters(process.TotalProcessorTime, written);
    }
}

/// <summary>
/// CPU time of the PostgreSQL backends serving one database (Linux: processes whose command line names it, as
/// PostgreSQL titles its backends "postgres: user database host state"); zero for SQLite, which runs inside the platform.
/// </summary>
internal static class DatabaseServerCpu
{
    private const double TicksPerSecond = 100; // USER_HZ, the unit of /proc/[pid]/stat on Linux

    public static TimeSpan Read(string? database)
    {
        if (database is null || !Directory.Exists("/proc"))
        {
            return TimeSpan.Zero;
        }

        long ticks = 0;
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out _))
            {
                continue;
            }

            try
            {
                var command = File.ReadAllText(Path.Combine(directory, "cmdline"));
                if (!command.StartsWith("postgres:", StringComparison.Ordinal) || !command.Contains($" {database} ", StringComparison.Ordinal))
                {
                    continue;
                }

                // Fields after the parenthesised command name: state is field 3, utime 14 and stime 15.
                var stat = File.ReadAllText(Path.Combine(directory, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                ticks += long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            }
            catch (IOException)
            {
                // The process ended meanwhile.
            }
            catch (UnauthorizedAccessException)
            {
                // Not ours to read.
            }
        }

        return TimeSpan.FromSeconds(ticks / TicksPerSecond);
    }
}

/// <summary>The whole machine's CPU time by kind (Linux /proc/stat, in clock ticks), to say where a run's time went.</summary>
internal readonly record struct MachineCpu(long User, long System, long IoWait, long Idle, long Steal)
{
    public long Total => User + System + IoWait + Idle + Steal;

    public static MachineCpu Read()
    {
        if (!File.Exists("/proc/stat"))
        {
            return default;
        }

        // cpu  user nice system idle iowait irq softirq steal …
        var f = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(v => long.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        return new MachineCpu(f[0] + f[1], f[2] + f[5] + f[6], f[4], f[3], f.Length > 7 ? f[7] : 0);
    }

    public static MachineCpu operator -(MachineCpu a, MachineCpu b) => new(a.User - b.User, a.System - b.System, a.IoWait - b.IoWait, a.Idle - b.Idle, a.Steal - b.Steal);

    /// <summary>"user 61 %, system 22 %, iowait 9 %, idle 8 %" of the interval.</summary>
    public string Shares() => Total == 0
        ? "n/a"
        : string.Create(CultureInfo.InvariantCulture,
            $"user {100.0 * User / Total:F0} %, system {100.0 * System / Total:F0} %, iowait {100.0 * IoWait / Total:F0} %, idle {100.0 * Idle / Total:F0} %, steal {100.0 * Steal / Total:F0} %");
}
