using System.Security.Claims;
using Ggzy.Platform.Identity;
using Ggzy.Platform.Ledger;

namespace Ggzy.Web.Infrastructure;

/// <summary>The acting party of an HTTP request, as the Ledger records it: user name, roles, organisation, client IP.</summary>
internal sealed class HttpActorAccessor(IHttpContextAccessor http) : ICurrentActorAccessor
{
    public CurrentActor Current
    {
        get
        {
            var context = http.HttpContext;
            if (context is null)
            {
                return CurrentActor.System;
            }

            var user = context.User;
            var ip = context.Connection.RemoteIpAddress?.ToString() ?? "";
            if (user.Identity?.IsAuthenticated != true)
            {
                return new CurrentActor("anonymous", "", "", ip);
            }

            var roles = string.Join(',', user.FindAll(ClaimTypes.Role).Select(c => c.Value).Order(StringComparer.Ordinal));
            return new CurrentActor(user.Identity.Name ?? "", roles, user.FindFirstValue(GgzyClaims.OrganizationId) ?? "", ip);
        }
    }
}
