using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Ggzy.Web.Infrastructure;

/// <summary>
/// Anyone may register, ask for a certificate challenge, accept an invitation or sign in without an account, and each
/// of those stores a row or a ledger entry. So each client address gets a fixed number of such anonymous writes per
/// minute (<see cref="WebOptions.AnonymousWritesPerMinute"/>); the next one is answered 429 in Chinese, and nothing is
/// stored. Signed-in users, reads and the error page shown for the refusal itself are not limited here.
/// </summary>
internal static class AnonymousWriteLimit
{
    public static IServiceCollection AddAnonymousWriteLimit(this IServiceCollection services)
    {
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<WebOptions>>((o, web) =>
        {
            var perMinute = web.Value.AnonymousWritesPerMinute;
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = (context, _) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "60";
                return ValueTask.CompletedTask;
            };
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
                IsAnonymousWrite(http)
                    ? RateLimitPartition.GetFixedWindowLimiter(http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                        _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })
                    : RateLimitPartition.GetNoLimiter(string.Empty));
        });
        return services;
    }

    private static bool IsAnonymousWrite(HttpContext http) =>
        http.User.Identity?.IsAuthenticated != true
        && http.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is null
        && !HttpMethods.IsGet(http.Request.Method)
        && !HttpMethods.IsHead(http.Request.Method)
        && !HttpMethods.IsOptions(http.Request.Method);
}
