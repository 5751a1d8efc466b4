using System.Security.Claims;
using Ggzy.Trading.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Ggzy.Trading.Features.Archive;

internal static class ArchiveEndpoints
{
    public static IEndpointRouteBuilder MapArchives(this IEndpointRouteBuilder api)
    {
        var archives = api.MapGroup("/trading/archives").WithTags("归档 Archive");

        archives.MapGet("/", async (ClaimsPrincipal user, LotArchiveService archive, CancellationToken ct) =>
                TypedResults.Ok(await archive.ListAsync(user, ct)))
            .RequireAuthorization(TradingPermissions.ReadArchive)
            .WithSummary("可下载的归档包：招标人、代理机构限本单位的项目；交易中心和监管、监督部门为全部。");

        // Any signed-in account reaches these; who may have the package is decided per lot, so a refusal says why (403 with the reason).
        archives.MapGet("/{lotId:guid}", async (Guid lotId, ClaimsPrincipal user, LotArchiveService archive, CancellationToken ct) =>
                TypedResults.Ok(await archive.DetailAsync(user, lotId, ct)))
            .RequireAuthorization()
            .WithSummary("标段归档包的清单（按 manifest）、保存期限及其依据、SM3 摘要和平台密钥指纹。");

        archives.MapGet("/{lotId:guid}/package", async (Guid lotId, ClaimsPrincipal user, LotArchiveService archive, CancellationToken ct) =>
            {
                var (fileName, content) = await archive.DownloadAsync(user, lotId, ct);
                return TypedResults.Stream(content, "application/zip", fileName);
            })
            .RequireAuthorization()
            .WithSummary("免费下载归档包（ZIP），可用 ggzy archive verify 离线校验；每次下载均记入账本；其他账户 403。");
        return api;
    }
}
