using Ggzy.Platform.Data;
using Ggzy.Platform.Ledger;

namespace Ggzy.Web.Identity;

/// <summary>
/// Identity's UserManager saves on its own; this puts those saves and the ledger entry in one transaction, so an
/// account change is either on the Ledger or did not happen. A change that throws rolls everything back.
/// </summary>
public sealed class AccountLedger(PlatformDbContext db, LedgerWriter ledger)
{
    public Task SaveAsync(Func<Task> change, LedgerDraft draft, CancellationToken ct) => SaveAsync(change, [draft], ct);

    public async Task SaveAsync(Func<Task> change, IReadOnlyList<LedgerDraft> drafts, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await change();
        await ledger.SaveChangesAsync(db, drafts, ct);
        await transaction.CommitAsync(ct);
    }
}
