using System.Net;
using Ggzy.Platform.Data;
using Ggzy.Platform.Demo;
using Ggzy.Platform.Identity;
using Ggzy.TestKit;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace Ggzy.Web.Tests.Identity;

public sealed class StaffAccountTests(GgzyApp app) : IClassFixture<GgzyApp>
{
    private const string Center = "安和市公共资源交易中心";
    private const string EastBranch = "安和市公共资源交易中心东湖分中心";

    [Fact]
    public async Task Administrator_CreatesAStaffAccount_ForABranchCenter()
    {
        var admin = await app.SignInAsync("admin");
        var east = await app.OrganizationIdAsync(EastBranch);

        var response = await admin.PostJsonAsync("/api/v1/admin/users", new
        {
            userName = "zhao.min",
            displayName = "赵敏",
            role = Roles.CenterStaff,
            organizationId = east,
            password = AccountSteps.StrongPassword,
        });

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var body = await response.JsonAsync();
        body.GetProperty("organization").GetString().ShouldBe(EastBranch);
        body.GetProperty("roles")[0].GetString().ShouldBe(Roles.CenterStaff);
        await app.SignInAsync("zhao.min", AccountSteps.StrongPassword);
        (await app.LedgerTypesAsync("user:zhao.min"))[0].ShouldBe("platform.user.created");
    }

    [Fact]
    public async Task Administrator_CannotCreateAnAccount_OutsideItsCenter()
    {
        var admin = await app.SignInAsync("admin");
        var before = await app.CountsAsync();

        var response = await admin.PostJsonAsync("/api/v1/admin/users", new
        {
            userName = "intruder",
            displayName = "外单位",
            role = Roles.CenterStaff,
            organizationId = await app.OrganizationIdAsync("安和市公共资源交易管理委员会办公室"),
            password = AccountSteps.StrongPassword,
        });

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await response.HtmlAsync()).ShouldContain("只能为本中心及其分中心创建账户");
        (await app.CountsAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Administrator_CannotGiveRolesOutsideTheCenter()
    {
        var admin = await app.SignInAsync("admin");
        var response = await admin.PostJsonAsync("/api/v1/admin/users", new
        {
            userName = "fake.regulator",
            displayName = "假公管办",
            role = Roles.Regulator,
            organizationId = await app.OrganizationIdAsync(Center),
            password = AccountSteps.StrongPassword,
        });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.JsonAsync()).GetProperty("errors").GetProperty("role")[0].GetString()!.ShouldContain("CenterStaff");
    }

