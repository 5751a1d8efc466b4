using System.Security.Claims;
using Ggzy.Experts.Contracts;
using Ggzy.Experts.Data;
using Ggzy.Experts.Features.Identity;
using Ggzy.Experts.Features.Pool;
using Ggzy.Platform.Errors;
using Ggzy.Platform.Ledger;
using Microsoft.EntityFrameworkCore;

namespace Ggzy.Experts.Features.Profile;

/// <summary>
/// The expert's own record, found through the signed-in account (role Expert) linked to it. The expert keeps contact,
/// employment, relatives and leave current; specialties and title are changed by the center (it checks the evidence).
/// </summary>
internal sealed class OwnExpert(ExpertsDbContext db, PoolQueries queries, ExpertIdentityProtector protector, LedgerWriter ledger, TimeProvider clock)
{
    private static readonly string[] ContactChanged = ["contact"];

    public const string NotLinked = "您的账户尚未关联专家库中的专家记录。请联系交易中心专家库管理员办理关联。";

    public async Task<Guid> IdOfAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        if (!Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var userId))
        {
            throw new ForbiddenException(NotLinked);
        }

        return await queries.ExpertOfUserAsync(userId, ct) ?? throw new NotFoundException(NotLinked);
    }

    public async Task UpdateContactAsync(Guid expertId, ContactInput input, CancellationToken ct)
    {
        var expert = await db.Experts.FirstOrDefaultAsync(e => e.Id == expertId, ct) ?? throw new NotFoundException(ExpertsErrors.ExpertNotFound);
        var v = new ExpertValidation();
        var mobile = v.Mobile("mobile", input.Mobile);
        var email = v.Email("email", input.Email);
        v.ThrowIfAny();
        var identity = protector.Unprotect(expert.IdentityCipher);
        if (identity.Mobile == mobile && identity.Email == email)
        {
            return;
        }

        expert.IdentityCipher = protector.Protect(identity with { Mobile = mobile, Email = email });
        expert.UpdatedAt = clock.GetUtcNow();
        await ledger.SaveChangesAsync(db, ExpertsLedger.Entry(ExpertsLedger.Changed, expert, new
        {
            expert = expert.Code,
            changed = ContactChanged,
            by = "expert",
        }), ct);
    }
}
