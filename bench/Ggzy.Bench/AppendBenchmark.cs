using System.Data.Common;
using System.Diagnostics;
using Ggzy.Platform.Data;
using Ggzy.Platform.Ledger;
using Microsoft.EntityFrameworkCore;

namespace Ggzy.Bench;

internal sealed record AppendResult(string Provider, int Writers, double LedgerPerSecond, double PlainPerSecond)
{
    public double Ratio => LedgerPerSecond / PlainPerSecond;
}

/// <summary>
/// Ledger appends per second with N concurrent writers (each its own context and LedgerWriter, one entry per
/// transaction), against the same database's plain single-row INSERT, each in its own transaction, with N writers.
/// </summary>
/// <remarks>
/// The two are measured in alternating one-second slices rather than one after the other: a virtual disk's fsync
/// latency drifts by several times within a minute, and alternating keeps the drift out of the ratio.
/// </remarks>
internal static class AppendBenchmark
{
    private static readonly TimeSpan Slice = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan SliceWarmUp = TimeSpan.FromMilliseconds(200);

    public static async Task<AppendResult> RunAsync(BenchDatabase database, int writers, TimeSpan warmUp, TimeSpan duration)
    {
        var slices = Math.Max(1, (int)Math.Round(duration / Slice));
        await CountAsync(writers, warmUp, TimeSpan.Zero, LedgerWriterLoop(database));
        await CountAsync(writers, warmUp, TimeSpan.Zero, PlainInsertLoop(database));
        long ledger = 0, plain = 0;
        for (var i = 0; i < slices; i++)
        {
            ledger += await CountAsync(writers, SliceWarmUp, Slice, LedgerWriterLoop(database));
            plain += await CountAsync(writers, SliceWarmUp, Slice, PlainInsertLoop(database));
        }

        var seconds = slices * Slice.TotalSeconds;
        return new AppendResult(database.Provider.ToString(), writers, ledger / seconds, plain / seconds);
    }

    /// <summary>Starts the writers, lets them settle, then counts the operations completed in the measured window.</summary>
    private static async Task<long> CountAsync(int writers, TimeSpan warmUp, TimeSpan window, Func<Task<Writer>> createWriter)
    {
        long completed = 0;
        using var stop = new CancellationTokenSource();
        var tasks = Enumerable.Range(0, writers).Select(_ => Task.Run(async () =>
        {
            var writer = await createWriter();
            await using (writer.Context)
            {
                while (!stop.IsCancellationRequested)
                {
                    await writer.Step();
                    Interlocked.Increment(ref completed);
                }
            }
        })).ToArray();

        await Task.Delay(warmUp);
        var start = Interlocked.Read(ref completed);
        var clock = Stopwatch.StartNew();
        await Task.Delay(window);
        var done = (Interlocked.Read(ref completed) - start) * window.Ticks / Math.Max(1, clock.Elapsed.Ticks);
        await stop.CancelAsync();
        await Task.WhenAll(tasks);
        return done;
    }

    private sealed record Writer(DbContext Context, Func<Task> Step);

    private static Func<Task<Writer>> LedgerWriterLoop(BenchDatabase database) => () =>
    {
        var db = database.CreateContext();
        var writer = new LedgerWriter(TimeProvider.System, new BenchEntries.Actors());
        long n = 0;
        return Task.FromResult(new Writer(db, () => writer.SaveChangesAsync(db, BenchEntries.Draft(++n), CancellationToken.None)));
    };

    /// <summary>The reference peer: the same row content in a parameterised INSERT, one transaction each, no Ledger.</summary>
    private static Func<Task<Writer>> PlainInsertLoop(BenchDatabase database) => async () =>
    {
        var db = database.CreateContext();
        await db.Database.OpenConnectionAsync();
        var connection = db.Database.GetDbConnection();
        var actor = BenchEntries.Actor;
        long n = 0;
        return new Writer(db, async () =>
        {
            var payload = CanonicalJson.Serialize(BenchEntries.Draft(++n).Payload);
            await using var transaction = await connection.BeginTransactionAsync();
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = "INSERT INTO bench_plain_inserts (recorded_at, actor, role, organization, client_ip, type, subject, payload) "
                + "VALUES (@recorded_at, @actor, @role, @organization, @client_ip, @type, @subject, @payload)";
            var now = TimeProvider.System.GetUtcNow();
            Add(command, "@recorded_at", database.Provider == DatabaseProvider.Sqlite ? now.UtcTicks : now);
            Add(command, "@actor", actor.Actor);
            Add(command, "@role", actor.Role);
            Add(command, "@organization", actor.Organization);
            Add(command, "@client_ip", actor.ClientIp);
            Add(command, "@type", "trading.bid.submitted");
            Add(command, "@subject", $"lot:{n % 997}");
            Add(command, "@payload", payload);
            await command.ExecuteNonQueryAsync();
            await transaction.CommitAsync();
        });
    };

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
