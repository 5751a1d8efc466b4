using Ggzy.Experts.Contracts;
using Ggzy.Experts.Data;
using Ggzy.Platform.Errors;
using Ggzy.Platform.Ledger;
using Microsoft.EntityFrameworkCore;

namespace Ggzy.Experts.Features.Identity;

/// <summary>Reveals identities, each reveal on the Ledger before the identity leaves this class.</summary>
internal sealed class ExpertIdentities(ExpertsDbContext db, ExpertIdentityProtector protector, LedgerWriter ledger) : IExpertIdentities
{
    public async Task<ExpertIdentityInfo> RevealAsync(Guid expertId, string purpose, CancellationToken ct)
    {
        var expert = await db.Experts.FirstOrDefaultAsync(e => e.Id == expertId, ct)
            ?? throw new NotFoundException(ExpertsErrors.ExpertNotFound);
        await ledger.SaveChangesAsync(db, ExpertsLedger.Read(expert, purpose), ct);
        var identity = protector.Unprotect(expert.IdentityCipher);
        return new ExpertIdentityInfo(expert.Id, expert.Code, identity.Name, identity.IdNumber, identity.Mobile, identity.Email);
    }
}
