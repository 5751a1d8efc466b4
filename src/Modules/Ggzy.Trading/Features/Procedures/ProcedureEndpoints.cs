using System.Security.Claims;
using Ggzy.Trading.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
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

        manage.MapPost("/terminate", async (Guid id, LotActionInput input, ClaimsPrincipal user, IProcedures procedures, CancellationToken ct) =>
            {
                await procedures.TerminateAsync(user, id, input, ct);
                return TypedResults.NoContent();
            })
            .ProducesValidationProblem()
            .WithSummary("终止招标（实施条例 第三十一条），须写明原因。");
        return api;
    }
}
