using Ggzy.Credit.Contracts;
using Ggzy.Credit.Data;
using Ggzy.Credit.Domain;
using Ggzy.Platform.Errors;
using Ggzy.Platform.Ledger;
using Microsoft.EntityFrameworkCore;

namespace Ggzy.Credit.Features.EnterCreditRecord;

/// <summary>
/// A supervisory department enters one record (R28), or a correction, revocation or lifting as a new record. The
/// record and its ledger entry are saved together; a refusal stores nothing.
/// </summary>
internal sealed class EnterCreditRecordHandler(CreditDbContext db, CreditRecordPreparer preparer, LedgerWriter ledger, TimeProvider clock)
{
    public async Task<CreditRecordInfo> HandleAsync(CreditRecordInput input, CancellationToken ct)
    {
        var record = await preparer.PrepareAsync(input, [], clock.GetUtcNow(), ct);
        db.CreditRecords.Add(record);
        try
        {
            await ledger.SaveChangesAsync(db, CreditRecordLedger.Entered(record), ct);
        }
        catch (DbUpdateException)
        {
            // Entered twice at once, or two corrections of one record at once: the unique indexes kept the first.
            db.Entry(record).State = EntityState.Detached;
            throw new BusinessRuleException("该记录或其更正、撤销刚刚已由他人录入，请刷新后核对，不要重复录入。", CreditRecordErrors.RecordsCitation);
        }

        var history = new CreditHistory(await db.CreditRecords.AsNoTracking().Where(r => r.SubjectKey == record.SubjectKey).ToListAsync(ct));
        return CreditRecordProjection.Of(record, history);
    }
}
