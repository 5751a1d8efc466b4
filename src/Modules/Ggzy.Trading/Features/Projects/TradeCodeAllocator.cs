using Ggzy.Trading.Data;
using Ggzy.Trading.Domain.Projects;
using Microsoft.EntityFrameworkCore;

namespace Ggzy.Trading.Features.Projects;

/// <summary>
/// Allocates the next project trade code of a sector, region and year (<see cref="TradeCodes"/>). Two registrations
/// racing for the same number collide on the unique index; the loser retries with the next one.
/// </summary>
internal sealed class TradeCodeAllocator(TradingDbContext db)
{
    public async Task<string> NextAsync(string sector, string regionCode, int year, CancellationToken ct)
    {
        var probe = TradeCodes.ForProject(sector, regionCode, year, 1);
        var prefix = probe[..11];
        var taken = await db.Projects.Where(p => p.TradeCode.StartsWith(prefix)).Select(p => p.TradeCode).ToListAsync(ct);
        var local = db.Projects.Local.Where(p => p.TradeCode.StartsWith(prefix, StringComparison.Ordinal)).Select(p => p.TradeCode);
        var highest = taken.Concat(local).Select(c => int.Parse(c.AsSpan(11, 8), System.Globalization.CultureInfo.InvariantCulture))
            .DefaultIfEmpty(0).Max();
        return TradeCodes.ForProject(sector, regionCode, year, highest + 1);
    }
}
