using System.Security.Claims;
using Ggzy.Platform.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Ggzy.Web.Identity;

/// <summary>Adds the user's organisation and display name to the sign-in, for the Ledger and the layout.</summary>
internal sealed class GgzyClaimsPrincipalFactory(UserManager<PlatformUser> users, RoleManager<PlatformRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<PlatformUser, PlatformRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(PlatformUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(GgzyClaims.DisplayName, user.DisplayName));
        if (user.OrganizationId is { } org)
        {
            identity.AddClaim(new Claim(GgzyClaims.OrganizationId, org.ToString()));
        }

        return identity;
    }
}
