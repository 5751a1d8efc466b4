using Ggzy.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Ggzy.Platform.Ledger;

/// <summary>Reads the Ledger in sequence order from a cursor; a reader resuming after N never misses an entry.</summary>
public sealed class LedgerReader(PlatformDbContext db)
{
    public const int MaxPage = 1000;

    public async Task<IReadOnlyList<LedgerEntry>> ReadAsync(long after, int limit, CancellationToken ct) =>
        await db.LedgerEntries.AsNoTracking()
            .Where(e => e.Sequence > after)
            .OrderBy(e => e.Sequence)
            .Take(Math.Clamp(limit, 1, MaxPage))
            .ToListAsync(ct);

    public async Task<long> LastSequenceAsync(CancellationToken ct) =>
        await db.LedgerEntries.MaxAsync(e => (long?)e.Sequence, ct) ?? 0;
}
