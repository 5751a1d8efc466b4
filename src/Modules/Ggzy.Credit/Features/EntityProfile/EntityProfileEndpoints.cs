using System.Security.Claims;
using Ggzy.Credit.Contracts;
using Ggzy.Platform.Errors;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Ggzy.Credit.Features.EntityProfile;

internal static class EntityProfileEndpoints
{
    public static IEndpointRouteBuilder MapEntityProfiles(this IEndpointRouteBuilder api)
    {
        api.MapGet("/credit/entities/{code}/profile", async (string code, IEntityProfiles profiles, CancellationToken ct) =>
                TypedResults.Ok(await profiles.FindAsync(code, ct)
                    ?? throw new NotFoundException($"没有以统一社会信用代码 {code} 注册的市场主体。")))
            .AllowAnonymous()
            .WithTags("市场主体 Market entities")
            .WithSummary("市场主体公开的业绩和资质（现行记录；已撤回的不列出，资质标明是否过期）。");

        var own = api.MapGroup("/credit/profile").WithTags("本单位信息 Own entity").RequireAuthorization(CreditPermissions.ManageOwnEntity);

        own.MapGet("/", async (ClaimsPrincipal user, IEntityProfiles profiles, CancellationToken ct) => TypedResults.Ok(await profiles.OwnAsync(user, ct)))
            .WithSummary("本单位现行的业绩和资质。");

        own.MapPost("/performance", async (PerformanceInput input, ClaimsPrincipal user, IEntityProfiles profiles, CancellationToken ct) =>
                TypedResults.Created("/api/v1/credit/profile", await profiles.AddPerformanceAsync(user, input, ct)))
            .ProducesValidationProblem()
            .WithSummary("登记一条业绩：项目名称、委托单位、合同金额（元，大于 0）、竣工日期（不晚于今天）、说明（可选）。");

        own.MapPut("/performance/{id:guid}", async (Guid id, PerformanceInput input, ClaimsPrincipal user, IEntityProfiles profiles, CancellationToken ct) =>
                TypedResults.Ok(await profiles.CorrectPerformanceAsync(user, id, input, ct)))
            .ProducesValidationProblem()
            .WithSummary("更正一条业绩：原记录撤回并保留，新记录注明所更正的记录。");

        own.MapPost("/performance/{id:guid}/withdraw", async (Guid id, ClaimsPrincipal user, IEntityProfiles profiles, CancellationToken ct) =>
            {
                await profiles.WithdrawPerformanceAsync(user, id, ct);
                return TypedResults.NoContent();
            })
            .WithSummary("撤回一条业绩（记录保留在历史和账本中，不再公开）。");

        own.MapPost("/qualifications", async (QualificationInput input, ClaimsPrincipal user, IEntityProfiles profiles, CancellationToken ct) =>
                TypedResults.Created("/api/v1/credit/profile", await profiles.AddQualificationAsync(user, input, ct)))
            .ProducesValidationProblem()
            .WithSummary("登记一项资质：名称、证书编号、发证机关、等级（可选）、有效期。");

        own.MapPut("/qualifications/{id:guid}", async (Guid id, QualificationInput input, ClaimsPrincipal user, IEntityProfiles profiles, CancellationToken ct) =>
                TypedResults.Ok(await profiles.CorrectQualificationAsync(user, id, input, ct)))
            .ProducesValidationProblem()
            .WithSummary("更正一项资质：原记录撤回并保留，新记录注明所更正的记录。");

        own.MapPost("/qualifications/{id:guid}/withdraw", async (Guid id, ClaimsPrincipal user, IEntityProfiles profiles, CancellationToken ct) =>
            {
                await profiles.WithdrawQualificationAsync(user, id, ct);
                return TypedResults.NoContent();
            })
            .WithSummary("撤回一项资质（记录保留在历史和账本中，不再公开）。");
        return api;
    }
}
