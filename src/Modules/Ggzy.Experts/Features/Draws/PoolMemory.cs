using System.Collections.Concurrent;
using Ggzy.Experts.Contracts;
using Ggzy.Experts.Data;
using Ggzy.Experts.Domain.Pool;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Ggzy.Experts.Features.Draws;

/// <summary>An expert holding a specialty code, with what recusal reads from the expert's record.</summary>
internal sealed record PoolHolder(Guid Id, string SpecialtyCode, string RegionCode, TitleLevel TitleLevel, string? SeniorEquivalence, DateOnly PractisingSince);

/// <summary>
/// What a draw reads of the pool, kept in memory for as long as the pool's change counter (<see cref="PoolVersion"/>)
/// stands: a draw reads the counter (one row) and, when it is the one the copy was made at, takes the holders of each
/// code and the facts of the evaluation day from memory instead of reading thousands of rows (docs/performance.md,
/// expert draw). Every change to an expert, a held specialty, a job, a relative, a leave or a status raises the counter in
/// its own transaction, so the next draw on any node reads afresh. What a copy keeps is read after its counter, so it is
/// never older than the pool at that counter.
/// </summary>
internal sealed class PoolMemory
{
    private readonly Lock _gate = new();
    private PoolCopy _copy = new(-1);

    /// <summary>The copy for the pool's current counter: the one kept, or a new empty one when the pool has changed.</summary>
    public async Task<PoolCopy> CurrentAsync(ExpertsDbContext db, CancellationToken ct)
    {
        var version = await db.PoolVersions.AsNoTracking().Where(v => v.Id == PoolVersion.SingletonId).Select(v => v.Value).SingleAsync(ct);
        lock (_gate)
        {
            if (_copy.Version != version)
            {
                _copy = new PoolCopy(version);
            }

            return _copy;
        }
    }
}

/// <summary>The pool as read at one value of its change counter; filled as draws ask for it.</summary>
internal sealed class PoolCopy(long version)
{
    private readonly ConcurrentDictionary<string, PoolHolder[]> _holders = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Kind, DateOnly Day), object> _days = new();

    public long Version { get; } = version;

    /// <summary>The holders of <paramref name="codes"/>; the codes not yet kept are read in one query.</summary>
    public async Task<List<PoolHolder>> HoldersAsync(ExpertsDbContext db, IReadOnlyList<string> codes, CancellationToken ct)
    {
        var missing = codes.Where(c => !_holders.ContainsKey(c)).Distinct(StringComparer.Ordinal).ToList();
        if (missing.Count > 0)
        {
            foreach (var (code, rows) in await ReadAsync(db, missing, ct))
            {
                _holders.TryAdd(code, rows);
            }
        }

        var holders = new List<PoolHolder>();
        foreach (var code in codes)
        {
            holders.AddRange(_holders[code]);
        }

        return holders;
    }

    /// <summary>A fact of the pool on one day (leave, statuses in force), read once per day and counter.</summary>
    public async Task<T> OnDayAsync<T>(string kind, DateOnly day, Func<Task<T>> read)
        where T : class
    {
        if (_days.TryGetValue((kind, day), out var kept))
        {
            return (T)kept;
        }

        var fresh = await read();
        return (T)_days.GetOrAdd((kind, day), fresh);
    }

    // Every holder row in plain parameterised SQL: materialising thousands of rows through the EF model costs several
    // times the query itself.
    private static async Task<Dictionary<string, PoolHolder[]>> ReadAsync(ExpertsDbContext db, List<string> codes, CancellationToken ct)
    {
        var byCode = codes.ToDictionary(c => c, _ => new List<PoolHolder>(), StringComparer.Ordinal);
        var connection = db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened)
        {
            await db.Database.OpenConnectionAsync(ct);
        }

        try
        {
            await using var command = connection.CreateCommand();
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            var names = new List<string>(codes.Count);
            for (var i = 0; i < codes.Count; i++)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = "@c" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
                parameter.Value = codes[i];
                command.Parameters.Add(parameter);
                names.Add(parameter.ParameterName);
            }

            command.CommandText = "SELECT e.id, s.specialty_code, e.region_code, e.title_level, e.senior_equivalence, e.practising_since "
                + "FROM experts_expert_specialties s JOIN experts_experts e ON e.id = s.expert_id "
                + $"WHERE s.specialty_code IN ({string.Join(", ", names)})";
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                var holder = new PoolHolder(
                    reader.GetGuid(0),
                    reader.GetString(1),
                    reader.GetString(2),
                    Enum.Parse<TitleLevel>(reader.GetString(3)),
                    reader.IsDBNull(4) ? null : reader.GetString(4),
                    reader.GetFieldValue<DateOnly>(5));
                byCode[holder.SpecialtyCode].Add(holder);
            }
        }
        finally
        {
            if (opened)
            {
                await db.Database.CloseConnectionAsync();
            }
        }

        return byCode.ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal);
    }
}
