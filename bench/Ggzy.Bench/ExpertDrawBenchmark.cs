using System.Diagnostics;
using System.Globalization;
using System.Text;
using Ggzy.Credit;
using Ggzy.Experts;
using Ggzy.Experts.Contracts;
using Ggzy.Experts.Contracts.Drawing;
using Ggzy.Experts.Data;
using Ggzy.Experts.Domain.Draws;
using Ggzy.Experts.Domain.Specialties;
using Ggzy.Experts.Features.Draws;
using Ggzy.Platform;
using Ggzy.Platform.Data;
using Ggzy.Sealing;
using Ggzy.TestKit;
using Ggzy.TestKit.Statistics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Ggzy.Bench;

/// <summary>The expert draw's parameters: pool size, measured draws, simulated draws for the uniformity test.</summary>
internal sealed record ExpertDrawSettings(int Experts, int Draws, int Simulations, bool Phases = false);

internal sealed record ExpertDrawResult(
    string Provider, string Database, int Experts, int Draws, int Candidates, int Excluded, IReadOnlyDictionary<string, int> Exclusions,
    TimeSpan P50, TimeSpan P99, TimeSpan Mean, TimeSpan Max, TimeSpan Seeding, int Simulations, ChiSquareTest Uniformity, int Groups, TimeSpan SimulationTime,
    TimeSpan ColdP50, TimeSpan ColdP99)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Provider}: {Draws} draws from {Experts:N0} experts ({Candidates:N0} candidates, {Excluded:N0} excluded): p50 {P50.TotalMilliseconds:F1} ms, p99 {P99.TotalMilliseconds:F1} ms, max {Max.TotalMilliseconds:F1} ms; "
        + $"just after a pool change p50 {ColdP50.TotalMilliseconds:F1} ms, p99 {ColdP99.TotalMilliseconds:F1} ms; "
        + $"χ² = {Uniformity.Statistic:F1}, df = {Uniformity.DegreesOfFreedom}, p = {Uniformity.PValue:F3} over {Simulations:N0} simulated draws");
}

/// <summary>
/// The expert draw (issue 7, "Measured"): a pool of 100,000 experts in the database and a 7-member committee across 3
/// specialties of a works lot with a tenderer, an agency and 20 bidders. Each measured draw is the real service path —
/// <see cref="DrawRounds.DrawAsync"/> in a fresh scope: the candidates' query, recusal with every rule, the snapshot, the
/// seed, the draw and saving the round, its seats and its two Ledger entries in one transaction. Then 100,000 draws of the
/// last round's snapshot with fresh seeds, and Pearson's test that within each group of candidates holding the same
/// demanded specialties every candidate was drawn equally often.
/// </summary>
internal static class ExpertDrawBenchmark
{
    private static readonly DrawDemand[] Demands = [new("A0801", 3), new("A0601", 2), new("A0805", 2)];

