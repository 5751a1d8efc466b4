using System.Security.Claims;
using System.Text;
using System.Text.Encodings.Web;
using Ggzy.Platform.Data;
using Ggzy.Platform.Identity;
using Ggzy.Sealing;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Ggzy.Web.Identity;

/// <summary>
/// Authenticates systems by "Authorization: Bearer ggzy_…". The token acts as the account it was issued to, with
/// that account's roles; revoked, expired or disabled tokens are refused.
/// </summary>
internal sealed class ApiTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    PlatformDbContext db,
    IUserClaimsPrincipalFactory<PlatformUser> principals,
    TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiToken";
    public const string TokenPrefix = "ggzy_";
    public const string TokenIdClaim = "ggzy:token";

    public static string HashOf(string token) => Sm3.HashHex(Encoding.UTF8.GetBytes(token));

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var token = header["Bearer ".Length..].Trim();
        if (!token.StartsWith(TokenPrefix, StringComparison.Ordinal))
        {
            return AuthenticateResult.Fail("令牌格式无效。");
        }

        var hash = HashOf(token);
        var now = clock.GetUtcNow();
        var row = await db.ApiTokens.FirstOrDefaultAsync(t => t.TokenHash == hash, Context.RequestAborted);
        if (row is null || row.RevokedAt is not null || row.ExpiresAt <= now)
        {
            return AuthenticateResult.Fail("令牌无效、已撤销或已过期。");
        }

        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == row.UserId, Context.RequestAborted);
        if (user is null || user.IsDisabled || (user.LockoutEnd is { } end && end > now))
        {
            return AuthenticateResult.Fail("令牌所属账户已停用。");
        }

        if (row.LastUsedAt is null || now - row.LastUsedAt > TimeSpan.FromMinutes(5))
        {
            row.LastUsedAt = now;
            await db.SaveChangesAsync(Context.RequestAborted);
        }

        var principal = await principals.CreateAsync(user);
        ((ClaimsIdentity)principal.Identity!).AddClaim(new Claim(TokenIdClaim, row.Id.ToString()));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }
}
