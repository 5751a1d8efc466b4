using System.Security.Claims;
using Ggzy.Credit.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Ggzy.Credit.Features.Staff;

internal static class StaffEndpoints
{
    public static IEndpointRouteBuilder MapStaffInvitations(this IEndpointRouteBuilder api)
    {
        var staff = api.MapGroup("/credit/staff").WithTags("本单位人员 Staff").RequireAuthorization(CreditPermissions.InviteStaff);

        staff.MapGet("/", async (ClaimsPrincipal user, IStaffInvitations staffs, CancellationToken ct) =>
                TypedResults.Ok(await staffs.OverviewAsync(user, ct)))
            .WithSummary("本单位的账户和邀请（本单位人员可查看；只有管理员可以邀请、撤销和停用）。");

        staff.MapPost("/invitations", async (InviteStaffInput input, ClaimsPrincipal user, IStaffInvitations staffs, CancellationToken ct) =>
            {
                var issued = await staffs.InviteAsync(user, input, ct);
                return TypedResults.Created($"/api/v1/credit/staff/invitations/{issued.Invitation.Id}", issued);
            })
            .ProducesValidationProblem()
            .WithSummary("管理员邀请本单位工作人员：姓名、授予的角色（本单位已注册的角色之一或几种）、有效天数（1–30，默认 7）。应答中的一次性链接只出现这一次，平台只保存其 SM3 摘要；平台尚无邮件通道，请自行转交被邀请人。");

        staff.MapPost("/invitations/{id:guid}/revoke", async (Guid id, ClaimsPrincipal user, IStaffInvitations staffs, CancellationToken ct) =>
            {
                await staffs.RevokeAsync(user, id, ct);
                return TypedResults.NoContent();
            })
            .WithSummary("管理员撤销尚未接受的邀请，其链接随即失效。");

        staff.MapPost("/{userId:guid}/disable", async (Guid userId, ClaimsPrincipal user, IStaffInvitations staffs, CancellationToken ct) =>
            {
                await staffs.SetDisabledAsync(user, userId, true, ct);
                return TypedResults.NoContent();
            })
            .WithSummary("管理员停用本单位人员的账户（不能停用管理员本人）。");

        staff.MapPost("/{userId:guid}/enable", async (Guid userId, ClaimsPrincipal user, IStaffInvitations staffs, CancellationToken ct) =>
            {
                await staffs.SetDisabledAsync(user, userId, false, ct);
                return TypedResults.NoContent();
            })
            .WithSummary("管理员重新启用本单位人员的账户。");

        api.MapPost("/credit/invitations/accept", async (AcceptInvitationInput input, IStaffInvitations staffs, CancellationToken ct) =>
                TypedResults.Ok(await staffs.AcceptAsync(input, ct)))
            .AllowAnonymous()
            .WithTags("本单位人员 Staff")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("被邀请人接受邀请：token 为邀请链接中的凭据，自设用户名和密码；账户随即加入该单位并获得邀请中的角色。每个链接只能使用一次。");
        return api;
    }
}
