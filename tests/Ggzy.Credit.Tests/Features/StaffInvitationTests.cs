using System.Security.Claims;
using Ggzy.Credit.Contracts;
using Ggzy.Credit.Data;
using Ggzy.Platform.Errors;
using Ggzy.Platform.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ggzy.Credit.Tests.Features;

public sealed class StaffInvitationTests : IAsyncLifetime
{
    private CreditTestHost _host = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _host = await CreditTestHost.CreateAsync(Ct);
        await _host.RunAsync(sp => sp.GetRequiredService<IMarketEntities>().RegisterAsync(RegisterMarketEntityTests.Valid(), Ct));
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private Task<ClaimsPrincipal> AsAsync(string userName) => _host.RunAsync(async sp =>
    {
        var user = (await sp.GetRequiredService<UserManager<PlatformUser>>().FindByNameAsync(userName)).ShouldNotBeNull();
        return new ClaimsPrincipal(new ClaimsIdentity([new(ClaimTypes.NameIdentifier, user.Id.ToString()), new(ClaimTypes.Name, userName)], "test"));
    });

    private Task<T> StaffAsync<T>(Func<IStaffInvitations, Task<T>> work) => _host.RunAsync(sp => work(sp.GetRequiredService<IStaffInvitations>()));

    private Task<bool> ActAsync(Func<IStaffInvitations, Task> work) => _host.RunAsync(async sp =>
    {
        await work(sp.GetRequiredService<IStaffInvitations>());
        return true;
    });

    private async Task<IssuedInvitation> InviteAsync(string name = "冯晓东", int? days = null)
    {
        var admin = await AsAsync("hongyuan.admin");
        return await StaffAsync(s => s.InviteAsync(admin, new InviteStaffInput { DisplayName = name, Roles = [MarketRole.Bidder], ValidDays = days }, Ct));
    }

    private Task<AcceptedInvitation> AcceptAsync(string token, string userName = "hongyuan.staff") =>
        StaffAsync(s => s.AcceptAsync(new AcceptInvitationInput { Token = token, UserName = userName, Password = "Staff@2026x" }, Ct));

    private Task<int> UserCountAsync() => _host.RunAsync(sp => sp.GetRequiredService<UserManager<PlatformUser>>().Users.CountAsync(Ct));

    [Fact]
    public async Task Register_RecordsTheAccountItCreatedAsTheAdministrator()
    {
        var overview = await StaffAsync(async s => await s.OverviewAsync(await AsAsync("hongyuan.admin"), Ct));

        overview.CallerIsAdministrator.ShouldBeTrue();
        overview.Members.ShouldHaveSingleItem().IsAdministrator.ShouldBeTrue();
    }

