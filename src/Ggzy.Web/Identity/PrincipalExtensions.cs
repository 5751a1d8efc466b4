using System.Security.Claims;

namespace Ggzy.Web.Identity;

internal static class PrincipalExtensions
{
    public static Guid UserId(this ClaimsPrincipal user) =>
        Guid.Parse(user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("The caller is not signed in."));

    public static string UserName(this ClaimsPrincipal user) => user.Identity?.Name ?? "";

    public static bool ActsByApiToken(this ClaimsPrincipal user) => user.HasClaim(c => c.Type == ApiTokenHandler.TokenIdClaim);
}
