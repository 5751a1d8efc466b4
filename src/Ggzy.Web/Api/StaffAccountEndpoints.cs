using System.Security.Claims;
using Ggzy.Platform.Errors;
using Ggzy.Platform.Identity;
using Ggzy.Web.Identity.Staff;
using Ggzy.Web.Infrastructure;

namespace Ggzy.Web.Api;

internal static class StaffAccountEndpoints
{
    public static RouteGroupBuilder MapStaffAccountApi(this RouteGroupBuilder api)
    {
        var users = api.MapGroup("/admin/users").WithTags("账户管理 Users").RequireAuthorization(PlatformPermissions.ManageUsers);

        users.MapGet("/", async (ClaimsPrincipal admin, StaffAccountListQuery query, CancellationToken ct) =>
                TypedResults.Ok(await query.ForAsync(admin, null, ct)))
            .WithSummary("本中心及其分中心的账户。");

        users.MapGet("/{id:guid}", async (Guid id, ClaimsPrincipal admin, StaffAccountListQuery query, CancellationToken ct) =>
                TypedResults.Ok(await OneAsync(query, admin, id, ct)))
            .WithSummary("本中心或其分中心的一个账户。");

        users.MapPost("/", async (CreateStaffAccountInput? input, ClaimsPrincipal admin, CreateStaffAccountHandler handler,
                StaffAccountListQuery query, CancellationToken ct) =>
            {
                var id = await handler.HandleAsync(admin, input!, ct);
                return TypedResults.Created($"/api/v1/admin/users/{id}", await OneAsync(query, admin, id, ct));
            })
            .Validate<CreateStaffAccountInput>()
            .WithSummary("为本中心或其分中心创建工作人员账户（角色 CenterStaff 或 CenterAdministrator）。");

        users.MapPost("/{id:guid}/password", async (Guid id, ResetStaffPasswordInput? input, ClaimsPrincipal admin,
                ResetStaffPasswordHandler handler, CancellationToken ct) =>
            {
                await handler.HandleAsync(admin, id, input!, ct);
                return TypedResults.NoContent();
            })
            .Validate<ResetStaffPasswordInput>()
            .WithSummary("重置账户密码；该账户已登录的会话随之失效。");

        users.MapPost("/{id:guid}/disable", (Guid id, ClaimsPrincipal admin, SetStaffAccountDisabledHandler handler, CancellationToken ct) =>
                SetDisabledAsync(handler, admin, id, true, ct))
            .WithSummary("停用账户：不能再登录，其接口令牌也被拒绝。");

        users.MapPost("/{id:guid}/enable", (Guid id, ClaimsPrincipal admin, SetStaffAccountDisabledHandler handler, CancellationToken ct) =>
                SetDisabledAsync(handler, admin, id, false, ct))
            .WithSummary("重新启用已停用的账户。");

        users.MapPost("/{id:guid}/unlock", async (Guid id, ClaimsPrincipal admin, UnlockStaffAccountHandler handler, CancellationToken ct) =>
            {
                await handler.HandleAsync(admin, id, ct);
                return TypedResults.NoContent();
            })
            .WithSummary("解除因密码或动态口令连续输错而导致的锁定。");

        users.MapPost("/{id:guid}/two-factor/off", async (Guid id, ClaimsPrincipal admin, TurnOffStaffTwoFactorHandler handler, CancellationToken ct) =>
            {
                await handler.HandleAsync(admin, id, ct);
                return TypedResults.NoContent();
            })
            .WithSummary("为丢失验证器的工作人员关闭动态口令并作废原密钥；本人可在“我的账户”中重新设置。");
        return api;
    }

    private static async Task<StaffAccountView> OneAsync(StaffAccountListQuery query, ClaimsPrincipal admin, Guid id, CancellationToken ct) =>
        (await query.ForAsync(admin, id, ct)).SingleOrDefault()
        ?? throw new NotFoundException("账户不存在，或不属于本中心及其分中心。请从账户列表中选择。");

    private static async Task<Microsoft.AspNetCore.Http.HttpResults.NoContent> SetDisabledAsync(SetStaffAccountDisabledHandler handler,
        ClaimsPrincipal admin, Guid id, bool disabled, CancellationToken ct)
    {
        await handler.HandleAsync(admin, id, disabled, ct);
        return TypedResults.NoContent();
    }
}
