using System.Security.Claims;
using Ggzy.Trading.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Ggzy.Trading.Features.Opening;

/// <summary>The remote bid opening API (docs/bid-opening.md).</summary>
internal static class OpeningEndpoints
{
    public static IEndpointRouteBuilder MapOpenings(this IEndpointRouteBuilder api)
    {
        var lot = api.MapGroup("/trading/lots/{lotId:guid}/opening").WithTags("开标 Bid opening");

        lot.MapGet("/settings", async (Guid lotId, ClaimsPrincipal user, IBidOpenings openings, CancellationToken ct) =>
                TypedResults.Ok(await openings.SettingsAsync(user, lotId, ct)))
            .RequireAuthorization(TradingPermissions.ManageOpening)
            .WithSummary("标段的开标事项：唱标内容、解密时限、补救方案、标底和最高投标限价（未设定时为默认值）。");

        lot.MapPut("/settings", async (Guid lotId, OpeningSettingsInput input, ClaimsPrincipal user, IBidOpenings openings, CancellationToken ct) =>
                TypedResults.Ok(await openings.SetSettingsAsync(user, lotId, input, ct)))
            .RequireAuthorization(TradingPermissions.ManageOpening)
            .WithSummary("投标截止前设定开标事项（随招标文件确定）；标底在开标时公布，此前保密。");

        lot.MapGet("/", async (Guid lotId, ClaimsPrincipal user, IBidOpenings openings, CancellationToken ct) =>
                TypedResults.Ok(await openings.HallAsync(user, lotId, ct)))
            .RequireAuthorization(TradingPermissions.WatchOpening)
            .WithSummary("开标大厅：阶段、每一步及其时间、签到、投标文件及解密结果、开标异议、开标记录；投标截止前任何人不得查看。");

        lot.MapPost("/sign-in", async (Guid lotId, OpeningSignInInput input, ClaimsPrincipal user, IBidOpenings openings, CancellationToken ct) =>
                TypedResults.Ok(await openings.SignInAsync(user, lotId, input, ct)))
            .RequireAuthorization(TradingPermissions.AttendOpening)
            .WithSummary("投标人签到：提交证书登录挑战编号和签名（POST /api/v1/auth/certificate/challenge 取得挑战），或以本单位账户会话签到。");

        lot.MapPost("/decrypt", async (Guid lotId, OpeningDecryptInput input, ClaimsPrincipal user, IBidOpenings openings, CancellationToken ct) =>
                TypedResults.Ok(await openings.DecryptAsync(user, lotId, input, ct)))
            .RequireAuthorization(TradingPermissions.AttendOpening)
            .WithSummary("在解密时间内解密本单位的投标文件：提交在本机用证书私钥解出的内容密钥（32 位十六进制，ggzy bid unseal 给出），私钥不离开本机。");

        lot.MapPost("/decryption/close", async (Guid lotId, ClaimsPrincipal user, IBidOpenings openings, CancellationToken ct) =>
                TypedResults.Ok(await openings.CloseDecryptionAsync(user, lotId, ct)))
            .RequireAuthorization(TradingPermissions.HostOpening)
            .WithSummary("结束解密：解密时间已到，或全部投标文件已有结果。");

        lot.MapPost("/read-out", async (Guid lotId, ClaimsPrincipal user, IBidOpenings openings, CancellationToken ct) =>
                TypedResults.Ok(await openings.ReadOutAsync(user, lotId, ct)))
            .RequireAuthorization(TradingPermissions.HostOpening)
            .WithSummary("唱标：公布投标人名称、投标价格和招标文件规定的其他内容及标底或最高投标限价，生成平台签名的开标记录。");

        lot.MapPost("/confirm", async (Guid lotId, OpeningConfirmInput input, ClaimsPrincipal user, IBidOpenings openings, CancellationToken ct) =>
                TypedResults.Ok(await openings.ConfirmAsync(user, lotId, input, ct)))
            .RequireAuthorization(TradingPermissions.AttendOpening)
            .WithSummary("已签到的投标人确认开标记录（可附开标记录摘要核对）；未确认的，结束开标时视为认可（财政部令第87号 第四十二条）。");

        lot.MapPost("/objections", async (Guid lotId, OpeningObjectionInput input, ClaimsPrincipal user, IBidOpenings openings, CancellationToken ct) =>
                TypedResults.Ok(await openings.RaiseObjectionAsync(user, lotId, input, ct)))
            .RequireAuthorization(TradingPermissions.AttendOpening)
            .WithSummary("投标人在开标现场提出异议（实施条例 第四十四条）。");

        lot.MapPost("/objections/{objectionId:guid}/answer", async (Guid lotId, Guid objectionId, OpeningAnswerInput input, ClaimsPrincipal user,
                IBidOpenings openings, CancellationToken ct) =>
                TypedResults.Ok(await openings.AnswerObjectionAsync(user, lotId, objectionId, input, ct)))
            .RequireAuthorization(TradingPermissions.ManageOpening)
            .WithSummary("招标人当场答复开标异议，并记录（实施条例 第四十四条）。");

        lot.MapPost("/close", async (Guid lotId, ClaimsPrincipal user, IBidOpenings openings, CancellationToken ct) =>
                TypedResults.Ok(await openings.CloseAsync(user, lotId, ct)))
            .RequireAuthorization(TradingPermissions.HostOpening)
            .WithSummary("结束开标并公布开标记录；异议须已全部答复，未确认的投标人视为认可。");

        lot.MapGet("/recordings", async (Guid lotId, ClaimsPrincipal user, IBidOpenings openings, CancellationToken ct) =>
                TypedResults.Ok(await openings.RecordingsAsync(user, lotId, ct)))
            .RequireAuthorization(TradingPermissions.WatchOpening)
            .WithSummary("开标录音录像的登记（交易中心工作人员、公管办和行政监督部门查看）；不属于开标记录。");

        lot.MapPost("/recordings", async (Guid lotId, OpeningRecordingInput input, ClaimsPrincipal user, IBidOpenings openings, CancellationToken ct) =>
                TypedResults.Ok(await openings.RegisterRecordingAsync(user, lotId, input, ct)))
            .RequireAuthorization(TradingPermissions.HostOpening)
            .WithSummary("交易中心工作人员登记交易中心录音录像系统对开标的录音录像：文件位置、SM3 摘要、起止时间和备注（财政部令第87号 第三十九条：开标应当全程录音录像）。");

        var published = api.MapGroup("/trading/openings/published").WithTags("开标 Bid opening").AllowAnonymous();
        published.MapGet("/", async (IBidOpenings openings, CancellationToken ct) => TypedResults.Ok(await openings.PublishedAsync(ct)))
            .WithSummary("已公布的开标记录。");
        published.MapGet("/{lotId:guid}", async (Guid lotId, IBidOpenings openings, CancellationToken ct) =>
                TypedResults.Ok(await openings.PublishedAsync(lotId, ct)))
            .WithSummary("标段已公布的开标记录：平台签名的记录原文、签名、投标人确认情况和开标异议及答复。");
        return api;
    }
}
