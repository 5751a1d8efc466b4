using System.Security.Claims;
using Ggzy.Platform.Identity;

namespace Ggzy.Web.Api;

internal static class PlatformApi
{
    public static RouteGroupBuilder MapPlatformApi(this RouteGroupBuilder api)
    {
        api.MapLedgerApi();
        api.MapCalendarApi();
        api.MapRulesApi();
        api.MapTokenApi();
        api.MapCertificateSignInApi();
        api.MapStaffAccountApi();
        api.MapGet("/me", (ClaimsPrincipal user) => TypedResults.Ok(new CurrentUserView(
                user.Identity!.Name!,
                user.FindFirstValue(GgzyClaims.DisplayName) ?? "",
                user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToList())))
            .WithTags("账户 Account")
            .WithSummary("当前登录用户（或接口令牌所属账户）的用户名、姓名和角色。")
            .RequireAuthorization(PlatformPermissions.ManageOwnAccount);
        return api;
    }
}

public sealed record CurrentUserView(string UserName, string DisplayName, IReadOnlyList<string> Roles);