    public static async Task<ExpertDrawResult> RunAsync(DatabaseProvider provider, Func<Task<PostgresCluster>> cluster, ExpertDrawSettings settings,
        Action<string> log, CancellationToken ct)
    {
        await using var database = await BenchDatabase.CreateAsync(provider, cluster);
        var version = await database.ServerVersionAsync();
        var lots = new BenchLots();
        var phases = settings.Phases ? new DrawPhases() : null;
        var profile = new ExpertDrawProfile();
        await using var services = Services(database, lots, phases);
        await using (var scope = services.CreateAsyncScope())
        {
            await TestDatabase.MigrateAllAsync(scope.ServiceProvider, ct);
            foreach (var task in scope.ServiceProvider.GetServices<IStartupTask>().OrderBy(t => t.Order))
            {
                await task.RunAsync(ct);
            }
        }

        var evaluation = new DateTimeOffset(2026, 12, 10, 1, 0, 0, TimeSpan.Zero);
        var day = ExpertStatusHistory.ChinaDay(evaluation);
        var tenderer = ExpertDrawPool.EmployerCode(0);
        var seeding = Stopwatch.StartNew();
        await ExpertDrawPool.SeedAsync(() => services.CreateScope().ServiceProvider.GetRequiredService<ExpertsDbContext>(),
            services.GetRequiredService<SpecialtyCatalog>(), settings.Experts, day, tenderer, 20261207, log);
        seeding.Stop();
        log($"  {provider}: pool of {settings.Experts:N0} seeded in {seeding.Elapsed.TotalSeconds:F0} s");
        await SettleAsync(services, provider, ct);

        // Each measured draw is followed by its peer: a draw just after the pool changed (the counter raised, untimed), so
        // that the holders are read from the database again — what every draw cost before they were kept in memory.
        var timings = new List<TimeSpan>();
        var cold = new List<TimeSpan>();
        DrawRound? last = null;
        var collections = new long[3];
        long allocated = 0;
        for (var i = -10; i < settings.Draws; i++)
        {
            var drawId = await RequestAsync(services, lots, evaluation, tenderer, ct);
            var before = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalAllocatedBytes(true));
            var pause = GC.GetTotalPauseDuration();
            var elapsed = await TimedDrawAsync(services, drawId, ct);
            if (i >= 0)
            {
                if (phases is not null)
                {
                    profile.Add(elapsed, phases.Marks, [GC.CollectionCount(0) - before.Item1, GC.CollectionCount(1) - before.Item2,
                        GC.CollectionCount(2) - before.Item3], GC.GetTotalPauseDuration() - pause);
                }

                collections[0] += GC.CollectionCount(0) - before.Item1;
                collections[1] += GC.CollectionCount(1) - before.Item2;
                collections[2] += GC.CollectionCount(2) - before.Item3;
                allocated += GC.GetTotalAllocatedBytes(true) - before.Item4;
            }

            await using (var scope = services.CreateAsyncScope())
            {
                await scope.ServiceProvider.GetRequiredService<ExpertsDbContext>().PoolVersions
                    .ExecuteUpdateAsync(v => v.SetProperty(x => x.Value, x => x.Value + 1), ct);
            }

            var coldElapsed = await TimedDrawAsync(services, await RequestAsync(services, lots, evaluation, tenderer, ct), ct);
            if (i >= 0)
            {
                timings.Add(elapsed);
                cold.Add(coldElapsed);
            }

            if (i == settings.Draws - 1)
            {
                await using var scope = services.CreateAsyncScope();
                last = await scope.ServiceProvider.GetRequiredService<ExpertsDbContext>().DrawRounds.AsNoTracking().SingleAsync(r => r.DrawId == drawId, ct);
            }
        }

        log(string.Create(CultureInfo.InvariantCulture,
            $"  {provider}: per measured draw {collections[0] / (double)settings.Draws:F2} gen0, {collections[1] / (double)settings.Draws:F2} gen1, "
            + $"{collections[2] / (double)settings.Draws:F2} gen2 collections, {allocated / settings.Draws / 1024.0:F0} KB allocated (the process, the draw's own work included)"));
        if (phases is not null)
        {
            foreach (var line in profile.Report())
            {
                log($"  {provider}: {line}");
            }
        }

