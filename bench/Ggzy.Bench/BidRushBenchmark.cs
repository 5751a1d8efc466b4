using System.Collections.Concurrent;
using System.Diagnostics;
using Ggzy.Platform.Data;
using Ggzy.TestKit;
using Ggzy.TestKit.Bidders;
using Microsoft.Data.Sqlite;

namespace Ggzy.Bench;

/// <summary>The rush's parameters: how many bidders, envelope sizes in MB (uniform, fixed seed), chunk size, cache directory.</summary>
internal sealed record BidRushSettings(int Bidders, int MinMb, int MaxMb, int ChunkMb, string CacheDirectory, int Seed = 2026)
{
    public IReadOnlyList<long> TargetBytes()
    {
        // Not for anything unpredictable: the same sizes every run, so the envelope cache fits.
#pragma warning disable CA5394
        var random = new Random(Seed);
        return Enumerable.Range(0, Bidders).Select(_ => (long)random.Next(MinMb << 20, (MaxMb << 20) + 1)).ToList();
#pragma warning restore CA5394
    }
}

/// <summary>What the rush itself measured: wall time from the first byte to the last receipt, the bids, and the counters.</summary>
internal sealed record RushRun(
    long StartedAt, TimeSpan Elapsed, IReadOnlyList<SubmittedBid> Bids, IReadOnlyList<string> Failures, double ServerCpuSeconds,
    double ClientCpuSeconds, double DatabaseCpuSeconds, long ServerWrittenBytes, MachineCpu Machine)
{
    /// <summary>When the complete calls went out and the receipts came back, and how many completions were outstanding at most.</summary>
    public string Timeline()
    {
        if (Bids.Count == 0)
        {
            return "no receipts";
        }

        double At(long t) => Stopwatch.GetElapsedTime(StartedAt, t).TotalSeconds;
        var events = Bids.Select(b => (At: b.LastChunkAt, Step: 1)).Concat(Bids.Select(b => (At: b.ReceiptAt, Step: -1))).OrderBy(e => e.At).ThenBy(e => e.Step);
        int outstanding = 0, most = 0;
        foreach (var e in events)
        {
            outstanding += e.Step;
            most = Math.Max(most, outstanding);
        }

        return string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"complete calls sent from {At(Bids.Min(b => b.LastChunkAt)):F1} s to {At(Bids.Max(b => b.LastChunkAt)):F1} s, receipts from {At(Bids.Min(b => b.ReceiptAt)):F1} s to {At(Bids.Max(b => b.ReceiptAt)):F1} s after the first byte; at most {most} completions outstanding at once");
    }
}

internal sealed record BidRushResult(
    string Provider, string Database, int Bidders, long Bytes, RushRun Run, BaselineRun Before, BaselineRun After, double Sm3MBps,
    BidRushCheck Check, TimeSpan Setup, double SetupCpuSeconds)
{
    public TimeSpan Rush => Run.Elapsed;

    public IReadOnlyList<TimeSpan> LastByteToReceipt => [.. Run.Bids.Select(b => b.LastByteToReceipt)];

    public double IngestMBps => Bytes / 1e6 / Rush.TotalSeconds;

    /// <summary>The baseline before and after the rush taken together: the disk and the load of other processes drift.</summary>
    public double BaselineMBps => (Before.Bytes + After.Bytes) / 1e6 / (Before.Elapsed + After.Elapsed).TotalSeconds;

    /// <summary>CPU seconds that SM3 alone needs for the rush's bytes on one core of this machine.</summary>
    public double Sm3CpuSeconds => Bytes / 1e6 / Sm3MBps;

    public double Ratio => IngestMBps / BaselineMBps;

    public TimeSpan P50 => Percentile(0.50);

    public TimeSpan P99 => Percentile(0.99);

    public TimeSpan Max => LastByteToReceipt.Count == 0 ? TimeSpan.Zero : LastByteToReceipt.Max();

    /// <summary>Nearest-rank percentile.</summary>
    private TimeSpan Percentile(double p)
    {
        if (LastByteToReceipt.Count == 0)
        {
            return TimeSpan.Zero;
        }

        var sorted = LastByteToReceipt.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
    }

    public override string ToString() =>
        $"{Provider}: {Bytes / 1e6:F0} MB in {Rush.TotalSeconds:F1} s = {IngestMBps:F1} MB/s; baseline {Before.MBps:F1} MB/s before, {After.MBps:F1} MB/s after; ratio {Ratio:F2}; "
        + $"last byte→receipt p50 {P50.TotalMilliseconds:F0} ms p99 {P99.TotalMilliseconds:F0} ms; failed {Run.Failures.Count}; {Check}; "
        + $"server CPU {Run.ServerCpuSeconds:F0} s, client CPU {Run.ClientCpuSeconds:F0} s, PostgreSQL backends CPU {Run.DatabaseCpuSeconds:F0} s, server wrote {Run.ServerWrittenBytes / 1e6:F0} MB; "
        + $"machine during the rush: {Run.Machine.Shares()}; baseline CPU {Before.CpuSeconds:F0} s / {After.CpuSeconds:F0} s, machine during the baseline: {Before.Machine.Shares()}; "
        + $"SM3 {Sm3MBps:F0} MB/s on one core, {Sm3CpuSeconds:F0} CPU-s for these bytes";
}

