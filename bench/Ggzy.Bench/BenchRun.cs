using Ggzy.Platform.Data;
using Ggzy.TestKit;

namespace Ggzy.Bench;

internal sealed record BenchSettings(
    string What, TimeSpan Duration, int Entries, int[] Writers, string[] Providers, string? Output, BidRushSettings BidRush, BidOpeningSettings BidOpening,
    ExpertDrawSettings ExpertDraw);

/// <summary>Runs the chosen benchmarks on each provider, on fresh databases, and prints one Markdown report.</summary>
internal static class BenchRun
{
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(1);

    public static async Task<int> RunAsync(BenchSettings settings, CancellationToken ct)
    {
        if (settings.What == "bid-opening")
        {
            return await BidOpeningAsync(settings, ct);
        }

        if (settings.What == "expert-draw")
        {
            return await ExpertDrawAsync(settings, ct);
        }

        Task<PostgresCluster>? cluster = null;
        Task<PostgresCluster> Cluster() => cluster ??= PostgresCluster.StartAsync(durable: true);
        var report = new BenchReport(settings);
        try
        {
            foreach (var provider in settings.Providers.Select(Parse))
            {
                if (settings.What is "all" or "append")
                {
                    await using var database = await BenchDatabase.CreateAsync(provider, Cluster);
                    report.Databases.Add(await database.ServerVersionAsync());
                    foreach (var writers in settings.Writers)
                    {
                        ct.ThrowIfCancellationRequested();
                        Log($"{provider}: appends with {writers} writer(s)…");
                        report.Appends.Add(await AppendBenchmark.RunAsync(database, writers, WarmUp, settings.Duration));
                        Log($"  {report.Appends[^1]}");
                    }
                }

                if (settings.What is "all" or "verify")
                {
                    await using var database = await BenchDatabase.CreateAsync(provider, Cluster);
                    if (settings.What == "verify")
                    {
                        report.Databases.Add(await database.ServerVersionAsync());
                    }

                    Log($"{provider}: verify over {settings.Entries} entries…");
                    report.Verifies.Add(await VerifyBenchmark.RunAsync(database, settings.Entries, Log));
                    Log($"  {report.Verifies[^1]}");
                }

                if (settings.What == "bid-rush")
                {
                    report.BidRushes.Add(await BidRushBenchmark.RunAsync(provider, Cluster, settings.BidRush, Log, ct));
                    Log($"  {report.BidRushes[^1]}");
                    report.Databases.Add(report.BidRushes[^1].Database);
                }
            }
        }
        finally
        {
            if (cluster is not null)
            {
                await (await cluster).DisposeAsync();
            }
        }

        var markdown = report.ToMarkdown();
        Console.WriteLine(markdown);
        if (settings.Output is { } path)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            await File.WriteAllTextAsync(path, markdown, ct);
        }

        // A lost or doubled bid is a failure of the run, whatever the speed.
        return report.BidRushes.All(r => r.Check.Passed && r.Run.Failures.Count == 0) ? 0 : 1;
    }

    /// <summary>The opening needs no database: its own report, and a failure if any envelope did not open or any digest differed.</summary>
    private static async Task<int> BidOpeningAsync(BenchSettings settings, CancellationToken ct)
    {
        var result = await BidOpeningBenchmark.RunAsync(settings.BidOpening, Log, ct);
        Log($"  {result}");
        var markdown = BidOpeningReport.ToMarkdown(result);
        Console.WriteLine(markdown);
        if (settings.Output is { } path)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            await File.WriteAllTextAsync(path, markdown, ct);
        }

        return result.Passed ? 0 : 1;
    }

    /// <summary>The expert draw on each provider: its own report; a failure if the uniformity test rejects at the 0.1% level.</summary>
    private static async Task<int> ExpertDrawAsync(BenchSettings settings, CancellationToken ct)
    {
        Task<PostgresCluster>? cluster = null;
        Task<PostgresCluster> Cluster() => cluster ??= PostgresCluster.StartAsync(durable: true);
        var results = new List<ExpertDrawResult>();
        try
        {
            foreach (var provider in settings.Providers.Select(Parse))
            {
                results.Add(await ExpertDrawBenchmark.RunAsync(provider, Cluster, settings.ExpertDraw, Log, ct));
                Log($"  {results[^1]}");
            }
        }
        finally
        {
            if (cluster is not null)
            {
                await (await cluster).DisposeAsync();
            }
        }

        var markdown = ExpertDrawReport.ToMarkdown(settings.ExpertDraw, results);
        Console.WriteLine(markdown);
        if (settings.Output is { } path)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            await File.WriteAllTextAsync(path, markdown, ct);
        }

        return results.All(r => r.Uniformity.PValue > 0.001) ? 0 : 1;
    }

    private static DatabaseProvider Parse(string name) => name.ToUpperInvariant() switch
    {
        "SQLITE" => DatabaseProvider.Sqlite,
        "POSTGRES" => DatabaseProvider.Postgres,
        _ => throw new ArgumentException($"Unknown provider {name}", nameof(name)),
    };

    private static void Log(string message) => Console.Error.WriteLine(message);
}
