using System.Security.Claims;
using Ggzy.Trading.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Ggzy.Trading.Features.Bids;

/// <summary>The bid submission API (docs/bid-submission.md).</summary>
internal static class BidEndpoints
{
    /// <summary>A chunk's request body may carry at most this much (the default chunk limit plus headroom).</summary>
    public const long MaxChunkRequestBytes = (16 << 20) + (64 << 10);

    public static IEndpointRouteBuilder MapBids(this IEndpointRouteBuilder api)
    {
        var lots = api.MapGroup("/trading/lots/{lotId:guid}/bids").WithTags("投标文件递交 Bids");
        var uploads = api.MapGroup("/trading/bids").WithTags("投标文件递交 Bids");

        lots.MapPost("/uploads", async (Guid lotId, StartBidUploadInput input, ClaimsPrincipal user, IBidSubmissions bids, CancellationToken ct) =>
            {
                var (upload, created) = await bids.StartAsync(user, lotId, input, ct);
                return created
                    ? Results.Created($"/api/v1/trading/bids/uploads/{upload.UploadId}", upload)
                    : Results.Ok(upload);
            })
            .RequireAuthorization(TradingPermissions.SubmitBids)
            .ProducesValidationProblem()
            .WithSummary("开始上传加密投标文件（信封）：声明大小和摘要；同一信封重复开始时返回原上传或原回执，不会产生第二份投标。");

        uploads.MapGet("/uploads/{uploadId:guid}", async (Guid uploadId, ClaimsPrincipal user, IBidSubmissions bids, CancellationToken ct) =>
                TypedResults.Ok(await bids.UploadAsync(user, uploadId, ct)))
            .RequireAuthorization(TradingPermissions.SubmitBids)
            .WithSummary("上传的状态：已收到的字节数（续传从这里开始）和回执。");

        uploads.MapPut("/uploads/{uploadId:guid}/chunks", async (Guid uploadId, long offset, HttpRequest request, ClaimsPrincipal user,
                IBidSubmissions bids, CancellationToken ct) =>
                TypedResults.Ok(await bids.AppendAsync(user, uploadId, offset, request.Body, ct)))
            .RequireAuthorization(TradingPermissions.SubmitBids)
            .WithMetadata(new RequestSizeLimitAttribute(MaxChunkRequestBytes))
            .WithSummary("上传一个分块（application/octet-stream，不超过 16 MB），offset 须等于已收到的字节数。");

        uploads.MapPost("/uploads/{uploadId:guid}/complete", async (Guid uploadId, ClaimsPrincipal user, IBidSubmissions bids, CancellationToken ct) =>
                TypedResults.Ok(await bids.CompleteAsync(user, uploadId, ct)))
            .RequireAuthorization(TradingPermissions.SubmitBids)
            .WithSummary("完成递交：平台核验信封（结构、签名、摘要、证书绑定）并落盘后，返回平台签名的回执；重复调用返回同一回执。");

        uploads.MapDelete("/uploads/{uploadId:guid}", async (Guid uploadId, ClaimsPrincipal user, IBidSubmissions bids, CancellationToken ct) =>
            {
                await bids.AbandonAsync(user, uploadId, ct);
                return TypedResults.NoContent();
            })
            .RequireAuthorization(TradingPermissions.SubmitBids)
            .WithSummary("放弃一个尚未完成的上传。");

        uploads.MapGet("/receipt-key", (IBidSubmissions bids) => TypedResults.Ok(bids.ReceiptKey()))
            .RequireAuthorization(TradingPermissions.SubmitBids)
            .WithSummary("平台签署回执所用的 SM2 公钥。");

        uploads.MapGet("/lots", async (ClaimsPrincipal user, IBidSubmissions bids, CancellationToken ct) =>
                TypedResults.Ok(await bids.BiddableLotsAsync(user, ct)))
            .RequireAuthorization(TradingPermissions.SubmitBids)
            .WithSummary("本单位已获取招标文件的标段及本单位的递交情况。");

        lots.MapGet("/mine", async (Guid lotId, ClaimsPrincipal user, IBidSubmissions bids, CancellationToken ct) =>
                TypedResults.Ok(await bids.MineAsync(user, lotId, ct)))
            .RequireAuthorization(TradingPermissions.SubmitBids)
            .WithSummary("本单位在该标段的有效投标、历史（被替换、撤回）和未完成的上传。");

        lots.MapPost("/withdraw", async (Guid lotId, ClaimsPrincipal user, IBidSubmissions bids, CancellationToken ct) =>
                TypedResults.Ok(await bids.WithdrawAsync(user, lotId, ct)))
            .RequireAuthorization(TradingPermissions.SubmitBids)
            .WithSummary("投标截止前撤回本单位的投标文件（《招标投标法》第二十九条）。");

        lots.MapGet("/", async (Guid lotId, ClaimsPrincipal user, IBidSubmissions bids, CancellationToken ct) =>
                TypedResults.Ok(await bids.ListAsync(user, lotId, ct)))
            .RequireAuthorization(TradingPermissions.ReadBids)
            .WithSummary("投标截止后：标段收到的全部投标文件（含被替换、撤回的）；截止前任何人不得查看（《招标投标法》第二十二条）。");
        return api;
    }
}