/// <summary>
/// The deadline rush: many bidders submit sealed bids of several MB to one lot at once, against the web host run as
/// its own process on loopback, on a fresh database. Ingest throughput is compared with the baseline measured in the
/// same run on the same files (<see cref="BidRushBaseline"/>), and every receipt is checked against what the platform
/// holds (<see cref="BidRushCheck"/>).
/// </summary>
internal static class BidRushBenchmark
{
    public static async Task<BidRushResult> RunAsync(
        DatabaseProvider provider, Func<Task<PostgresCluster>> cluster, BidRushSettings settings, Action<string> log, CancellationToken ct)
    {
        var sizes = settings.TargetBytes();
        var root = Directory.CreateTempSubdirectory("ggzy-bench-rush-").FullName;
        try
        {
            CheckDiskSpace(root, settings, sizes);
            var connectionString = provider == DatabaseProvider.Postgres
                ? await (await cluster()).CreateDatabaseAsync()
                : new SqliteConnectionStringBuilder { DataSource = Path.Combine(root, "ggzy.db"), DefaultTimeout = 60 }.ToString();
            var data = Path.Combine(root, "data");
            var keyring = BidderKeyring.LoadOrCreate(Path.Combine(settings.CacheDirectory, "keys"), settings.Bidders, TimeProvider.System.GetUtcNow());

            log($"{provider}: starting the platform process…");
            await using var platform = await PlatformProcess.StartAsync(new PlatformProcessSettings(provider, connectionString, data), ct);
            log($"  listening on {platform.BaseAddress}; setting up {settings.Bidders} bidders…");
            var serverBefore = ProcessCounters.Read(platform.ProcessId);
            var setup = await BidderSetup.RunAsync(platform.BaseAddress, keyring, parallelism: 2 * Environment.ProcessorCount, ct);
            var setupCpu = (ProcessCounters.Read(platform.ProcessId).Cpu - serverBefore.Cpu).TotalSeconds;
            log($"  set up in {setup.Elapsed.TotalSeconds:F1} s, {setupCpu:F0} s of the platform's CPU (summed over the bidders: {string.Join(", ", setup.Steps.Select(s => $"{s.Key} {s.Value.TotalSeconds:F0} s"))}); lot {setup.Lot.LotCode}");
            var envelopes = await BidRushEnvelopes.PrepareAsync(Path.Combine(settings.CacheDirectory, "envelopes"), keyring, setup.Lot.LotCode, sizes, log, ct);

            var chunk = settings.ChunkMb << 20;
            var sm3 = BidRushBaseline.Sm3MBps();
            log($"  SM3 on one core: {sm3:F0} MB/s; baseline: {envelopes.Count} concurrent writers, SM3 and fsync…");
            var before = await BidRushBaseline.RunAsync(envelopes, Path.Combine(root, "baseline"), chunk);
            log($"  baseline {before.Bytes / 1e6:F0} MB in {before.Elapsed.TotalSeconds:F1} s = {before.MBps:F1} MB/s, {before.CpuSeconds:F0} s of CPU");

            log($"  rush: {setup.Bidders.Count} bidders submit at once…");
            var database = provider == DatabaseProvider.Postgres ? new Npgsql.NpgsqlConnectionStringBuilder(connectionString).Database : null;
            var run = await RushAsync(platform, database, setup, envelopes, chunk, ct);
            log($"  {run.Timeline()}");
            foreach (var failure in run.Failures.Take(5))
            {
                log($"  failed: {failure}");
            }

            log("  baseline again…");
            var after = await BidRushBaseline.RunAsync(envelopes, Path.Combine(root, "baseline"), chunk);
            log($"  baseline {after.Bytes / 1e6:F0} MB in {after.Elapsed.TotalSeconds:F1} s = {after.MBps:F1} MB/s, {after.CpuSeconds:F0} s of CPU");
            log("  checking every receipt against the database and the stored files…");
            var check = await BidRushCheck.RunAsync(provider, connectionString, data, setup.Lot.LotId, setup.Bidders, envelopes, run.Bids, ct);
            return new BidRushResult(provider.ToString(), await BidRushDatabase.VersionAsync(provider, connectionString, ct), settings.Bidders,
                envelopes.Sum(e => e.Size), run, before, after, sm3, check, setup.Elapsed, setupCpu);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(root, recursive: true);
        }
    }

