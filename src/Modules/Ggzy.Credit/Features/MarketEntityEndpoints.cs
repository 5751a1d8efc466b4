using Ggzy.Credit.Contracts;
using Ggzy.Platform.Errors;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Ggzy.Credit.Features;

internal static class MarketEntityEndpoints
{
    public static IEndpointRouteBuilder MapMarketEntities(this IEndpointRouteBuilder api)
    {
        var entities = api.MapGroup("/credit/entities").WithTags("市场主体 Market entities");

        entities.MapPost("/", async Task<Created<MarketEntityInfo>> (RegisterMarketEntityInput input, IMarketEntities registry, CancellationToken ct) =>
            {
                var entity = await registry.RegisterAsync(input, ct);
                return TypedResults.Created($"/api/v1/credit/entities/{entity.CreditCode}", entity);
            })
            .AllowAnonymous()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("市场主体注册（一次注册、全平台通用）：校验统一社会信用代码，创建主体、本单位管理员账户，并签署信用承诺书（commitmentSigned 须为 true）。同一代码只能注册一次。");

        entities.MapGet("/{code}", async (string code, IMarketEntities registry, CancellationToken ct) =>
                TypedResults.Ok(await registry.FindByCreditCodeAsync(code, ct)
                    ?? throw new NotFoundException($"没有以统一社会信用代码 {code} 注册的市场主体。")))
            .AllowAnonymous()
            .WithSummary("按统一社会信用代码查询已注册的市场主体及其签署的信用承诺书（公开信息，不含联系方式）。");
        return api;
    }
}