        timings.Sort();
        cold.Sort();
        var snapshot = CandidateSnapshot.Parse(last!.SnapshotText());
        log($"  {provider}: {settings.Simulations:N0} simulated draws over {snapshot.Candidates.Count:N0} candidates…");
        var (test, groups, simulation) = Uniformity(snapshot, settings.Simulations);
        return new ExpertDrawResult(provider.ToString(), version, settings.Experts, settings.Draws, last.Candidates, last.Exclusions.Sum(x => x.Count),
            last.Exclusions.ToDictionary(x => x.Code, x => x.Count), Percentile(timings, 0.50), Percentile(timings, 0.99),
            TimeSpan.FromTicks((long)timings.Average(t => t.Ticks)), timings[^1], seeding.Elapsed, settings.Simulations, test, groups, simulation,
            Percentile(cold, 0.50), Percentile(cold, 0.99));
    }

    // The pool was loaded just now, as a pool never is before a day's draws: the bulk load's dirty pages and write-ahead
    // log are flushed and PostgreSQL's statistics brought up to date (what autovacuum and the checkpointer do on their
    // own in a running system) before anything is timed, so that the draws do not wait for the load's aftermath.
    private static async Task SettleAsync(ServiceProvider services, DatabaseProvider provider, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ExpertsDbContext>().Database;
        if (provider == DatabaseProvider.Postgres)
        {
            await db.ExecuteSqlRawAsync("VACUUM ANALYZE", ct);
            await db.ExecuteSqlRawAsync("CHECKPOINT", ct);
        }
        else
        {
            await db.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE)", ct);
        }
    }

    private static async Task<TimeSpan> TimedDrawAsync(ServiceProvider services, Guid drawId, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        await using (var scope = services.CreateAsyncScope())
        {
            var outcome = await scope.ServiceProvider.GetRequiredService<DrawRounds>().DrawAsync(drawId, "bench", ct);
            if (outcome != RoundOutcome.Drawn)
            {
                throw new InvalidOperationException($"The draw did not draw: {outcome}.");
            }
        }

        return watch.Elapsed;
    }

    /// <summary>Draws the snapshot again and again with seeds SM3("bench-seed" ‖ i) and tests the counts per candidate group.</summary>
    public static (ChiSquareTest Test, int Groups, TimeSpan Elapsed) Uniformity(CandidateSnapshot snapshot, int simulations)
    {
        var watch = Stopwatch.StartNew();
        var draw = VerifiableDraw.For(snapshot);
        var counts = new long[snapshot.Candidates.Count];
        for (var i = 0; i < simulations; i++)
        {
            foreach (var index in draw.SelectIndices(Sm3.Hash(Encoding.ASCII.GetBytes("bench-seed-" + i.ToString(CultureInfo.InvariantCulture)))))
            {
                counts[index]++;
            }
        }

        var groups = Enumerable.Range(0, counts.Length)
            .GroupBy(i => string.Join(',', snapshot.Candidates[i].Specialties))
            .Select(g => (IReadOnlyList<long>)[.. g.Select(i => counts[i])])
            .ToList();
        watch.Stop();
        return (ChiSquareTest.EqualWithinGroups(groups), groups.Count, watch.Elapsed);
    }

    private static async Task<Guid> RequestAsync(ServiceProvider services, BenchLots lots, DateTimeOffset evaluation, string tenderer, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ExpertsDbContext>();
        var lot = lots.Next(evaluation.AddHours(-3), tenderer);
        var draw = new ExpertDraw
        {
            Id = Guid.CreateVersion7(),
            LotId = lot.LotId,
            LotCode = lot.LotCode,
            LotName = lot.LotName,
            ProjectName = lot.ProjectName,
            Regime = DrawRegime.Tender,
            Method = DrawMethod.OpenTender,
            BudgetYuan = lot.BudgetYuan,
            RegionCode = lot.RegionCode,
            TendererId = lot.TendererId,
            TendererCode = lot.TendererCode,
            TendererName = lot.TendererName,
            AgencyId = lot.AgencyId,
            AgencyCode = lot.AgencyCode,
            AgencyName = lot.AgencyName,
            RequestedAt = evaluation.AddDays(-1),
            RequestedBy = "bench",
            EvaluationStartsAt = evaluation,
            Sites = [new DrawSite("评标室", "")],
            Demands = [.. Demands.Select(d => new DemandLine(d.Specialty, d.Count, 0))],
            Members = 7,
            Representatives = 0,
            DrawAt = lot.BidDeadline!.Value,
            PseudonymKey = scope.ServiceProvider.GetRequiredService<DrawSecrets>().NewPseudonymKey(),
        };
        db.Draws.Add(draw);
        await db.SaveChangesAsync(ct);
        return draw.Id;
    }

    private static ServiceProvider Services(BenchDatabase database, BenchLots lots, DrawPhases? phases)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = database.Provider.ToString(),
            ["Database:DataDirectory"] = Path.Combine(Path.GetTempPath(), "ggzy-bench-expert-draw"),
            ["ConnectionStrings:Ggzy"] = database.ConnectionString,
        }).Build());
        services.AddLogging();
        services.AddPlatform();
        services.AddCredit();
        services.AddExperts();
        services.AddSingleton<IDrawLots>(lots);
        if (phases is not null)
        {
            services.AddSingleton(phases);
        }

        return services.BuildServiceProvider();
    }

    private static TimeSpan Percentile(List<TimeSpan> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    /// <summary>A works lot of 6.5 million yuan per draw: the same tenderer and agency, 20 bidders drawn from the employers.</summary>
    private sealed class BenchLots : IDrawLots
    {
        private readonly Dictionary<Guid, DrawLot> _lots = [];
        private readonly Random _random = new(7);

        public DrawLot Next(DateTimeOffset deadline, string tenderer)
        {
            var bidders = Enumerable.Range(0, 20).Select(_ => ExpertDrawPool.EmployerCode(2 + _random.Next(ExpertDrawPool.Employers - 2))).ToList();
            var lot = new DrawLot(Guid.NewGuid(), "E9901002026000099001", "施工", "基准测试工程", DrawRegime.Tender, DrawMethod.OpenTender, 6_500_000m, "990100", null,
                Guid.NewGuid(), tenderer, "招标人", Guid.NewGuid(), ExpertDrawPool.EmployerCode(1), "代理机构", deadline, true, bidders, true);
            _lots[lot.LotId] = lot;
            return lot;
        }

        public Task<DrawLot?> FindAsync(Guid lotId, CancellationToken ct) => Task.FromResult(_lots.GetValueOrDefault(lotId));

        public Task<IReadOnlyList<DrawLot>> ScheduledAsync(CancellationToken ct) => Task.FromResult<IReadOnlyList<DrawLot>>([.. _lots.Values]);
    }
}
