using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Ggzy.Trading.Features.Evaluation;

/// <summary>The evaluation room API (docs/evaluation.md §11).</summary>
internal static class EvaluationEndpoints
{
    public static IServiceCollection AddEvaluationRoom(this IServiceCollection services)
    {
        services.AddScoped<EvaluationRoomService>();
        services.AddScoped<IEvaluationReports, EvaluationReports>();
        services.AddScoped<Archive.ILotArchiveSection, EvaluationArchiveSection>();
        return services;
    }

    public static IEndpointRouteBuilder MapEvaluation(this IEndpointRouteBuilder api)
    {
        api.MapGet("/trading/evaluations", async (ClaimsPrincipal user, EvaluationRoomService rooms, CancellationToken ct) =>
                TypedResults.Ok(await rooms.ListAsync(user, ct)))
            .RequireAuthorization(EvaluationPermissions.Watch).WithTags("评标 Evaluation")
            .WithSummary("本人参加的评标室，及本单位项目（交易中心、监督部门：全部）的评标室。");

        var lot = api.MapGroup("/trading/lots/{lotId:guid}/evaluation").WithTags("评标 Evaluation");
        lot.MapGet("/criteria", async (Guid lotId, ClaimsPrincipal user, EvaluationRoomService rooms, CancellationToken ct) =>
                TypedResults.Ok(await rooms.SetupAsync(user, lotId, ct)))
            .RequireAuthorization(EvaluationPermissions.Setup).WithSummary("标段的评标办法（ggzy.evaluation-criteria.v1）及其 SM3。");
        lot.MapPut("/criteria", async (Guid lotId, EvaluationCriteriaInput input, ClaimsPrincipal user, EvaluationRoomService rooms, CancellationToken ct) =>
                TypedResults.Ok(await rooms.SetCriteriaAsync(user, lotId, input, ct)))
            .RequireAuthorization(EvaluationPermissions.Setup).WithSummary("评标开始前设定评标办法（按招标文件）；逐项检查价格分值下限、候选人数量等法定规则。");
        lot.MapPost("/open", async (Guid lotId, OpenRoomInput input, ClaimsPrincipal user, EvaluationRoomService rooms, CancellationToken ct) =>
                TypedResults.Ok(await rooms.OpenAsync(user, lotId, input, ct)))
            .RequireAuthorization(EvaluationPermissions.Open).WithSummary("开标结束后开启评标室：已签到的抽取专家和指定的招标人代表组成评标委员会。");
        lot.MapGet("/", async (Guid lotId, ClaimsPrincipal user, EvaluationRoomService rooms, CancellationToken ct) =>
                TypedResults.Ok(await rooms.RoomAsync(user, lotId, ct)))
            .RequireAuthorization(EvaluationPermissions.Watch).WithSummary("评标室：已签到的成员看到投标、本人评审和可见的评分；其他人只看到进度。每次查看记入账本。");
        lot.MapPost("/sign-in", async (Guid lotId, ClaimsPrincipal user, EvaluationRoomService rooms, CancellationToken ct) =>
                TypedResults.Ok(await rooms.SignInAsync(user, lotId, ct)))
            .RequireAuthorization(EvaluationPermissions.Sit).WithSummary("招标人代表在评标现场签到。");
        lot.MapPost("/votes", async (Guid lotId, VoteInput input, ClaimsPrincipal user, EvaluationRoomService rooms, CancellationToken ct) =>
                TypedResults.Ok(await rooms.VoteAsync(user, lotId, input, ct)))
            .RequireAuthorization(EvaluationPermissions.Sit).WithSummary("推选评标委员会主任：过半数当选，否则重新投票。");
        lot.MapPost("/reviews", async (Guid lotId, ReviewInput input, ClaimsPrincipal user, EvaluationRoomService rooms, CancellationToken ct) =>
                TypedResults.Ok(await rooms.ReviewAsync(user, lotId, input, ct)))
            .RequireAuthorization(EvaluationPermissions.Sit).WithSummary("成员对投标作出资格审查或符合性审查结论；不通过的须写明理由。");
        lot.MapPost("/reviews/conclude", async (Guid lotId, ClaimsPrincipal user, EvaluationRoomService rooms, CancellationToken ct) =>
                TypedResults.Ok(await rooms.ConcludeAsync(user, lotId, ct)))
            .RequireAuthorization(EvaluationPermissions.Sit).WithSummary("主任结束本阶段审查：每个投标按少数服从多数作出结论。");
        lot.MapPost("/bids/{bidId:guid}/rejection", async (Guid lotId, Guid bidId, RejectionInput input, ClaimsPrincipal user, EvaluationRoomService rooms, CancellationToken ct) =>
                TypedResults.Ok(await rooms.RejectAsync(user, lotId, bidId, input, ct)))
            .RequireAuthorization(EvaluationPermissions.Sit).WithSummary("主任记录否决投标的依据和理由，或在详细评审中否决投标。");
        lot.MapPut("/scores", async (Guid lotId, ScoreInput input, ClaimsPrincipal user, EvaluationRoomService rooms, CancellationToken ct) =>
                TypedResults.Ok(await rooms.DraftScoreAsync(user, lotId, input, ct)))
            .RequireAuthorization(EvaluationPermissions.Sit).WithSummary("成员保存对一个投标的评分草稿（只有本人可见）。");
        lot.MapPost("/scores/submit", async (Guid lotId, ClaimsPrincipal user, EvaluationRoomService rooms, CancellationToken ct) =>
                TypedResults.Ok(await rooms.SubmitScoresAsync(user, lotId, ct)))
            .RequireAuthorization(EvaluationPermissions.Sit).WithSummary("成员一次提交对全部投标的评分；提交后才能看到其他成员已提交的评分。");
        lot.MapPost("/scores/revise", async (Guid lotId, ReviseInput input, ClaimsPrincipal user, EvaluationRoomService rooms, CancellationToken ct) =>
                TypedResults.Ok(await rooms.ReviseAsync(user, lotId, input, ct)))
            .RequireAuthorization(EvaluationPermissions.Sit).WithSummary("成员更正本人已提交的评分并说明理由（载入评标报告）。");
        lot.MapPost("/justifications", async (Guid lotId, JustifyInput input, ClaimsPrincipal user, EvaluationRoomService rooms, CancellationToken ct) =>
                TypedResults.Ok(await rooms.JustifyAsync(user, lotId, input, ct)))
            .RequireAuthorization(EvaluationPermissions.Sit).WithSummary("主任代表评标委员会认定畸高畸低评分并说明理由。");
        lot.MapPost("/competition", async (Guid lotId, CompetitionInput input, ClaimsPrincipal user, EvaluationRoomService rooms, CancellationToken ct) =>
                TypedResults.Ok(await rooms.DecideCompetitionAsync(user, lotId, input, ct)))
            .RequireAuthorization(EvaluationPermissions.Sit).WithSummary("有效投标不足三个时，论证是否缺乏竞争并决定是否否决全部投标。");
        lot.MapPost("/corrections", async (Guid lotId, CorrectionInput input, ClaimsPrincipal user, EvaluationRoomService rooms, CancellationToken ct) =>
                TypedResults.Ok(await rooms.ProposeCorrectionAsync(user, lotId, input, ct)))
            .RequireAuthorization(EvaluationPermissions.Sit).WithSummary("按修正规则提出报价修正，发送投标人确认。");
        lot.MapPut("/adjustments", async (Guid lotId, AdjustmentInput input, ClaimsPrincipal user, EvaluationRoomService rooms, CancellationToken ct) =>
                TypedResults.Ok(await rooms.AdjustAsync(user, lotId, input, ct)))
            .RequireAuthorization(EvaluationPermissions.Sit).WithSummary("主任按招标文件规定的评标价格调整因素录入（或更改）对一个投标的调整值及理由（经评审的最低投标价法；政府采购仅限政策性价格扣除）。");
        lot.MapPost("/clarifications", async (Guid lotId, ClarificationInput input, ClaimsPrincipal user, EvaluationRoomService rooms, CancellationToken ct) =>
                TypedResults.Ok(await rooms.AskAsync(user, lotId, input, ct)))
            .RequireAuthorization(EvaluationPermissions.Sit).WithSummary("通过平台要求投标人澄清、说明或补正，并规定答复截止时间。");
        lot.MapPost("/report", async (Guid lotId, ClaimsPrincipal user, EvaluationRoomService rooms, CancellationToken ct) =>
                TypedResults.Ok(await rooms.GenerateReportAsync(user, lotId, ct)))
            .RequireAuthorization(EvaluationPermissions.Sit).WithSummary("报告前检查全部解决后，主任生成评标报告（内容固定并计算 SM3）。");
        lot.MapGet("/report", async (Guid lotId, ClaimsPrincipal user, EvaluationRoomService rooms, CancellationToken ct) =>
            {
                var (html, digest) = await rooms.ReportDocumentAsync(user, lotId, ct);
                return TypedResults.File(Encoding.UTF8.GetBytes(html), "text/html; charset=utf-8", $"evaluation-report-{digest[..12]}.html");
            })
            .RequireAuthorization(EvaluationPermissions.Watch).WithSummary("评标报告文档（HTML）；签署完成后为附签署页的报告。");
        lot.MapPost("/report/sign", async (Guid lotId, SignInput input, ClaimsPrincipal user, EvaluationRoomService rooms, CancellationToken ct) =>
                TypedResults.Ok(await rooms.SignAsync(user, lotId, input, ct)))
            .RequireAuthorization(EvaluationPermissions.Sit).WithSummary("成员签署评标报告，或签署不同意见并说明理由。");
        lot.MapPost("/report/complete", async (Guid lotId, ClaimsPrincipal user, EvaluationRoomService rooms, CancellationToken ct) =>
                TypedResults.Ok(await rooms.CompleteAsync(user, lotId, ct)))
            .RequireAuthorization(EvaluationPermissions.Watch).WithSummary("主任或交易中心结束签署：未签字且未陈述理由的成员视为同意，提交评标报告。");

        var bidder = api.MapGroup("/trading/lots/{lotId:guid}/evaluation/bidder").WithTags("评标 Evaluation");
        bidder.MapGet("/", async (Guid lotId, ClaimsPrincipal user, EvaluationRoomService rooms, CancellationToken ct) =>
                TypedResults.Ok(await rooms.BidderAsync(user, lotId, ct)))
            .RequireAuthorization(EvaluationPermissions.Respond).WithSummary("本单位收到的澄清要求和报价修正。");
        bidder.MapPost("/corrections/{correctionId:guid}", async (Guid lotId, Guid correctionId, CorrectionDecisionInput input, ClaimsPrincipal user,
                EvaluationRoomService rooms, CancellationToken ct) => TypedResults.Ok(await rooms.DecideCorrectionAsync(user, lotId, correctionId, input, ct)))
            .RequireAuthorization(EvaluationPermissions.Respond).WithSummary("投标人在线确认或不确认修正后的报价；确认后才产生约束力。");
        bidder.MapPost("/clarifications/{clarificationId:guid}", async (Guid lotId, Guid clarificationId, ClarificationAnswerInput input, ClaimsPrincipal user,
                EvaluationRoomService rooms, CancellationToken ct) => TypedResults.Ok(await rooms.AnswerAsync(user, lotId, clarificationId, input, ct)))
            .RequireAuthorization(EvaluationPermissions.Respond).WithSummary("投标人在截止时间前答复澄清要求。");
        return api;
    }
}
