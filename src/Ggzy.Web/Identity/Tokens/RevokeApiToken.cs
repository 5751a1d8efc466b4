using Ggzy.Platform.Data;
using Ggzy.Platform.Errors;
using Ggzy.Platform.Ledger;
using Microsoft.EntityFrameworkCore;

namespace Ggzy.Web.Identity.Tokens;

public sealed class RevokeApiTokenHandler(PlatformDbContext db, LedgerWriter ledger, TimeProvider clock)
{
    /// <summary>Revokes one of the caller's own tokens; someone else's is reported as not found. Revoking twice is harmless.</summary>
    public async Task HandleAsync(Guid userId, Guid tokenId, CancellationToken ct)
    {
        var token = await db.ApiTokens.FirstOrDefaultAsync(t => t.Id == tokenId && t.UserId == userId, ct)
            ?? throw new NotFoundException("令牌不存在，或不是由您签发的。请在令牌列表中核对。");
        if (token.RevokedAt is not null)
        {
            return;
        }

        token.RevokedAt = clock.GetUtcNow();
        await ledger.SaveChangesAsync(db, new LedgerDraft("platform.token.revoked", $"token:{token.Id}",
            new { token.Name, token.Prefix }), ct);
    }
}
