using System.Security.Claims;
using Ggzy.Platform.Errors;
using Ggzy.Platform.Identity;
using Ggzy.Web.Identity;
using Ggzy.Web.Identity.Tokens;
using Ggzy.Web.Infrastructure;

namespace Ggzy.Web.Api;

internal static class TokenEndpoints
{
    public static RouteGroupBuilder MapTokenApi(this RouteGroupBuilder api)
    {
        var tokens = api.MapGroup("/tokens").WithTags("接口令牌 Tokens").RequireAuthorization(PlatformPermissions.ManageApiTokens);

        tokens.MapGet("/", async (ClaimsPrincipal user, ApiTokenListQuery query, CancellationToken ct) =>
                TypedResults.Ok(await query.ForAsync(user.UserId(), ct)))
            .WithSummary("本人签发的接口令牌：名称、前缀、签发与到期时间、最近使用时间、是否已撤销（不含令牌本身）。");

        tokens.MapPost("/", async (IssueApiTokenInput? input, ClaimsPrincipal user, IssueApiTokenHandler handler, CancellationToken ct) =>
            {
                // A leaked token must not be able to renew itself: new tokens come only from a signed-in person.
                if (user.ActsByApiToken())
                {
                    throw new ForbiddenException("接口令牌不能签发新令牌。请登录网站，在“我的账户 → 接口令牌”中签发。");
                }

                return TypedResults.Created((string?)null, await handler.HandleAsync(user.UserId(), user.UserName(), input!, ct));
            })
            .Validate<IssueApiTokenInput>()
            .WithSummary("签发接口令牌（validDays 为 1–365 天，或 expiresOn 为最后有效日）。令牌只在此响应中出现一次，平台只保存其 SM3 摘要。");

        tokens.MapDelete("/{id:guid}", async (Guid id, ClaimsPrincipal user, RevokeApiTokenHandler handler, CancellationToken ct) =>
            {
                await handler.HandleAsync(user.UserId(), id, ct);
                return TypedResults.NoContent();
            })
            .WithSummary("撤销本人的一个接口令牌；撤销后立即失效。");
        return api;
    }
}
