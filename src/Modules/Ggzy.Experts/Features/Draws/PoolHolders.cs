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
/// The experts holding each specialty code, read once per code and kept for as long as the pool's change counter
/// (<see cref="PoolVersion"/>) has not moved: a draw reads the counter (one row) and, when it is the one the copy was
/// read at, takes the holders from memory instead of reading thousands of rows (docs/performance.md, expert draw).
/// Any change to an expert or to the specialties held raises the counter in its own transaction, so the next draw on
/// any node reads afresh. Statuses, leave, jobs and relatives change by the day and are always read from the database.
/// </summary>
internal sealed class PoolHolders
{
    private readonly Lock _gate = new();
    private Copy _copy = new(-1);

    /// <summary>The holders of <paramref name="codes"/>, as of the pool's current counter.</summary>
    public async Task<List<PoolHolder>> ReadAsync(ExpertsDbContext db, IReadOnlyList<string> codes, CancellationToken ct)
    {
        var holders = new List<PoolHolder>();
        if (codes.Count == 0)
        {
            return holders;
        }

        var version = await db.PoolVersions.AsNoTracking().Where(v => v.Id == PoolVersion.SingletonId).Select(v => v.Value).SingleAsync(ct);
        Copy copy;
        lock (_gate)
        {
            if (_copy.Version != version)
            {
                _copy = new Copy(version);
            }

            copy = _copy;
        }

        var missing = codes.Where(c => !copy.ByCode.ContainsKey(c)).Distinct(StringComparer.Ordinal).ToList();
        if (missing.Count > 0)
        {
            // Read inside one transaction with the counter again, so what is kept is exactly the pool at that counter.
            var read = await ReadFromDatabaseAsync(db, missing, ct);
            if (read.Version == version)
            {
                foreach (var (code, rows) in read.ByCode)
                {
                    copy.ByCode.TryAdd(code, rows);
                }
            }
            else
            {
                // The pool changed between the two reads: use what was read, keep nothing.
                foreach (var code in codes)
                {
                    holders.AddRange(read.ByCode.TryGetValue(code, out var fresh) ? fresh : copy.ByCode.GetValueOrDefault(code, []));
                }

                return holders;
            }
        }

        foreach (var code in codes)
        {
            holders.AddRange(copy.ByCode[code]);
        }

        return holders;
    }

    private static async Task<(long Version, Dictionary<string, PoolHolder[]> ByCode)> ReadFromDatabaseAsync(
        ExpertsDbContext db, List<string> codes, CancellationToken ct)
    {
        var byCode = codes.ToDictionary(c => c, _ => new List<PoolHolder>(), StringComparer.Ordinal);
        var connection = db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened)
        {
            await db.Database.OpenConnectionAsync(ct);
        }

        long version;
        try
        {
            var own = db.Database.CurrentTransaction is null;
            await using var transaction = own ? await db.Database.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, ct) : null;
            var current = db.Database.CurrentTransaction?.GetDbTransaction();

            await using (var command = connection.CreateCommand())
            {
                command.Transaction = current;
                command.CommandText = "SELECT value FROM experts_pool_version WHERE id = 1";
                version = Convert.ToInt64(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
            }

            // Every holder row in plain parameterised SQL: materialising thousands of rows through the EF model costs
            // several times the query itself.
            await using (var command = connection.CreateCommand())
            {
                command.Transaction = current;
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

            if (transaction is not null)
            {
                await transaction.CommitAsync(ct);
            }
        }
        finally
        {
            if (opened)
            {
                await db.Database.CloseConnectionAsync();
            }
        }

        return (version, byCode.ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal));
    }

    private sealed class Copy(long version)
    {
        public long Version { get; } = version;

        public ConcurrentDictionary<string, PoolHolder[]> ByCode { get; } = new(StringComparer.Ordinal);
    }
}
