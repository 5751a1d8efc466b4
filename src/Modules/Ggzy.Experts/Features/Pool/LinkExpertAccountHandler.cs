using Ggzy.Experts.Data;
using Ggzy.Platform.Errors;
using Ggzy.Platform.Identity;
using Ggzy.Platform.Ledger;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Ggzy.Experts.Features.Pool;

/// <summary>
/// The center links an expert to the platform account the expert signs in with (role Expert): one account per expert and
/// one expert per account. From then on the expert keeps their profile and answers draws with it.
/// </summary>
internal sealed class LinkExpertAccountHandler(ExpertsDbContext db, UserManager<PlatformUser> users, LedgerWriter ledger, TimeProvider clock)
{
    public async Task LinkAsync(Guid expertId, string? userName, CancellationToken ct)
    {
        var expert = await db.Experts.FirstOrDefaultAsync(e => e.Id == expertId, ct) ?? throw new NotFoundException(ExpertsErrors.ExpertNotFound);
        var v = new ExpertValidation();
        var name = v.Text("userName", userName, "账户用户名", 64);
        v.ThrowIfAny();

        var user = await users.FindByNameAsync(name);
        if (user is null || user.IsDisabled || !await users.IsInRoleAsync(user, Roles.Expert))
        {
            throw ExpertValidation.Refuse("EXPERT_ACCOUNT_INVALID", $"没有角色为评标专家的有效账户“{name}”；请先为专家开设评标专家账户。", field: "userName");
        }

        if (expert.UserId == user.Id)
        {
            return;
        }

        if (expert.UserId is not null || await db.Experts.AnyAsync(e => e.UserId == user.Id, ct))
        {
            throw ExpertValidation.Refuse("EXPERT_ACCOUNT_LINKED", "该专家已关联账户，或该账户已关联其他专家：一名专家只关联一个账户。", 409, field: "userName");
        }

        expert.UserId = user.Id;
        expert.UpdatedAt = clock.GetUtcNow();
        await ledger.SaveChangesAsync(db, ExpertsLedger.Entry(ExpertsLedger.AccountLinked, expert, new { expert = expert.Code, account = name }), ct);
    }
}
