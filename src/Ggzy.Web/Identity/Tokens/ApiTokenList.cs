using Ggzy.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Ggzy.Web.Identity.Tokens;

/// <summary>One of the caller's tokens as lists show it: never the token itself.</summary>
public sealed record ApiTokenView(Guid Id, string Name, string Prefix, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt,
    DateTimeOffset? LastUsedAt, DateTimeOffset? RevokedAt);

public sealed class ApiTokenListQuery(PlatformDbContext db)
{
    public async Task<IReadOnlyList<ApiTokenView>> ForAsync(Guid userId, CancellationToken ct) =>
        await db.ApiTokens.AsNoTracking()
            .Where(t => t.UserId == userId)
            .OrderByDescending(t => t.CreatedAt)
            .Select(t => new ApiTokenView(t.Id, t.Name, t.Prefix, t.CreatedAt, t.ExpiresAt, t.LastUsedAt, t.RevokedAt))
            .ToListAsync(ct);
}