    [Fact]
    public async Task WeakInitialPassword_IsRefusedInChinese()
    {
        var admin = await app.SignInAsync("admin");
        var before = await app.CountsAsync();

        var response = await admin.PostJsonAsync("/api/v1/admin/users", new
        {
            userName = "weak.password",
            displayName = "弱密码",
            role = Roles.CenterStaff,
            organizationId = await app.OrganizationIdAsync(Center),
            password = "password",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var messages = (await response.JsonAsync()).GetProperty("errors").GetProperty("password").EnumerateArray().Select(m => m.GetString()).ToList();
        messages.ShouldContain("密码须包含至少一个大写字母（A–Z）。");
        messages.ShouldContain("密码须包含至少一个数字（0–9）。");
        (await app.CountsAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task BranchAdministrator_ManagesOnlyItsBranch()
    {
        var branchAdmin = await app.SignInAsync(await app.CreateUserAsync(Roles.CenterAdministrator, EastBranch));
        var list = await (await branchAdmin.GetPathAsync("/api/v1/admin/users")).HtmlAsync();
        list.ShouldContain("clerk.east");
        list.ShouldNotContain("\"clerk\"");

        var cityClerk = await app.UserAsync("clerk");
        (await branchAdmin.PostJsonAsync($"/api/v1/admin/users/{cityClerk.Id}/disable", new { })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await branchAdmin.GetPathAsync($"/Admin/Users/ResetPassword/{cityClerk.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await branchAdmin.PostJsonAsync("/api/v1/admin/users", new
        {
            userName = "up.the.tree",
            displayName = "越级",
            role = Roles.CenterStaff,
            organizationId = await app.OrganizationIdAsync(Center),
            password = AccountSteps.StrongPassword,
        })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await app.UserAsync("clerk")).IsDisabled.ShouldBeFalse();
    }

    [Fact]
    public async Task AnotherCitysCenter_IsInvisible()
    {
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            db.Organizations.Add(new Organization { Id = Guid.NewGuid(), Name = "邻市公共资源交易中心", Kind = OrganizationKind.TradingCenter, RegionCode = "990200" });
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var stranger = await app.UserAsync(await app.CreateUserAsync(Roles.CenterStaff, "邻市公共资源交易中心"));
        var admin = await app.SignInAsync("admin");

        (await (await admin.GetPathAsync("/api/v1/admin/users")).HtmlAsync()).ShouldNotContain(stranger.UserName!);
        (await admin.GetPathAsync($"/api/v1/admin/users/{stranger.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await admin.PostJsonAsync($"/api/v1/admin/users/{stranger.Id}/password", new { newPassword = AccountSteps.StrongPassword }))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task DisabledAccount_CannotSignIn_NorUseItsTokens_UntilEnabled()
    {
        var userName = await app.CreateUserAsync(Roles.CenterStaff);
        var staff = await app.SignInAsync(userName);
        var token = (await (await staff.PostJsonAsync("/api/v1/tokens", new { name = "值班系统", validDays = 5 })).JsonAsync()).GetProperty("token").GetString()!;
        var id = (await app.UserAsync(userName)).Id;
        var admin = await app.SignInAsync("admin");

        var disabled = await admin.PostFormAsync("/Admin/Users", $"/Admin/Users?handler=Disable&id={id}", new Dictionary<string, string>());

        disabled.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        await Should.ThrowAsync<InvalidOperationException>(() => app.SignInAsync(userName));
        var system = app.CreateAnonymousClient();
        system.DefaultRequestHeaders.Authorization = new("Bearer", token);
        (await system.GetPathAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        (await admin.PostJsonAsync($"/api/v1/admin/users/{id}/enable", new { })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await app.SignInAsync(userName);
        (await app.LedgerTypesAsync($"user:{userName}")).ShouldContain("platform.user.disabled");
        (await app.LedgerTypesAsync($"user:{userName}")).ShouldContain("platform.user.enabled");
    }

    [Fact]
    public async Task Administrator_CannotDisableItself()
    {
        var adminName = await app.CreateUserAsync(Roles.CenterAdministrator);
        var admin = await app.SignInAsync(adminName);
        var response = await admin.PostJsonAsync($"/api/v1/admin/users/{(await app.UserAsync(adminName)).Id}/disable", new { });
        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await response.HtmlAsync()).ShouldContain("不能停用本人账户");
    }

    [Fact]
    public async Task ResetPassword_ReplacesTheOldOne()
    {
        var userName = await app.CreateUserAsync(Roles.CenterStaff, EastBranch);
        var admin = await app.SignInAsync("admin");
        var id = (await app.UserAsync(userName)).Id;

        var weak = await admin.PostFormAsync($"/Admin/Users/ResetPassword/{id}", $"/Admin/Users/ResetPassword/{id}",
            new Dictionary<string, string> { ["Input.NewPassword"] = "short" });
        (await weak.HtmlAsync()).ShouldContain("密码至少需要 8 个字符");

        var reset = await admin.PostFormAsync($"/Admin/Users/ResetPassword/{id}", $"/Admin/Users/ResetPassword/{id}",
            new Dictionary<string, string> { ["Input.NewPassword"] = AccountSteps.StrongPassword });

        reset.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        await app.SignInAsync(userName, AccountSteps.StrongPassword);
        await Should.ThrowAsync<InvalidOperationException>(() => app.SignInAsync(userName, DemoAccounts.Password));
        (await app.LedgerTypesAsync($"user:{userName}")).ShouldContain("platform.user.password-reset");
    }

    [Fact]
    public async Task Unlock_LetsALockedOutMemberSignInAgain()
    {
        var userName = await app.CreateUserAsync(Roles.CenterStaff);
        var browser = app.CreateAnonymousClient();
        for (var i = 0; i < 5; i++)
        {
            await browser.PostPasswordAsync(userName, "Wrong@2026");
        }

        var admin = await app.SignInAsync("admin");
        (await (await admin.GetPathAsync("/Admin/Users")).HtmlAsync()).ShouldContain("已锁定");
        (await admin.PostJsonAsync($"/api/v1/admin/users/{(await app.UserAsync(userName)).Id}/unlock", new { })).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        await app.SignInAsync(userName);
        (await app.LedgerTypesAsync($"user:{userName}")).ShouldContain("platform.user.unlocked");
    }

    [Fact]
    public async Task CreatePage_CreatesAnAccount_AndListsIt()
    {
        var admin = await app.SignInAsync("admin");
        var response = await admin.PostFormAsync("/Admin/Users/Create", "/Admin/Users/Create", new Dictionary<string, string>
        {
            ["Input.UserName"] = "qian.li",
            ["Input.DisplayName"] = "钱丽",
            ["Input.Role"] = Roles.CenterAdministrator,
            ["Input.OrganizationId"] = (await app.OrganizationIdAsync(Center)).ToString(),
            ["Input.Password"] = AccountSteps.StrongPassword,
        });

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var list = await (await admin.GetPathAsync("/Admin/Users")).HtmlAsync();
        list.ShouldContain("qian.li");
        list.ShouldContain("已创建账户“qian.li”");
        list.ShouldContain("clerk.east");
    }
}
