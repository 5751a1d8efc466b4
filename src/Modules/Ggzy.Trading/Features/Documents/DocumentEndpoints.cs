using System.Security.Claims;
using Ggzy.Platform.Errors;
using Ggzy.Trading.Contracts;
using Ggzy.Trading.Domain.Documents;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Ggzy.Trading.Features.Documents;

internal static class DocumentEndpoints
{
    public static IEndpointRouteBuilder MapDocuments(this IEndpointRouteBuilder api)
    {
        api.MapGet("/trading/lots", async (ClaimsPrincipal user, ILotDocuments documents, CancellationToken ct) =>
                TypedResults.Ok(await documents.LotsAsync(user, ct)))
            .RequireAuthorization(TradingPermissions.ReadDocuments)
            .WithTags("招标文件 Documents")
            .WithSummary("已受理项目中已发布公告的标段（及本单位负责的草稿标段）及其文件发售期、投标截止时间。");

        var lots = api.MapGroup("/trading/lots/{lotId:guid}").WithTags("招标文件 Documents");

        lots.MapGet("/documents", async (Guid lotId, ClaimsPrincipal user, ILotDocuments documents, CancellationToken ct) =>
                TypedResults.Ok(await documents.ViewAsync(user, lotId, ct)))
            .RequireAuthorization(TradingPermissions.ReadDocuments)
            .WithSummary("标段的招标（采购）文件、澄清或者修改、异议；下载记录在投标截止前对任何人保密（20号令 第二十一条）。");

        lots.MapPost("/documents", async (Guid lotId, HttpRequest request, ClaimsPrincipal user, ILotDocuments documents, CancellationToken ct) =>
            {
                var file = await SingleFileAsync(request, ct);
                var stored = await documents.UploadAsync(user, lotId, new UploadedFile(file.FileName, file.Length, file.OpenReadStream), ct);
                return TypedResults.Created($"/api/v1/trading/lots/{lotId}/documents/{stored.Id}/content", stored);
            })
            .RequireAuthorization(TradingPermissions.ManageDocuments)
            .WithMetadata(new RequestSizeLimitAttribute(DocumentUploadOptions.MaxRequestBytes))
            .ProducesValidationProblem()
            .WithSummary("上传招标（采购）文件（multipart/form-data，字段 file）；标段为草稿或已发布公告、文件发售前可上传。");

        lots.MapGet("/documents/{documentId:guid}/content", async (Guid lotId, Guid documentId, ClaimsPrincipal user, ILotDocuments documents, CancellationToken ct) =>
            {
                var content = await documents.DownloadAsync(user, lotId, documentId, ct);
                return TypedResults.Stream(content.Content, content.ContentType, content.FileName);
            })
            .RequireAuthorization(TradingPermissions.DownloadDocuments)
            .WithSummary("下载文件：市场主体在文件发售期内下载，无需报名或缴费；被禁止获取招标文件的主体被拒绝；每次下载均记录并封存于账本。");

        lots.MapGet("/downloads", async (Guid lotId, ClaimsPrincipal user, ILotDocuments documents, CancellationToken ct) =>
                TypedResults.Ok(await documents.DownloadLogAsync(user, lotId, ct)))
            .RequireAuthorization(TradingPermissions.ReadDocuments)
            .WithSummary("下载记录：投标截止后由招标人、代理机构、交易中心和监督部门查看；截止前对任何人拒绝（403）。");

        lots.MapGet("/clarifications/proposal", async (Guid lotId, ClaimsPrincipal user, ILotDocuments documents, CancellationToken ct) =>
                TypedResults.Ok(await documents.ProposeDeadlineAsync(user, lotId, ct)))
            .RequireAuthorization(TradingPermissions.ManageDocuments)
            .WithSummary("现在发出澄清或者修改时，投标截止时间须顺延到的最早时间及理由（实施条例 第二十一条）。");

        lots.MapPost("/clarifications", async (Guid lotId, ClarificationInput input, ClaimsPrincipal user, ILotDocuments documents, CancellationToken ct) =>
                TypedResults.Ok(await documents.ClarifyAsync(user, lotId, input, [], ct)))
            .RequireAuthorization(TradingPermissions.ManageDocuments)
            .ProducesValidationProblem()
            .WithSummary("发布澄清或者修改（text，newDeadline）：距截止不足 15 日（资格预审 3 日）的须顺延截止时间；通知每一个已下载文件的单位。");

        lots.MapPost("/objections", async (Guid lotId, ObjectionInput input, ClaimsPrincipal user, ILotDocuments documents, CancellationToken ct) =>
                TypedResults.Ok(await documents.ObjectAsync(user, lotId, input, ct)))
            .RequireAuthorization(TradingPermissions.RaiseObjection)
            .ProducesValidationProblem()
            .WithSummary("对文件提出异议（已下载文件的单位，截止前 10 日前；资格预审 2 日前）；工程招标暂停至招标人答复。");

        var objections = api.MapGroup("/trading/objections").WithTags("异议 Objections");
        objections.MapGet("/", async (ClaimsPrincipal user, ILotDocuments documents, CancellationToken ct) =>
                TypedResults.Ok(await documents.ObjectionsAsync(user, ct)))
            .RequireAuthorization(TradingPermissions.ReadDocuments)
            .WithSummary("可见的异议及其答复期限；逾期未答复的标明。");

        objections.MapPost("/{objectionId:guid}/answer", async (Guid objectionId, ObjectionAnswerInput input, ClaimsPrincipal user, ILotDocuments documents, CancellationToken ct) =>
                TypedResults.Ok(await documents.AnswerAsync(user, objectionId, input, ct)))
            .RequireAuthorization(TradingPermissions.ManageDocuments)
            .ProducesValidationProblem()
            .WithSummary("答复异议：送达异议人，标段恢复。");

        var notices = api.MapGroup("/trading/notices").WithTags("交易通知 Notices").RequireAuthorization(TradingPermissions.ReadNotices);
        notices.MapGet("/", async (ClaimsPrincipal user, ITradingNotices inbox, CancellationToken ct) => TypedResults.Ok(await inbox.InboxAsync(user, ct)))
            .WithSummary("本单位的交易通知及未读数量。");
        notices.MapPost("/{noticeId:guid}/read", async (Guid noticeId, ClaimsPrincipal user, ITradingNotices inbox, CancellationToken ct) =>
            {
                await inbox.MarkReadAsync(user, noticeId, ct);
                return TypedResults.NoContent();
            })
            .WithSummary("标记通知为已读。");
        return api;
    }

    private static async Task<IFormFile> SingleFileAsync(HttpRequest request, CancellationToken ct)
    {
        var file = request.HasFormContentType ? (await request.ReadFormAsync(ct)).Files.GetFile("file") : null;
        return file ?? throw new InputValidationException(new Dictionary<string, string[]>(StringComparer.Ordinal)
        {
            ["file"] = [DocumentErrors.FileRequired + "（以 multipart/form-data 提交，字段名 file）"],
        });
    }
}
