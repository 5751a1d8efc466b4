using System.Security.Claims;
using System.Text;
using Ggzy.Trading.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Ggzy.Trading.Features.Award;

/// <summary>The award and contract API (docs/award.md).</summary>
internal static class AwardEndpoints
{
    public static IEndpointRouteBuilder MapAward(this IEndpointRouteBuilder api)
    {
        var award = api.MapGroup("/trading/lots/{lotId:guid}/award").WithTags("定标与合同 Award and contract");

        award.MapGet("/", async (Guid lotId, ClaimsPrincipal user, AwardService awards, CancellationToken ct) =>
                TypedResults.Ok(await awards.ViewAsync(user, lotId, ct)))
            .RequireAuthorization(TradingPermissions.ReadAward)
            .WithSummary("标段的定标与合同：评标报告的中标候选人、公示、异议、中标通知书、合同、履约记录和各项法定期限；投标人只看到本单位的得分与排序。");

        award.MapPost("/publicity", async (Guid lotId, PublicityInput input, ClaimsPrincipal user, AwardService awards, CancellationToken ct) =>
                TypedResults.Ok(await awards.StartPublicityAsync(user, lotId, input, ct)))
            .RequireAuthorization(TradingPermissions.ManageAward)
            .WithSummary("发布中标候选人公示（工程招标）：自收到评标报告之日起 3 日内，公示期不少于 3 日（实施条例 第五十四条）。");

        award.MapPost("/objections", async (Guid lotId, AwardObjectionInput input, ClaimsPrincipal user, AwardService awards, CancellationToken ct) =>
                TypedResults.Ok(await awards.RaiseObjectionAsync(user, lotId, input, ct)))
            .RequireAuthorization(TradingPermissions.RaiseObjection)
            .WithSummary("投标人在公示期内对评标结果提出异议；答复前暂停招标投标活动（实施条例 第五十四条）。");

        award.MapPost("/objections/{objectionId:guid}/answer", async (Guid lotId, Guid objectionId, AwardAnswerInput input, ClaimsPrincipal user,
                AwardService awards, CancellationToken ct) =>
                TypedResults.Ok(await awards.AnswerObjectionAsync(user, lotId, objectionId, input, ct)))
            .RequireAuthorization(TradingPermissions.ManageAward)
            .WithSummary("招标人自收到异议之日起 3 日内答复；全部答复后恢复程序。");

        award.MapPost("/decide", async (Guid lotId, AwardInput input, ClaimsPrincipal user, AwardService awards, CancellationToken ct) =>
                TypedResults.Ok(await awards.AwardAsync(user, lotId, input, ct)))
            .RequireAuthorization(TradingPermissions.ManageAward)
            .WithSummary("定标：确定中标人（排名第一以外的须写明法定理由），发出平台签名的中标通知书，公告中标结果并通知未中标人。");

        award.MapGet("/notice", async (Guid lotId, ClaimsPrincipal user, AwardService awards, CancellationToken ct) =>
            {
                var (json, _, code) = await awards.NoticeAsync(user, lotId, ct);
                return TypedResults.File(Encoding.UTF8.GetBytes(json), "application/json", $"award-notice-{code}.json");
            })
            .RequireAuthorization(TradingPermissions.ReadAward)
            .WithSummary("中标通知书原文（UTF-8 JSON，平台签名的字节）：中标人、招标人、代理机构和监管部门下载。");

        award.MapGet("/notice/signature", async (Guid lotId, ClaimsPrincipal user, AwardService awards, CancellationToken ct) =>
            {
                var (_, signature, code) = await awards.NoticeAsync(user, lotId, ct);
                return TypedResults.File(Convert.FromBase64String(signature), "application/octet-stream", $"award-notice-{code}.sig");
            })
            .RequireAuthorization(TradingPermissions.ReadAward)
            .WithSummary("平台对中标通知书的 SM3withSM2 签名（DER）。");

        award.MapPost("/contract", async (Guid lotId, ContractDraftInput input, ClaimsPrincipal user, AwardService awards, CancellationToken ct) =>
                TypedResults.Ok(await awards.DraftContractAsync(user, lotId, input, ct)))
            .RequireAuthorization(TradingPermissions.ManageAward)
            .WithSummary("招标人起草合同：当事人、合同金额（中标价）和主要条款；任何一方签署前可修改。");

        award.MapGet("/contract/document", async (Guid lotId, ClaimsPrincipal user, AwardService awards, CancellationToken ct) =>
            {
                var (json, code) = await awards.ContractDocumentAsync(user, lotId, ct);
                return TypedResults.File(Encoding.UTF8.GetBytes(json), "application/json", $"contract-{code}.json");
            })
            .RequireAuthorization(TradingPermissions.ReadAward)
            .WithSummary("合同原文（UTF-8 JSON），其 SM3 摘要即签署时提交的摘要。");

        award.MapPost("/contract/sign", async (Guid lotId, ContractSignInput input, ClaimsPrincipal user, AwardService awards, CancellationToken ct) =>
                TypedResults.Ok(await awards.SignContractAsync(user, lotId, input, ct)))
            .RequireAuthorization(TradingPermissions.SignContract)
            .WithSummary("合同当事人（采购人或中标人本单位的用户）签署合同：提交所读合同的 SM3 摘要。双方签署后合同订立，投标保证金退还期限开始计算。");

        award.MapPost("/contract/publish", async (Guid lotId, ClaimsPrincipal user, AwardService awards, CancellationToken ct) =>
                TypedResults.Ok(await awards.PublishContractAsync(user, lotId, ct)))
            .RequireAuthorization(TradingPermissions.ManageAward)
            .WithSummary("公告合同主要条款（政府采购：自合同签订之日起 2 个工作日内，采购条例 第五十条）。");

        award.MapPost("/contract/performance", async (Guid lotId, PerformanceInput input, ClaimsPrincipal user, AwardService awards, CancellationToken ct) =>
                TypedResults.Ok(await awards.AddPerformanceAsync(user, lotId, input, ct)))
            .RequireAuthorization(TradingPermissions.ManageAward)
            .WithSummary("添加履约记录：验收（acceptance）、支付（payment）、质量缺陷（defect）或其他（other），注明日期。");

        award.MapPost("/supervisor-report", async (Guid lotId, AwardFilingInput input, ClaimsPrincipal user, AwardService awards, CancellationToken ct) =>
                TypedResults.Ok(await awards.FileSupervisorReportAsync(user, lotId, input, ct)))
            .RequireAuthorization(TradingPermissions.ManageAward)
            .ProducesValidationProblem()
            .WithSummary("登记向有关行政监督部门提交招标投标情况书面报告（工程招标，自确定中标人之日起 15 日内，招标投标法 第四十七条）：日期、接收部门、回执编号。");

        award.MapPost("/report-delivery", async (Guid lotId, AwardFilingInput input, ClaimsPrincipal user, AwardService awards, CancellationToken ct) =>
                TypedResults.Ok(await awards.RecordReportDeliveryAsync(user, lotId, input, ct)))
            .RequireAuthorization(TradingPermissions.ManageAward)
            .ProducesValidationProblem()
            .WithSummary("登记评标报告送采购人（政府采购，评标结束后 2 个工作日内，87号令 第六十八条；采购条例 第四十三条）：日期、接收人。");

        award.MapPost("/filings/{filing}/correction", async (Guid lotId, string filing, AwardFilingCorrectionInput input, ClaimsPrincipal user, AwardService awards,
                CancellationToken ct) => TypedResults.Ok(await awards.CorrectFilingAsync(user, lotId, filing, input, ct)))
            .RequireAuthorization(TradingPermissions.CorrectFiling)
            .ProducesValidationProblem()
            .WithSummary("交易中心更正已登记的日期（filing：supervisor-report 或 report-to-purchaser），须写明理由：原日期保留在更正记录和交易记录中，归档包载明更正。");

        var published = api.MapGroup("/trading/awards/published").WithTags("定标与合同 Award and contract").AllowAnonymous();
        published.MapGet("/", async (string? kind, string? keyword, IPublishedAwards awards, CancellationToken ct) =>
                TypedResults.Ok(await awards.ListAsync(PublishedAwards.KindOf(kind), keyword, ct)))
            .WithSummary("已发布的中标候选人公示（publicity）、中标结果公告（result）和合同公告（contract）。");
        published.MapGet("/{lotId:guid}", async Task<Microsoft.AspNetCore.Http.HttpResults.Results<Microsoft.AspNetCore.Http.HttpResults.Ok<PublishedAwardView>, Microsoft.AspNetCore.Http.HttpResults.NotFound>> (
                Guid lotId, IPublishedAwards awards, CancellationToken ct) =>
                await awards.FindAsync(lotId, ct) is { } view ? TypedResults.Ok(view) : TypedResults.NotFound())
            .WithSummary("标段已发布的公示和公告。");
        return api;
    }
}
