using System.Security.Claims;
using Ggzy.Trading.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Ggzy.Trading.Features.Catalog;

internal static class CatalogEndpoints
{
    public static IEndpointRouteBuilder MapCatalog(this IEndpointRouteBuilder api)
    {
        var catalog = api.MapGroup("/trading/catalog").WithTags("交易目录 Catalog");

        catalog.MapGet("/", async (ITradingCatalog catalogs, TimeProvider clock, CancellationToken ct) =>
                await catalogs.CurrentAsync(clock.GetUtcNow(), ct) is { } current ? Results.Ok(current) : Results.NotFound())
            .AllowAnonymous()
            .WithSummary("现行交易目录：行业领域、项目类型、限额（元）、适用区域、承接的交易场所和依据（R1）。");

        catalog.MapGet("/classify", async (string? sector, string? projectType, decimal? amount, string? region,
                    ITradingCatalog catalogs, TimeProvider clock, CancellationToken ct) =>
                TypedResults.Ok(await catalogs.ClassifyAsync(sector, projectType, amount, region, clock.GetUtcNow(), ct)))
            .AllowAnonymous()
            .ProducesValidationProblem()
            .WithSummary("是否须进场交易：按现行目录判断项目（行业领域、项目类型、估算价（元）、行政区划代码）须进场、可自愿进场或不在目录之内，并给出依据和受理的交易中心或分中心（R1–R3）。");

        catalog.MapGet("/versions", async (ICatalogAdministration admin, CancellationToken ct) => TypedResults.Ok(await admin.VersionsAsync(ct)))
            .RequireAuthorization(TradingPermissions.ReadCatalogVersions)
            .WithSummary("交易目录的全部版本及其起草、审批、发布记录。");

        catalog.MapGet("/versions/{id:guid}", async (Guid id, ICatalogAdministration admin, CancellationToken ct) =>
                TypedResults.Ok(await admin.VersionAsync(id, ct)))
            .RequireAuthorization(TradingPermissions.ReadCatalogVersions)
            .WithSummary("交易目录的一个版本。");

        var drafting = catalog.MapGroup("/versions").RequireAuthorization(TradingPermissions.DraftCatalog);
        drafting.MapPost("/", async (CatalogDraftInput input, ClaimsPrincipal user, ICatalogAdministration admin, CancellationToken ct) =>
            {
                var draft = await admin.DraftAsync(Actor(user), input, ct);
                return TypedResults.Created($"/api/v1/trading/catalog/versions/{draft.Id}", draft);
            })
            .ProducesValidationProblem()
            .WithSummary("起草新版本：复制现行目录，写明制定依据；同时只能有一个未发布的版本。");

        drafting.MapPost("/{id:guid}/entries", async (Guid id, CatalogEntryInput input, ClaimsPrincipal user, ICatalogAdministration admin, CancellationToken ct) =>
                TypedResults.Ok(await admin.AddEntryAsync(Actor(user), id, input, ct)))
            .ProducesValidationProblem()
            .WithSummary("向草稿添加条目：行业领域、项目类型、限额（元）、适用区域（000000 为全国）、承接的交易场所（可空，按区域分流）和依据。");

        drafting.MapDelete("/{id:guid}/entries/{entryId:guid}", async (Guid id, Guid entryId, ClaimsPrincipal user, ICatalogAdministration admin, CancellationToken ct) =>
            {
                await admin.RemoveEntryAsync(Actor(user), id, entryId, ct);
                return TypedResults.NoContent();
            })
            .WithSummary("从草稿删除条目。");

        drafting.MapPost("/{id:guid}/submit", async (Guid id, ClaimsPrincipal user, ICatalogAdministration admin, CancellationToken ct) =>
            {
                await admin.SubmitAsync(Actor(user), id, ct);
                return TypedResults.NoContent();
            })
            .WithSummary("提交草稿，等待管理委员会办公室审批。");

        var deciding = catalog.MapGroup("/versions").RequireAuthorization(TradingPermissions.ApproveCatalog);
        deciding.MapPost("/{id:guid}/decision", async (Guid id, CatalogDecisionInput input, ClaimsPrincipal user, ICatalogAdministration admin, CancellationToken ct) =>
            {
                await admin.DecideAsync(Actor(user), id, input, ct);
                return TypedResults.NoContent();
            })
            .ProducesValidationProblem()
            .WithSummary("审批通过（approve: true）或退回（approve: false，须写明理由）已提交的版本；起草或提交人不得审批。");

        deciding.MapPost("/{id:guid}/publish", async (Guid id, CatalogPublishInput input, ClaimsPrincipal user, ICatalogAdministration admin, CancellationToken ct) =>
            {
                await admin.PublishAsync(Actor(user), id, input, ct);
                return TypedResults.NoContent();
            })
            .ProducesValidationProblem()
            .WithSummary("发布已审批的版本，写明生效日期（不早于今天）；生效后原目录即被取代。");
        return api;
    }

    private static string Actor(ClaimsPrincipal user) => user.Identity?.Name ?? "unknown";
}