    [Fact]
    public async Task Invite_ThenAccept_CreatesTheAccountInTheOrganisationWithTheRoles_OnTheLedger_StoringOnlyTheHash()
    {
        var issued = await InviteAsync();

        issued.AcceptPath.ShouldBe($"/Credit/Invitations/Accept?token={issued.Token}");
        issued.Invitation.Status.ShouldBe("待接受");
        issued.Invitation.ExpiresAt.ShouldBe(_host.Clock.GetUtcNow().AddDays(7));
        var stored = await _host.RunAsync(sp => sp.GetRequiredService<CreditDbContext>().StaffInvitations.SingleAsync(Ct));
        stored.TokenHash.ShouldNotContain(issued.Token);
        (await StaffAsync(s => s.PreviewAsync(issued.Token, Ct))).DisplayName.ShouldBe("冯晓东");

        var accepted = await AcceptAsync(issued.Token);

        accepted.LegalName.ShouldBe("福州宏远建筑工程有限公司");
        await _host.RunAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<PlatformUser>>();
            var staff = (await users.FindByNameAsync("hongyuan.staff")).ShouldNotBeNull();
            var admin = (await users.FindByNameAsync("hongyuan.admin")).ShouldNotBeNull();
            staff.OrganizationId.ShouldBe(admin.OrganizationId);
            staff.DisplayName.ShouldBe("冯晓东");
            (await users.GetRolesAsync(staff)).ShouldBe([Roles.Bidder]);
            (await users.CheckPasswordAsync(staff, "Staff@2026x")).ShouldBeTrue();
            return true;
        });
        (await _host.LedgerAsync("credit.staff.invited", Ct)).ShouldHaveSingleItem().Payload.ShouldNotContain(issued.Token);
        (await _host.LedgerAsync("credit.staff.invitation-accepted", Ct)).ShouldHaveSingleItem().Subject.ShouldBe("user:hongyuan.staff");
        var overview = await StaffAsync(async s => await s.OverviewAsync(await AsAsync("hongyuan.staff"), Ct));
        overview.CallerIsAdministrator.ShouldBeFalse();
        overview.Members.Count.ShouldBe(2);
        overview.Invitations.ShouldHaveSingleItem().Status.ShouldBe("已接受");
    }

    [Fact]
    public async Task Accept_TheSameLinkTwice_SecondIsRefusedAsUsed_AndCreatesNothing()
    {
        var issued = await InviteAsync();
        await AcceptAsync(issued.Token);
        var users = await UserCountAsync();

        var refused = await Should.ThrowAsync<BusinessRuleException>(() => AcceptAsync(issued.Token, "second.try"));

        refused.Message.ShouldContain("已经使用过");
        (await UserCountAsync()).ShouldBe(users);
    }

    [Fact]
    public async Task Accept_AfterExpiry_IsRefusedNamingWhen()
    {
        var issued = await InviteAsync(days: 1);
        _host.Clock.Advance(TimeSpan.FromDays(1));

        var refused = await Should.ThrowAsync<BusinessRuleException>(() => AcceptAsync(issued.Token));

        refused.Message.ShouldContain("过期");
        (await UserCountAsync()).ShouldBe(1);
    }

    [Fact]
    public async Task Accept_ARevokedLink_IsRefused_AndAnUnknownOneToo()
    {
        var issued = await InviteAsync();
        var admin = await AsAsync("hongyuan.admin");
        await ActAsync(s => s.RevokeAsync(admin, issued.Invitation.Id, Ct));

        (await Should.ThrowAsync<BusinessRuleException>(() => AcceptAsync(issued.Token))).Message.ShouldContain("撤销");
        (await Should.ThrowAsync<BusinessRuleException>(() => AcceptAsync("no-such-token"))).Message.ShouldContain("无效");
        (await _host.LedgerAsync("credit.staff.invitation-revoked", Ct)).ShouldHaveSingleItem();
        (await UserCountAsync()).ShouldBe(1);
    }

    [Fact]
    public async Task Accept_WeakPassword_IsRefused_AndTheLinkStaysUsable()
    {
        var issued = await InviteAsync();

        var refused = await Should.ThrowAsync<InputValidationException>(() =>
            StaffAsync(s => s.AcceptAsync(new AcceptInvitationInput { Token = issued.Token, UserName = "weak.user", Password = "weakpassword" }, Ct)));

        refused.Errors.Keys.ShouldBe(["password"]);
        (await UserCountAsync()).ShouldBe(1);
        (await AcceptAsync(issued.Token)).UserName.ShouldBe("hongyuan.staff");
    }

    [Fact]
    public async Task StaffMember_WhoIsNotTheAdministrator_CannotInviteRevokeOrDisable()
    {
        await AcceptAsync((await InviteAsync()).Token);
        var open = await InviteAsync("冯晓兰");
        var staff = await AsAsync("hongyuan.staff");
        var adminId = (await StaffAsync(s => s.OverviewAsync(staff, Ct))).Members.Single(m => m.IsAdministrator).UserId;

        await Should.ThrowAsync<ForbiddenException>(() =>
            StaffAsync(s => s.InviteAsync(staff, new InviteStaffInput { DisplayName = "某人", Roles = [MarketRole.Bidder] }, Ct)));
        await Should.ThrowAsync<ForbiddenException>(() => ActAsync(s => s.RevokeAsync(staff, open.Invitation.Id, Ct)));
        await Should.ThrowAsync<ForbiddenException>(() => ActAsync(s => s.SetDisabledAsync(staff, adminId, true, Ct)));
    }

    [Fact]
    public async Task Invite_ARoleTheEntityDidNotRegister_IsRefused_AndStoresNothing()
    {
        var admin = await AsAsync("hongyuan.admin");

        var refused = await Should.ThrowAsync<InputValidationException>(() =>
            StaffAsync(s => s.InviteAsync(admin, new InviteStaffInput { DisplayName = "某人", Roles = [MarketRole.Tenderer], ValidDays = 31 }, Ct)));

        refused.Errors.Keys.ShouldBe(["roles", "validDays"], ignoreOrder: true);
        refused.Errors["roles"][0].ShouldContain("投标人/供应商");
        (await _host.RunAsync(sp => sp.GetRequiredService<CreditDbContext>().StaffInvitations.CountAsync(Ct))).ShouldBe(0);
    }

    [Fact]
    public async Task Disable_AStaffAccount_DisablesIt_ButNeverTheAdministrator()
    {
        await AcceptAsync((await InviteAsync()).Token);
        var admin = await AsAsync("hongyuan.admin");
        var members = (await StaffAsync(s => s.OverviewAsync(admin, Ct))).Members;

        await ActAsync(s => s.SetDisabledAsync(admin, members.Single(m => !m.IsAdministrator).UserId, true, Ct));
        await Should.ThrowAsync<BusinessRuleException>(() => ActAsync(s => s.SetDisabledAsync(admin, members.Single(m => m.IsAdministrator).UserId, true, Ct)));

        (await StaffAsync(s => s.OverviewAsync(admin, Ct))).Members.Single(m => !m.IsAdministrator).IsDisabled.ShouldBeTrue();
        (await _host.LedgerAsync("credit.staff.disabled", Ct)).ShouldHaveSingleItem().Subject.ShouldBe("user:hongyuan.staff");
    }
}
