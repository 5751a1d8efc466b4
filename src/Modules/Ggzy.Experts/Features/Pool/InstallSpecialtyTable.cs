using Ggzy.Experts.Data;
using Ggzy.Experts.Domain.Specialties;
using Ggzy.Platform.Data;
using Ggzy.Platform.Ledger;
using Microsoft.EntityFrameworkCore;

namespace Ggzy.Experts.Features.Pool;

/// <summary>
/// At every start, brings <c>experts_specialties</c> in line with the shipped table: new codes are added, names and
/// flags updated. Codes are never deleted (experts may hold them). A change goes on the Ledger with the table's version.
/// </summary>
internal sealed class InstallSpecialtyTable(ExpertsDbContext db, SpecialtyCatalog catalog, LedgerWriter ledger) : IStartupTask
{
    public int Order => 20;

    public async Task RunAsync(CancellationToken ct)
    {
        var stored = await db.Specialties.ToDictionaryAsync(s => s.Code, StringComparer.Ordinal, ct);
        var added = 0;
        var updated = 0;
        foreach (var s in catalog.All)
        {
            if (!stored.TryGetValue(s.Code, out var row))
            {
                db.Specialties.Add(new Specialty { Code = s.Code, Name = s.Name, ParentCode = s.ParentCode, Sector = s.Sector, Confirmed = s.Confirmed });
                added++;
            }
            else if (row.Name != s.Name || row.ParentCode != s.ParentCode || row.Sector != s.Sector || row.Confirmed != s.Confirmed)
            {
                (row.Name, row.ParentCode, row.Sector, row.Confirmed) = (s.Name, s.ParentCode, s.Sector, s.Confirmed);
                updated++;
            }
        }

        if (added + updated > 0)
        {
            await ledger.SaveChangesAsync(db, new LedgerDraft(ExpertsLedger.SpecialtiesInstalled, "experts:specialties",
                new { version = catalog.Version, added, updated }), ct);
        }
    }
}
