using System.Security.Claims;
using Ggzy.Experts.Contracts;
using Ggzy.Experts.Domain.Specialties;
using Ggzy.Experts.Features.Availability;
using Ggzy.Experts.Features.Pool;
using Ggzy.Experts.Features.Profile;
using Ggzy.Experts.Features.Ratings;
using Ggzy.Experts.Features.Status;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Ggzy.Experts.Features;

/// <summary>
/// /api/v1/experts: the pool for the center, identities for those entitled (each read on the Ledger), sanctions for
/// the Regulator and supervisors, and the expert's own profile.
/// </summary>
internal static class ExpertEndpoints
{
    public static IEndpointRouteBuilder MapExpertPool(this IEndpointRouteBuilder api)
    {
        var experts = api.MapGroup("/experts").WithTags("专家库 Expert pool");

        experts.MapGet("/specialties", (SpecialtyCatalog catalog) => TypedResults.Ok(new
        {
            catalog.Version,
            Specialties = catalog.All.Select(s => new { s.Code, s.Name, s.ParentCode, Sector = s.Sector.ToString(), s.Confirmed, Assignable = catalog.IsLeaf(s.Code) }),
        }))
            .AllowAnonymous()
            .WithSummary("评标专家专业分类表（工程 A、货物 B、服务 C）。confirmed 表示代码和名称已与官方分类标准核对（见 docs/expert-specialties.md）。");

        experts.MapGet("/", async (string? specialty, ExpertStatus? status, string? region, string? code, int? page, PoolQueries queries, CancellationToken ct) =>
                TypedResults.Ok(await queries.ListAsync(new PoolFilter(specialty, status, region, code, page ?? 1), maskedNames: false, ct)))
            .RequireAuthorization(ExpertPermissions.ReadPool)
            .WithSummary("专家库列表（以专家编号显示，不含身份信息）：可按专业代码（含下级专业）、状态、行政区划、专家编号筛选，每页 50 条。");

        experts.MapPost("/", async (ExpertInput? input, AddExpertHandler add, PoolQueries queries, CancellationToken ct) =>
            {
                var expert = await add.HandleAsync(input ?? new ExpertInput(), ct);
                return TypedResults.Created($"/api/v1/experts/{expert.Id}", await queries.DetailsAsync(expert.Id, ct));
            })
            .RequireAuthorization(ExpertPermissions.ManagePool)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("交易中心将专家入库：姓名、身份证号码（GB 11643 校验）、手机、职称及等级、从业起始日期、行政区划、专业、现工作单位。工程类（A）专业须从业满 8 年并具有高级职称或同等专业水平（招标投标法第三十七条）。身份信息加密保存。");

        experts.MapGet("/{id:guid}", async (Guid id, PoolQueries queries, CancellationToken ct) => TypedResults.Ok(await queries.DetailsAsync(id, ct)))
            .RequireAuthorization(ExpertPermissions.ReadPool)
            .WithSummary("专家信息（不含身份信息和工作单位）：专业、职称、从业年限、区划、状态及其历史、请假。");

        experts.MapGet("/{id:guid}/identity", async (Guid id, PoolQueries queries, CancellationToken ct) =>
                TypedResults.Ok(await queries.IdentityAsync(id, "api", ct)))
            .RequireAuthorization(ExpertPermissions.ReadIdentities)
            .WithSummary("专家身份信息（姓名、身份证号码、手机、邮箱、任职经历、申报的亲属）。每次读取记入交易记录账本。");

        experts.MapPut("/{id:guid}", async (Guid id, ExpertInput? input, EditExpertHandler edit, PoolQueries queries, CancellationToken ct) =>
            {
                await edit.UpdateAsync(id, input ?? new ExpertInput(), ct);
                return TypedResults.Ok(await queries.DetailsAsync(id, ct));
            })
            .RequireAuthorization(ExpertPermissions.ManagePool)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("修改专家信息（身份证号码不可修改；工作单位变更请用 employment）。");

        experts.MapPost("/{id:guid}/employment", async (Guid id, EmploymentInput? input, EditExpertHandler edit, CancellationToken ct) =>
            {
                await edit.RecordEmploymentAsync(id, input ?? new EmploymentInput(), "center", ct);
                return TypedResults.NoContent();
            })
            .RequireAuthorization(ExpertPermissions.ManagePool)
            .ProducesValidationProblem()
            .WithSummary("登记工作单位变更（原单位任职截至新单位入职前一日），或填写 until 补登一段过往任职。");

        experts.MapPost("/{id:guid}/leaves", async (Guid id, LeaveInput? input, ExpertAvailability availability, CancellationToken ct) =>
                TypedResults.Created($"/api/v1/experts/{id}", await Leave(availability, id, input, ct)))
            .RequireAuthorization(ExpertPermissions.ManagePool)
            .ProducesValidationProblem()
            .WithSummary("为专家登记请假（起止日期含当日），期间不参加抽取。");

        experts.MapPost("/{id:guid}/suspensions", async (Guid id, StatusInput? input, ClaimsPrincipal user, ChangeExpertStatusHandler status, CancellationToken ct) =>
                TypedResults.Created($"/api/v1/experts/{id}", Change(await status.ImposeAsync(user, id, ExpertStatus.Suspended, input ?? new StatusInput(), ct))))
            .RequireAuthorization(ExpertPermissions.Suspend)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("暂停专家抽取资格：生效日期、截止日期（必填）、理由和依据（湖北省实施方案（六）专家考评和退出机制）。");

        experts.MapPost("/{id:guid}/blacklistings", async (Guid id, StatusInput? input, ClaimsPrincipal user, ChangeExpertStatusHandler status, CancellationToken ct) =>
                TypedResults.Created($"/api/v1/experts/{id}", Change(await status.ImposeAsync(user, id, ExpertStatus.Blacklisted, input ?? new StatusInput(), ct))))
            .RequireAuthorization(ExpertPermissions.Blacklist)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("将专家列入黑名单：生效日期、截止日期（不填为长期）、理由和依据（湖北省实施方案（十二）专家黑名单制度）。");

        experts.MapPost("/{id:guid}/retirement", async (Guid id, StatusInput? input, ClaimsPrincipal user, ChangeExpertStatusHandler status, CancellationToken ct) =>
                TypedResults.Created($"/api/v1/experts/{id}", Change(await status.ImposeAsync(user, id, ExpertStatus.Retired, input ?? new StatusInput(), ct))))
            .RequireAuthorization(ExpertPermissions.ManagePool)
            .ProducesValidationProblem()
            .WithSummary("专家退出专家库（年龄、健康、本人申请等），写明生效日期、理由和依据。");

        experts.MapPost("/{id:guid}/status/{changeId:guid}/lift", async (Guid id, Guid changeId, StatusInput? input, ClaimsPrincipal user,
                ChangeExpertStatusHandler status, CancellationToken ct) =>
                TypedResults.Created($"/api/v1/experts/{id}", Change(await status.LiftAsync(user, id, changeId, input ?? new StatusInput(), ct))))
            .RequireAuthorization(ExpertPermissions.ReadSanctions)
            .ProducesValidationProblem()
            .WithSummary("提前解除暂停、黑名单或退出：由有权作出该决定的角色办理，写明解除生效日期、理由和依据；原决定保留在历史中。");

        experts.MapGet("/{id:guid}/record", async (Guid id, PoolQueries queries, ExpertRecordQueries records, CancellationToken ct) =>
            {
                await queries.DetailsAsync(id, ct);
                return TypedResults.Ok(await records.RecordAsync(id, ct));
            })
            .RequireAuthorization(ExpertPermissions.ReadPool)
            .WithSummary("专家的抽取和评价统计：被抽取次数、接受、拒绝、未答复、参加评标次数，一标一评的次数和交易中心、招标人的平均分，最近的评价。");

        experts.MapGet("/ratings/pending", async (ClaimsPrincipal user, ExpertRecordQueries records, CancellationToken ct) =>
                TypedResults.Ok(await records.PendingAsync(user, ct)))
            .RequireAuthorization(ExpertPermissions.Rate)
            .WithSummary("本方（交易中心或招标人）尚未评价的专家席位：已结束的抽取中签到参加评标的专家，以本次抽取的专家代号显示。");

        experts.MapPost("/ratings", async (RatingInput? input, ClaimsPrincipal user, RateExpertHandler rate, CancellationToken ct) =>
            {
                var rating = await rate.RateAsync(user, input ?? new RatingInput(), ct);
                return TypedResults.Created($"/api/v1/experts/ratings/{rating.Id}",
                    new RatingView(rating.Id, rating.LotCode, rating.Rater, rating.RatedBy, rating.Score, rating.Grade, rating.Comment, rating.RatedAt));
            })
            .RequireAuthorization(ExpertPermissions.Rate)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("一标一评：评价一名参加本标段评标的专家（seatId、0–100 分、评价意见；不称职须写明事实）。每方每位专家每个标段只评一次，不可修改（《武汉市公共资源交易平台服务管理细则（试行）》第十一条）。");

        experts.MapGet("/sanctions", async (bool? inForce, PoolQueries queries, CancellationToken ct) =>
                TypedResults.Ok(await queries.SanctionsAsync(inForce ?? false, ct)))
            .RequireAuthorization(ExpertPermissions.ReadSanctions)
            .WithSummary("暂停、黑名单和退出的专家（以专家编号显示）：期限、理由、依据、决定人及是否解除（R24）。");

        MapProfile(experts.MapGroup("/profile").WithTags("本人专家信息 Own expert profile").RequireAuthorization(ExpertPermissions.ManageOwnProfile));
        return api;
    }

