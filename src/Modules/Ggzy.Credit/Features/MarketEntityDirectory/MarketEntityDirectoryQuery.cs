using Ggzy.Credit.Contracts;
using Ggzy.Credit.Data;
using Ggzy.Credit.Domain;
using Ggzy.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace Ggzy.Credit.Features.MarketEntityDirectory;

/// <summary>Reads of the registry: one entity by code, and the public directory. Each shows the latest commitment signed.</summary>
internal sealed class MarketEntityDirectoryQuery(CreditDbContext db)
{
    private const int DirectoryLimit = 200;

    public async Task<MarketEntityInfo?> FindByCreditCodeAsync(string creditCode, CancellationToken ct)
    {
        var code = (creditCode ?? "").Trim().ToUpperInvariant();
        if (!CreditCode.TryParse(code, out _, out _))
        {
            return null;
        }

        return (await ReadAsync(db.MarketEntities.Where(e => e.CreditCode == code), ct)).SingleOrDefault();
    }

    public async Task<IReadOnlyList<MarketEntityInfo>> ListAsync(string? search, CancellationToken ct)
    {
        var entities = db.MarketEntities.AsQueryable();
        if (!string.IsNullOrWhiteSpace(search))
        {
            var term = search.Trim();
            var upper = term.ToUpperInvariant();
            entities = entities.Where(e => e.LegalName.Contains(term) || e.CreditCode == upper);
        }

        return await ReadAsync(entities.OrderBy(e => e.LegalName).Take(DirectoryLimit), ct);
    }

    private async Task<IReadOnlyList<MarketEntityInfo>> ReadAsync(IQueryable<MarketEntity> entities, CancellationToken ct)
    {
        var rows = await entities.AsNoTracking()
            .Select(e => new
            {
                Entity = e,
                Signature = db.CommitmentSignatures.Where(s => s.MarketEntityId == e.Id).OrderByDescending(s => s.SignedAt).FirstOrDefault(),
            })
            .ToListAsync(ct);
        return [.. rows.Select(r => MarketEntityProjection.Of(r.Entity, r.Signature))];
    }
}