    private static async Task<RushRun> RushAsync(
        PlatformProcess platform, string? database, BidderSetupResult setup, IReadOnlyList<BidEnvelope> envelopes, int chunk, CancellationToken ct)
    {
        using var handler = new SocketsHttpHandler { PooledConnectionLifetime = Timeout.InfiniteTimeSpan, MaxConnectionsPerServer = int.MaxValue };
        using var http = new HttpClient(handler) { BaseAddress = platform.BaseAddress, Timeout = TimeSpan.FromMinutes(30) };
        var client = new BidClient(http);
        var failures = new ConcurrentQueue<string>();
        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var tasks = setup.Bidders.Select((bidder, i) => Task.Run(async () =>
        {
            await go.Task;
            try
            {
                return await BidSubmission.SubmitAsync(client, bidder.Token, setup.Lot.LotId, envelopes[i], chunk, ct: ct);
            }
            catch (Exception e) when (e is BidRefusedException or HttpRequestException or TaskCanceledException or InvalidOperationException)
            {
                failures.Enqueue($"{bidder.Identity.UserName}: {e.Message}");
                return null;
            }
        }, ct)).ToArray();

        var server = ProcessCounters.Read(platform.ProcessId);
        var databaseCpu = DatabaseServerCpu.Read(database);
        var machine = MachineCpu.Read();
        var ownCpu = Process.GetCurrentProcess().TotalProcessorTime;
        var started = Stopwatch.GetTimestamp();
        go.SetResult();
        var results = await Task.WhenAll(tasks);
        var ended = Stopwatch.GetTimestamp();
        var serverAfter = ProcessCounters.Read(platform.ProcessId);
        var databaseCpuAfter = DatabaseServerCpu.Read(database);
        var machineAfter = MachineCpu.Read();
        var bids = results.OfType<SubmittedBid>().ToList();
        var lastReceipt = bids.Count == 0 ? ended : bids.Max(b => b.ReceiptAt);
        return new RushRun(started, Stopwatch.GetElapsedTime(started, lastReceipt), bids, [.. failures], (serverAfter.Cpu - server.Cpu).TotalSeconds,
            (Process.GetCurrentProcess().TotalProcessorTime - ownCpu).TotalSeconds, (databaseCpuAfter - databaseCpu).TotalSeconds, serverAfter.WrittenBytes - server.WrittenBytes, machineAfter - machine);
    }

    /// <summary>The data directory, the baseline's copies and (until it is filled) the envelope cache must fit on the disk.</summary>
    private static void CheckDiskSpace(string root, BidRushSettings settings, IReadOnlyList<long> sizes)
    {
        var cache = Path.Combine(Path.GetFullPath(settings.CacheDirectory), "envelopes");
        Directory.CreateDirectory(cache);
        var total = sizes.Sum();
        var cached = Directory.EnumerateFiles(cache, "*.gse").Sum(f => new FileInfo(f).Length);
        var needed = 2 * total + Math.Max(0, total - cached) + (1L << 30);
        var free = new DriveInfo(root).AvailableFreeSpace;
        if (free < needed)
        {
            throw new InvalidOperationException(
                $"The rush needs about {needed / 1e9:F1} GB free (the bids, the baseline's copies and the envelope cache) but {free / 1e9:F1} GB are: lower --bidders or --max-mb.");
        }
    }
}