    private static void MapProfile(RouteGroupBuilder own)
    {
        own.MapGet("/", async (ClaimsPrincipal user, OwnExpert me, PoolQueries queries, ExpertRecordQueries records, CancellationToken ct) =>
            {
                var id = await me.IdOfAsync(user, ct);
                return TypedResults.Ok(new
                {
                    Expert = await queries.DetailsAsync(id, ct),
                    Identity = await queries.IdentityAsync(id, "own-profile", ct),
                    Record = await records.RecordAsync(id, ct),
                });
            })
            .WithSummary("本人的专家信息、身份信息（读取记入账本）和抽取、评价统计。");

        own.MapPut("/contact", async (ContactInput? input, ClaimsPrincipal user, OwnExpert me, CancellationToken ct) =>
            {
                await me.UpdateContactAsync(await me.IdOfAsync(user, ct), input ?? new ContactInput(), ct);
                return TypedResults.NoContent();
            })
            .ProducesValidationProblem()
            .WithSummary("更新本人的手机号码和电子邮箱（抽取通知发往此手机）。");

        own.MapPost("/employment", async (EmploymentInput? input, ClaimsPrincipal user, OwnExpert me, Pool.EditExpertHandler edit, CancellationToken ct) =>
            {
                await edit.RecordEmploymentAsync(await me.IdOfAsync(user, ct), input ?? new EmploymentInput(), "expert", ct);
                return TypedResults.NoContent();
            })
            .ProducesValidationProblem()
            .WithSummary("申报工作单位变更，或补登过往任职（回避时按任职经历识别）。");

        own.MapPost("/relatives", async (RelativeInput? input, ClaimsPrincipal user, OwnExpert me, ExpertAvailability availability, CancellationToken ct) =>
            {
                var relative = await availability.DeclareRelativeAsync(await me.IdOfAsync(user, ct), input ?? new RelativeInput(), ct);
                return TypedResults.Created("/api/v1/experts/profile", new { relative.Id });
            })
            .ProducesValidationProblem()
            .WithSummary("申报近亲属（关系、工作单位统一社会信用代码和名称、姓名可选），抽取时自动回避其工作单位参与的项目。");

        own.MapPost("/relatives/{relativeId:guid}/withdraw", async (Guid relativeId, ClaimsPrincipal user, OwnExpert me, ExpertAvailability availability, CancellationToken ct) =>
            {
                await availability.WithdrawRelativeAsync(await me.IdOfAsync(user, ct), relativeId, ct);
                return TypedResults.NoContent();
            })
            .WithSummary("撤回一条亲属申报（记录保留）。");

        own.MapPost("/leaves", async (LeaveInput? input, ClaimsPrincipal user, OwnExpert me, ExpertAvailability availability, CancellationToken ct) =>
                TypedResults.Created("/api/v1/experts/profile", await Leave(availability, await me.IdOfAsync(user, ct), input, ct)))
            .ProducesValidationProblem()
            .WithSummary("登记请假（起止日期含当日），期间不参加抽取。");

        own.MapPost("/leaves/{leaveId:guid}/withdraw", async (Guid leaveId, ClaimsPrincipal user, OwnExpert me, ExpertAvailability availability, CancellationToken ct) =>
            {
                await availability.WithdrawLeaveAsync(await me.IdOfAsync(user, ct), leaveId, ct);
                return TypedResults.NoContent();
            })
            .WithSummary("撤销请假（记录保留）。");
    }

    private static async Task<LeaveView> Leave(ExpertAvailability availability, Guid id, LeaveInput? input, CancellationToken ct)
    {
        var l = await availability.RecordLeaveAsync(id, input ?? new LeaveInput(), ct);
        return new LeaveView(l.Id, l.From, l.Until, l.Reason, l.RecordedAt, l.WithdrawnAt);
    }

    private static StatusChangeView Change(Domain.Pool.ExpertStatusChange c) =>
        new(c.Id, c.Status, c.LiftsId, c.From, c.Until, c.Reason, c.Basis, c.DecidedBy, c.DecidedByRole, c.RecordedAt, false);
}
