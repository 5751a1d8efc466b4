using Microsoft.EntityFrameworkCore;

namespace Ggzy.Platform.Ledger;

/// <summary>
/// Saves a unit of work together with its ledger entries in one transaction. Appends are serialised
/// (PostgreSQL: a transaction-scoped advisory lock; SQLite: the write lock of BEGIN IMMEDIATE) and the lock is held
/// until commit, so sequence numbers are gapless and follow commit order. On PostgreSQL the unit of work is written
/// before the lock is taken, and no savepoints are made, so that the lock is held for the fewest round trips: the lock,
/// the tail, the entries and the commit (appends queue on it one at a time; see docs/performance.md).
/// </summary>
public sealed class LedgerWriter(TimeProvider clock, ICurrentActorAccessor actors)
{
    /// <summary>Arbitrary constant naming the Ledger's advisory lock in PostgreSQL.</summary>
    private const long AdvisoryLockKey = 0x4C45444745520001;

    public async Task<LedgerEntry> SaveChangesAsync(DbContext db, LedgerDraft draft, CancellationToken ct) =>
        (await SaveChangesAsync(db, [draft], ct))[0];

    public async Task<IReadOnlyList<LedgerEntry>> SaveChangesAsync(DbContext db, IReadOnlyList<LedgerDraft> drafts, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfZero(drafts.Count);
        var ownTransaction = db.Database.CurrentTransaction is null;
        var transaction = ownTransaction ? await db.Database.BeginTransactionAsync(ct) : null;
        var entries = new List<LedgerEntry>(drafts.Count);
        // In a transaction of its own a failure rolls everything back, so savepoints would only cost round trips.
        var savepoints = db.Database.AutoSavepointsEnabled;
        db.Database.AutoSavepointsEnabled = savepoints && !ownTransaction;
        try
        {
            if (db.Database.IsNpgsql())
            {
                // The unit of work first: its row locks and constraint checks happen before the Ledger's lock is taken.
                await db.SaveChangesAsync(ct);
            }

            await LockAsync(db, ct);
            var tail = await db.Set<LedgerEntry>().AsNoTracking()
                .OrderByDescending(e => e.Sequence)
                .Select(e => new { e.Sequence, e.Hash, e.RecordedAt })
                .FirstOrDefaultAsync(ct);

            var sequence = tail?.Sequence ?? 0;
            var previous = tail?.Hash ?? LedgerHash.Genesis;
            var now = LedgerHash.Truncate(clock.GetUtcNow());
            if (tail is not null && now < tail.RecordedAt)
            {
                now = tail.RecordedAt;
            }

            var actor = actors.Current;
            foreach (var draft in drafts)
            {
                var entry = new LedgerEntry
                {
                    Sequence = ++sequence,
                    RecordedAt = now,
                    Actor = actor.Actor,
                    Role = actor.Role,
                    Organization = actor.Organization,
                    ClientIp = actor.ClientIp,
                    Type = draft.Type,
                    Subject = draft.Subject,
                    Payload = CanonicalJson.Serialize(draft.Payload),
                    PreviousHash = previous,
                    Hash = "",
                };
                entry.Hash = LedgerHash.Compute(entry);
                previous = entry.Hash;
                entries.Add(entry);
            }

            db.Set<LedgerEntry>().AddRange(entries);
            await db.SaveChangesAsync(ct);
            if (transaction is not null)
            {
                await transaction.CommitAsync(ct);
            }

            foreach (var entry in entries)
            {
                db.Entry(entry).State = EntityState.Detached;
            }

            return entries;
        }
        catch
        {
            foreach (var entry in entries)
            {
                db.Entry(entry).State = EntityState.Detached;
            }

            throw;
        }
        finally
        {
            db.Database.AutoSavepointsEnabled = savepoints;
            if (transaction is not null)
            {
                await transaction.DisposeAsync();
            }
        }
    }

    private static async Task LockAsync(DbContext db, CancellationToken ct)
    {
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({AdvisoryLockKey})", ct);
        }
    }
}
