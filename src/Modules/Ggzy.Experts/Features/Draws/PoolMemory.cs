using System.Collections.Concurrent;
using Ggzy.Experts.Contracts;
using Ggzy.Experts.Data;
using Ggzy.Experts.Domain.Pool;
using Ggzy.Experts.Drawing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Ggzy.Experts.Features.Draws;

/// <summary>An expert holding a specialty code, with what recusal reads from the expert's record.</summary>
internal sealed record PoolHolder(Guid Id, string SpecialtyCode, string RegionCode, TitleLevel TitleLevel, string? SeniorEquivalence, DateOnly PractisingSince);

/// <summary>
/// What recusal reads of one organisation (by credit code): the jobs experts hold or held there, and the relatives they
/// declared (not withdrawn) who work there.
/// </summary>
internal sealed record EmployerPeople((Guid ExpertId, EmploymentFact Job)[] Jobs, (Guid ExpertId, RelativeFact Relative)[] Relatives);

/// <summary>
/// What a draw reads of the pool, kept in memory for as long as the pool's change counter (<see cref="PoolVersion"/>)
/// stands: a draw reads the counter (one row) and, when it is the one the copy was made at, takes the candidates of its
/// demand, the jobs and relatives per organisation asked about, and the facts of the evaluation day from memory instead
/// of reading thousands of rows (docs/performance.md, expert draw). Every change to an expert, a held specialty, a job,
/// a relative, a leave or a status raises the counter in its own transaction, so the next draw on any node reads
/// afresh. What a copy keeps is read after its counter, so it is never older than the pool at that counter.
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
    private readonly ConcurrentDictionary<string, EmployerPeople> _employers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, RecusalCandidate[]> _candidates = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Guid?> _identities = new(StringComparer.Ordinal);

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

    /// <summary>
    /// The candidates for a demand (<paramref name="demandOf"/>: each code held that counts, to the demanded code it counts
    /// for): one per expert holding any of the codes, with the demanded codes it holds and what its record says, and
    /// none of the facts of a lot or a day (active, no jobs, relatives, leave, sanctions or evaluations) — the draw adds
    /// those to the few they concern. Made once per demand and counter; shared, never changed.
    /// </summary>
    public async Task<RecusalCandidate[]> CandidatesAsync(ExpertsDbContext db, IReadOnlyDictionary<string, string> demandOf, CancellationToken ct)
    {
        var key = string.Join(';', demandOf.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key + "=" + p.Value));
        if (_candidates.TryGetValue(key, out var kept))
        {
            return kept;
        }

        var rows = await HoldersAsync(db, [.. demandOf.Keys], ct);
        var held = new Dictionary<Guid, List<string>>(rows.Count);
        var candidates = new List<RecusalCandidate>(rows.Count);
        foreach (var e in rows)
        {
            var demanded = demandOf[e.SpecialtyCode];
            if (held.TryGetValue(e.Id, out var specialties))
            {
                if (!specialties.Contains(demanded))
                {
                    specialties.Add(demanded);
                }

                continue;
            }

            specialties = [demanded];
            held[e.Id] = specialties;
            candidates.Add(new RecusalCandidate(e.Id, e.RegionCode, specialties, CandidateStanding.Active, e.PractisingSince,
                e.TitleLevel.IsSenior() || !string.IsNullOrWhiteSpace(e.SeniorEquivalence), [], [], [], [], 0));
        }

        return _candidates.GetOrAdd(key, [.. candidates]);
    }

    /// <summary>
    /// The jobs and declared relatives at each of <paramref name="codes"/> (organisations by credit code); the
    /// organisations not yet kept are read in one command, so that the lot's usual parties are not read again.
    /// </summary>
    public async Task<IReadOnlyList<EmployerPeople>> EmployersAsync(ExpertsDbContext db, IReadOnlyList<string> codes, CancellationToken ct)
    {
        var missing = codes.Where(c => !_employers.ContainsKey(c)).Distinct(StringComparer.Ordinal).ToList();
        if (missing.Count > 0)
        {
            foreach (var (code, people) in await ReadEmployersAsync(db, missing, ct))
            {
                _employers.TryAdd(code, people);
            }
        }

        return [.. codes.Select(c => _employers[c])];
    }

    /// <summary>
    /// The experts whose identity key (the ID number's digest) is one of <paramref name="keys"/>; the keys not yet kept
    /// are looked up through <paramref name="read"/> in one query (a key no expert holds is kept as such).
    /// </summary>
    public async Task<HashSet<Guid>> ExpertsByIdentityKeyAsync(IReadOnlyList<string> keys,
        Func<List<string>, Task<Dictionary<string, Guid>>> read)
    {
        var missing = keys.Where(k => !_identities.ContainsKey(k)).Distinct(StringComparer.Ordinal).ToList();
        if (missing.Count > 0)
        {
            var found = await read(missing);
            foreach (var key in missing)
            {
                _identities.TryAdd(key, found.TryGetValue(key, out var id) ? id : null);
            }
        }

        var ids = new HashSet<Guid>();
        foreach (var key in keys)
        {
            if (_identities[key] is { } id)
            {
                ids.Add(id);
            }
        }

        return ids;
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

    // The jobs and the relatives (not withdrawn) at the organisations, in one command of two plain parameterised queries.
    private static async Task<Dictionary<string, EmployerPeople>> ReadEmployersAsync(ExpertsDbContext db, List<string> codes, CancellationToken ct)
    {
        var jobs = codes.ToDictionary(c => c, _ => new List<(Guid, EmploymentFact)>(), StringComparer.Ordinal);
        var relatives = codes.ToDictionary(c => c, _ => new List<(Guid, RelativeFact)>(), StringComparer.Ordinal);
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        await ReadAsync(db, codes, names =>
                $"SELECT expert_id, employer_credit_code, \"from\", until FROM experts_employments WHERE employer_credit_code IN ({names}); "
                + "SELECT expert_id, employer_credit_code, relationship FROM experts_relatives "
                + $"WHERE withdrawn_at IS NULL AND employer_credit_code IN ({names})",
            async (reader, ct) =>
            {
                while (await reader.ReadAsync(ct))
                {
                    var code = reader.GetString(1);
                    jobs[code].Add((reader.GetGuid(0), new EmploymentFact(code, reader.GetFieldValue<DateOnly>(2),
                        reader.IsDBNull(3) ? null : reader.GetFieldValue<DateOnly>(3))));
                }

                await reader.NextResultAsync(ct);
                while (await reader.ReadAsync(ct))
                {
                    var code = reader.GetString(1);
                    var relationship = reader.GetString(2);
                    if (!labels.TryGetValue(relationship, out var label))
                    {
                        label = labels[relationship] = Enum.Parse<RelativeRelationship>(relationship).Label();
                    }

                    relatives[code].Add((reader.GetGuid(0), new RelativeFact(label, code)));
                }
            }, ct);
        return codes.ToDictionary(c => c, c => new EmployerPeople([.. jobs[c]], [.. relatives[c]]), StringComparer.Ordinal);
    }

    // Every holder row in plain parameterised SQL: materialising thousands of rows through the EF model costs several
    // times the query itself.
    private static async Task<Dictionary<string, PoolHolder[]>> ReadAsync(ExpertsDbContext db, List<string> codes, CancellationToken ct)
    {
        var byCode = codes.ToDictionary(c => c, _ => new List<PoolHolder>(), StringComparer.Ordinal);
        await ReadAsync(db, codes, names =>
                "SELECT e.id, s.specialty_code, e.region_code, e.title_level, e.senior_equivalence, e.practising_since "
                + "FROM experts_expert_specialties s JOIN experts_experts e ON e.id = s.expert_id "
                + $"WHERE s.specialty_code IN ({names})",
            async (reader, ct) =>
            {
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
            }, ct);
        return byCode.ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal);
    }

    // Runs the SQL that sql makes of the codes' parameter names (@c0, @c1, …) on the context's connection and transaction.
    private static async Task ReadAsync(ExpertsDbContext db, List<string> codes, Func<string, string> sql,
        Func<System.Data.Common.DbDataReader, CancellationToken, Task> read, CancellationToken ct)
    {
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

            command.CommandText = sql(string.Join(", ", names));
            await using var reader = await command.ExecuteReaderAsync(ct);
            await read(reader, ct);
        }
        finally
        {
            if (opened)
            {
                await db.Database.CloseConnectionAsync();
            }
        }
    }
}
