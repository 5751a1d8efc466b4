using System.Security.Claims;
using Ggzy.Trading.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Ggzy.Trading.Features.Announcements;

internal static class AnnouncementEndpoints
{
    public static IEndpointRouteBuilder MapAnnouncements(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/trading/announcements").WithTags("公告 Announcements");

        group.MapGet("/published", async ([AsParameters] PublishedQuery q, IPublishedAnnouncements published, CancellationToken ct) =>
                TypedResults.Ok(await published.SearchAsync(q.ToQuery(), ct)))
            .AllowAnonymous()
            .WithSummary("已发布的招标公告、采购公告、资格预审公告和更正公告（按行政区划、行业领域、公告类型、招标方式、发布日期筛选，每页 20 条）。");

        group.MapGet("/published/{id:guid}", async (Guid id, IPublishedAnnouncements published, CancellationToken ct) =>
                await published.FindAsync(id, ct) is { } view ? Results.Ok(view) : Results.NotFound())
            .AllowAnonymous()
            .WithSummary("一份已发布的公告：内容、标段（包）及其统一交易标识码和时间安排、更正公告的双向链接、附件。");

        group.MapGet("/published/{id:guid}/attachments/{fileId:guid}", async (Guid id, Guid fileId, IPublishedAnnouncements published, CancellationToken ct) =>
                await published.OpenAttachmentAsync(id, fileId, ct) is { } file
                    ? Results.File(file.Content, file.File.ContentType, file.File.FileName)
                    : Results.NotFound())
            .AllowAnonymous()
            .WithSummary("下载已发布公告的附件（无需登录）。");

        var compose = group.MapGroup("").RequireAuthorization(TradingPermissions.ComposeAnnouncement);
        compose.MapPost("/", async (ComposeAnnouncementInput input, ClaimsPrincipal user, IAnnouncements announcements, CancellationToken ct) =>
            {
                var id = await announcements.ComposeAsync(user, input, ct);
                return TypedResults.Created($"/api/v1/trading/announcements/{id}", new { id });
            })
            .ProducesValidationProblem()
            .WithSummary("为已受理项目的草稿标段编制公告草稿；各标段的时间（北京时间）即为其时间安排。");

        compose.MapPut("/{id:guid}", async (Guid id, ComposeAnnouncementInput input, ClaimsPrincipal user, IAnnouncements announcements, CancellationToken ct) =>
            {
                await announcements.UpdateAsync(user, id, input, ct);
                return TypedResults.NoContent();
            })
            .ProducesValidationProblem()
            .WithSummary("修改公告草稿；已发布或定时发布的公告不得修改（实施条例 第二十一条），请发布更正公告。");

        compose.MapPost("/{id:guid}/publish", async (Guid id, ClaimsPrincipal user, IAnnouncements announcements, CancellationToken ct) =>
                TypedResults.Ok(new { status = await announcements.PublishAsync(user, id, ct) }))
            .ProducesValidationProblem()
            .WithSummary("发布公告：未设定时发布时间的立即发布，各标段进入“已发布公告”；设定了的到时由平台发布。违反法定时限的，逐条说明并拒绝。");

        compose.MapPost("/{id:guid}/unschedule", async (Guid id, ClaimsPrincipal user, IAnnouncements announcements, CancellationToken ct) =>
            {
                await announcements.UnscheduleAsync(user, id, ct);
                return TypedResults.NoContent();
            })
            .WithSummary("在发布时间之前撤回定时发布，公告回到草稿。");

        compose.MapPost("/{id:guid}/amendments", async (Guid id, AmendAnnouncementInput input, ClaimsPrincipal user, IAnnouncements announcements, CancellationToken ct) =>
            {
                var amendment = await announcements.AmendAsync(user, id, input, ct);
                return TypedResults.Created($"/api/v1/trading/announcements/{amendment}", new { id = amendment });
            })
            .ProducesValidationProblem()
            .WithSummary("为已发布的公告编制更正公告草稿：写明更正内容和理由；原公告不变。");

        compose.MapPost("/{id:guid}/draw", async (Guid id, DrawInviteesInput input, ClaimsPrincipal user, IAnnouncements announcements, CancellationToken ct) =>
            {
                await announcements.DrawInviteesAsync(user, id, input, ct);
                return TypedResults.NoContent();
            })
            .ProducesValidationProblem()
            .WithSummary("政府采购邀请招标：从采购人提供的符合资格条件的供应商中随机抽取被邀请供应商，并留存书面记录。");

        group.MapGet("/{id:guid}", async (Guid id, ClaimsPrincipal user, IAnnouncements announcements, CancellationToken ct) =>
                TypedResults.Ok(await announcements.PreviewAsync(user, id, ct)))
            .RequireAuthorization(TradingPermissions.ReadAnnouncements)
            .WithSummary("公告预览：按公众所见展示，并列出阻止发布的每个问题及其依据；被邀请对象可查看发给本单位的投标邀请书。");
        return api;
    }

    /// <summary>The public list's filter as query parameters.</summary>
    internal sealed record PublishedQuery(string? Region, string? Sector, AnnouncementKind? Kind, string? Method, DateOnly? From, DateOnly? Until, int? Page)
    {
        public AnnouncementQuery ToQuery() => new()
        {
            Region = Region,
            Sector = Sector,
            Kind = Kind,
            Method = Method,
            From = From,
            Until = Until,
            Page = Page ?? 1,
        };
    }
}
