using System.Security.Claims;
using Ggzy.Experts.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Ggzy.Experts.Features.Draws;

/// <summary>The expert draw API (docs/expert-draw.md §10).</summary>
internal static class DrawEndpoints
{
    public static IEndpointRouteBuilder MapDraws(this IEndpointRouteBuilder api)
    {
        var draws = api.MapGroup("/experts/draws").WithTags("专家抽取 Expert draw");

        draws.MapGet("/", async (ClaimsPrincipal user, DrawQueries queries, CancellationToken ct) => TypedResults.Ok(await queries.ListAsync(user, ct)))
            .RequireAuthorization(DrawPermissions.Read)
            .WithSummary("专家抽取列表：招标人、代理机构看本单位项目的抽取；交易中心、公管办和行政监督部门看全部。只有进度和数量，没有专家身份。");

        draws.MapPost("/", async (DrawRequestInput input, ClaimsPrincipal user, DrawRequests requests, DrawQueries queries, CancellationToken ct) =>
            {
                var id = await requests.RequestAsync(user, input, ct);
                return TypedResults.Created($"/api/v1/experts/draws/{id}", await queries.DrawAsync(user, id, ct));
            })
            .RequireAuthorization(DrawPermissions.Request)
            .ProducesValidationProblem()
            .WithSummary("申请抽取评标专家：标段、评标开始时间、评标地点（远程异地评标可填多个）、评标委员会人数及招标人代表人数、各专业人数。"
                + "按组建规则（招标投标法第三十七条；财政部令第87号第四十七条；政府采购法第三十八条、第四十条）检查；投标截止后、评标前按设定时间自动抽取。");

        draws.MapGet("/{id:guid}", async (Guid id, ClaimsPrincipal user, DrawQueries queries, CancellationToken ct) =>
                TypedResults.Ok(await queries.DrawAsync(user, id, ct)))
            .RequireAuthorization(DrawPermissions.Read)
            .WithSummary("抽取详情：轮次、随机种子承诺值、候选人快照和抽取结果的摘要、回避排除的数量和原因、进度；专家签到后仅向受理项目的交易中心显示姓名（记入账本）。");

        draws.MapPost("/{id:guid}/cancel", async (Guid id, ClaimsPrincipal user, DrawRequests requests, DrawQueries queries, CancellationToken ct) =>
            {
                await requests.CancelAsync(user, id, ct);
                return TypedResults.Ok(await queries.DrawAsync(user, id, ct));
            })
            .RequireAuthorization(DrawPermissions.Read)
            .WithSummary("抽取前取消申请（招标人、代理机构或交易中心）。");

        draws.MapPost("/{id:guid}/run", async (Guid id, ClaimsPrincipal user, DrawHosting hosting, DrawQueries queries, CancellationToken ct) =>
            {
                await hosting.RunNowAsync(user, id, ct);
                return TypedResults.Ok(await queries.DrawAsync(user, id, ct));
            })
            .RequireAuthorization(DrawPermissions.Host)
            .WithSummary("交易中心立即抽取（或立即补抽）：投标截止、投标人名单确定之前不抽取。");

        draws.MapPost("/{id:guid}/close", async (Guid id, ClaimsPrincipal user, DrawHosting hosting, DrawQueries queries, CancellationToken ct) =>
            {
                await hosting.CloseAsync(user, id, ct);
                return TypedResults.Ok(await queries.DrawAsync(user, id, ct));
            })
            .RequireAuthorization(DrawPermissions.Host)
            .WithSummary("评标结束后结束抽取：公开各轮随机种子，发布抽取记录。");

        draws.MapGet("/{id:guid}/record", async (Guid id, DrawQueries queries, CancellationToken ct) => TypedResults.Ok(await queries.RecordAsync(id, ct)))
            .AllowAnonymous()
            .WithSummary("公开的抽取记录（不含专家身份，仅代号）：各轮随机种子及其承诺值、候选人快照及摘要、抽取结果及摘要、记录抽取的账本条目。"
                + "ggzy experts verify-draw 据此重新计算验证。评标结束、随机种子公开后发布。");

        var invitations = api.MapGroup("/experts/invitations").WithTags("专家抽取 Expert draw").RequireAuthorization(DrawPermissions.Answer);
        invitations.MapGet("/", async (ClaimsPrincipal user, DrawQueries queries, CancellationToken ct) => TypedResults.Ok(await queries.InvitationsAsync(user, ct)))
            .WithSummary("本人收到的抽取通知。");
        invitations.MapGet("/{seatId:guid}", async (Guid seatId, ClaimsPrincipal user, DrawQueries queries, CancellationToken ct) =>
                TypedResults.Ok(await queries.InvitationAsync(user, seatId, ct)))
            .WithSummary("一份抽取通知：项目、评标时间和地点、答复期限、签到时间。");
        invitations.MapPost("/{seatId:guid}/answer", async (Guid seatId, DrawAnswerInput input, ClaimsPrincipal user, DrawAnswers answers, DrawQueries queries,
                CancellationToken ct) =>
            {
                await answers.AnswerAsync(user, seatId, input, ct);
                return TypedResults.Ok(await queries.InvitationAsync(user, seatId, ct));
            })
            .WithSummary("在答复期限内以短信中的 6 位确认码确认参加（accept: true）或说明不能参加；确认后平台发送签到码。");
        invitations.MapPost("/{seatId:guid}/sign-in", async (Guid seatId, DrawSignInInput input, ClaimsPrincipal user, DrawAnswers answers, DrawQueries queries,
                CancellationToken ct) =>
            {
                await answers.SignInAsync(user, seatId, input, ct);
                return TypedResults.Ok(await queries.InvitationAsync(user, seatId, ct));
            })
            .WithSummary("评标签到：签到码，并阅读签署评标专家信用承诺书（acceptCommitment，可附 commitmentDigest 核对版本）。");
        invitations.MapGet("/commitment", () => TypedResults.Ok(ExpertCommitments.Current))
            .WithSummary("现行评标专家信用承诺书的版本、全文和 SM3 摘要。");

        api.MapGet("/experts/notifications/simulated", async (DrawQueries queries, CancellationToken ct) => TypedResults.Ok(await queries.MessagesAsync(ct)))
            .RequireAuthorization(DrawPermissions.ReadSimulatedMessages)
            .WithTags("专家抽取 Expert draw")
            .WithSummary("模拟通知网关记录的短信（仅开发和演示环境；生产环境经短信、语音网关发送，平台不留存短信内容）。");
        return api;
    }
}
