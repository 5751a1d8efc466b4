using System.Security.Claims;
using Ggzy.Trading.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Ggzy.Trading.Features.Procedures;

internal static class ProcedureEndpoints
{
    public static IEndpointRouteBuilder MapProcedures(this IEndpointRouteBuilder api)
    {
        var lots = api.MapGroup("/trading/lots").WithTags("标段程序 Procedures");

        lots.MapGet("/{id:guid}", async (Guid id, ClaimsPrincipal user, IProcedures procedures, CancellationToken ct) =>
                TypedResults.Ok(await procedures.LotAsync(user, id, ct)))
            .RequireAuthorization(TradingPermissions.ReadProcedure)
            .WithSummary("标段的程序：状态、时间安排、每一步记录和当前可进行的操作。");

        var manage = lots.MapGroup("/{id:guid}").RequireAuthorization(TradingPermissions.ManageProcedure);
        manage.MapPost("/pause", async (Guid id, LotActionInput input, ClaimsPrincipal user, IProcedures procedures, CancellationToken ct) =>
            {
                await procedures.PauseAsync(user, id, input, ct);
                return TypedResults.NoContent();
            })
            .ProducesValidationProblem()
            .WithSummary("暂停招标程序（如异议处理期间，实施条例 第二十二条），须写明原因。");

        manage.MapPost("/resume", async (Guid id, LotActionInput input, ClaimsPrincipal user, IProcedures procedures, CancellationToken ct) =>
            {
                await procedures.ResumeAsync(user, id, input, ct);
                return TypedResults.NoContent();
            })
            .ProducesValidationProblem()
            .WithSummary("恢复暂停的招标程序，回到暂停前的状态，须写明原因。");

        manage.MapPost("/terminate", async Task<Results<NoContent, Accepted<TerminationRequestView>>> (Guid id, LotActionInput input, ClaimsPrincipal user,
                IProcedures procedures, CancellationToken ct) =>
                await procedures.TerminateAsync(user, id, input, ct) is { } request
                    ? TypedResults.Accepted($"/api/v1/trading/lots/{id}", request)
                    : TypedResults.NoContent())
            .ProducesValidationProblem()
            .WithSummary("终止招标（实施条例 第三十一条；87号令 第二十九条），须选择法定情形并写明具体情况：发布终止公告、通知已获取文件或已投标的单位、启动投标保证金退还。"
                + "工程建设项目须经行政监督管理部门确认（吉林市细则 第十七条）：返回 202 和待确认的终止申请，确认后才终止并发布终止公告。");

        lots.MapGet("/terminations/pending", async (ClaimsPrincipal user, FailurePaths failures, CancellationToken ct) =>
                TypedResults.Ok(await failures.PendingAsync(user, ct)))
            .RequireAuthorization(TradingPermissions.ReadPendingTerminations)
            .WithSummary("待行政监督部门确认的终止申请（吉林市细则 第十七条）：行政监督部门看到本部门监督的项目的申请，公管办看到全部；标段、终止情形和说明、申请人和时间。");

        var decide = lots.MapGroup("/{id:guid}/termination").RequireAuthorization(TradingPermissions.ConfirmTermination);
        decide.MapPost("/confirm", async (Guid id, TerminationDecisionInput input, ClaimsPrincipal user, IProcedures procedures, CancellationToken ct) =>
            {
                await procedures.ConfirmTerminationAsync(user, id, input, ct);
                return TypedResults.NoContent();
            })
            .ProducesValidationProblem()
            .WithSummary("行政监督部门确认工程建设项目标段的终止申请（吉林市细则 第十七条）：标段终止，发布终止公告，通知有关单位，启动投标保证金退还。");
        decide.MapPost("/refuse", async (Guid id, TerminationDecisionInput input, ClaimsPrincipal user, IProcedures procedures, CancellationToken ct) =>
            {
                await procedures.RefuseTerminationAsync(user, id, input, ct);
                return TypedResults.NoContent();
            })
            .ProducesValidationProblem()
            .WithSummary("行政监督部门不予确认终止申请，须写明理由：程序继续。");

        manage.MapPost("/retender", async (Guid id, ClaimsPrincipal user, FailurePaths failures, CancellationToken ct) =>
            {
                var created = await failures.RetenderAsync(user, id, ct);
                return TypedResults.Created($"/api/v1/trading/lots/{created.LotId}", created);
            })
            .WithSummary("重新招标（招标投标法 第二十八条、第四十二条；实施条例 第四十四条；87号令 第四十一条、第四十三条）：由招标失败的标段新建草稿标段，沿用名称、估算价和招标方式，两标段互相链接。");

        lots.MapGet("/{id:guid}/retender", async (Guid id, ClaimsPrincipal user, FailurePaths failures, CancellationToken ct) =>
                TypedResults.Ok(await failures.LinksAsync(user, id, ct)))
            .RequireAuthorization(TradingPermissions.ReadProcedure)
            .WithSummary("标段的重新招标链接：由哪个招标失败的标段重新招标而来，或已重新招标为哪个标段。");
        return api;
    }
}
