using Ggzy.Credit.Contracts;
using Ggzy.Credit.Data;
using Ggzy.Credit.Domain;
using Ggzy.Platform.Identity;
using Ggzy.Platform.Ledger;
using Microsoft.EntityFrameworkCore;

namespace Ggzy.Credit.Features.CreditStanding;

/// <summary>Reads for the supervisors' pages and the public list. A read that shows confidential records is put on the Ledger.</summary>
internal sealed class CreditRecordQueries(CreditDbContext db, LedgerWriter ledger)
{
    private const int Limit = 200;

    public async Task<IReadOnlyList<CreditRecordInfo>> ListAsync(CreditRecordFilter filter, CancellationToken ct)
    {
        var records = db.CreditRecords.AsNoTracking();
        if (!filter.IncludeConfidential)
        {
            records = records.Where(r => !r.Confidential);
        }

        if (!string.IsNullOrWhiteSpace(filter.Subject))
        {
            var term = filter.Subject.Trim();
            var code = CreditCode.TryParse(term, out var parsed, out _) ? parsed.Value
                : ResidentIdNumber.TryNormalize(term, out var idNumber, out _) ? ResidentIdNumber.Digest(idNumber)
                : term;
            records = records.Where(r => r.SubjectKey == code || r.SubjectName.Contains(term) || r.DecisionNumber.Contains(term));
        }

        if (filter.Kind is { } kind)
        {
            records = records.Where(r => r.Kind == kind);
        }

        if (filter.LateOnly)
        {
            records = records.Where(r => r.IsLate);
        }

        var found = await records.OrderByDescending(r => r.EnteredAt).Take(Limit).ToListAsync(ct);
        return await ProjectAsync(found, "list", ct);
    }

    public async Task<CreditRecordDetails?> DetailsAsync(Guid id, bool includeConfidential, CancellationToken ct)
    {
        var record = await db.CreditRecords.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (record is null || (record.Confidential && !includeConfidential))
        {
            return null;
        }

        var history = new CreditHistory(await db.CreditRecords.AsNoTracking().Where(r => r.SubjectKey == record.SubjectKey).ToListAsync(ct));
        var related = history.All
            .Where(r => r.Id != id && (r.ChainId == record.ChainId || r.LiftsChainId == record.ChainId || record.LiftsChainId == r.ChainId))
            .Where(r => includeConfidential || !r.Confidential)
            .OrderBy(r => r.EnteredAt).ToList();
        await LogConfidentialAsync([record, .. related], "details", ct);
        return new CreditRecordDetails(CreditRecordProjection.Of(record, history), [.. related.Select(r => CreditRecordProjection.Of(r, history))]);
    }

    private async Task<IReadOnlyList<CreditRecordInfo>> ProjectAsync(List<CreditRecord> found, string purpose, CancellationToken ct)
    {
        var keys = found.Select(r => r.SubjectKey).Distinct().ToList();
        var all = await db.CreditRecords.AsNoTracking().Where(r => keys.Contains(r.SubjectKey)).ToListAsync(ct);
        var histories = all.GroupBy(r => r.SubjectKey, StringComparer.Ordinal).ToDictionary(g => g.Key, g => new CreditHistory(g), StringComparer.Ordinal);
        await LogConfidentialAsync(found, purpose, ct);
        return [.. found.Select(r => CreditRecordProjection.Of(r, histories[r.SubjectKey]))];
    }

    private async Task LogConfidentialAsync(IEnumerable<CreditRecord> shown, string purpose, CancellationToken ct)
    {
        foreach (var group in shown.Where(r => r.Confidential).GroupBy(r => CreditRecordLedger.Subject(r), StringComparer.Ordinal))
        {
            await ledger.SaveChangesAsync(db, CreditRecordLedger.ConfidentialRead(group.Key, group.Select(r => r.Id), purpose), ct);
        }
    }
}
