using System.Net;
using Ggzy.TestKit;
using Ggzy.Web.Tests.Identity;
using Shouldly;
using Xunit;

namespace Ggzy.Web.Tests.Credit;

/// <summary>Staff invitations over HTTP (R26): the administrator invites, the invitee accepts once, others may not act.</summary>
public sealed class StaffInvitationHttpTests(GgzyApp app) : IClassFixture<GgzyApp>
{
    private const string Invitations = "/api/v1/credit/staff/invitations";
    private const string Accept = "/api/v1/credit/invitations/accept";

    private static readonly string[] BidderRole = ["Bidder"];

    private static int _counter;

    private static string NewUserName() => $"inv{Interlocked.Increment(ref _counter)}.{Guid.NewGuid():N}"[..20];

    private static async Task<(string Token, string Id)> InviteAsync(HttpClient admin, string name = "冯晓明")
    {
        var response = await admin.PostJsonAsync(Invitations, new { displayName = name, roles = BidderRole });
        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var json = await response.JsonAsync();
        return (json.GetProperty("token").GetString()!, json.GetProperty("invitation").GetProperty("id").GetString()!);
    }

    [Fact]
    public async Task Invite_Accept_SignIn_ThenTheSameLinkAgain_Is422AndCreatesNothing()
    {
        var admin = await app.SignInAsync("bidder");
        var (token, _) = await InviteAsync(admin);
        var userName = NewUserName();

        var accepted = await app.CreateAnonymousClient().PostJsonAsync(Accept, new { token, userName, password = AccountSteps.StrongPassword });

        accepted.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await app.SignInAsync(userName, AccountSteps.StrongPassword)).ShouldNotBeNull();
        (await app.LedgerTypesAsync($"user:{userName}"))[0].ShouldBe("credit.staff.invitation-accepted");
        var before = await app.CountsAsync();

        var again = await app.CreateAnonymousClient().PostJsonAsync(Accept, new { token, userName = NewUserName(), password = AccountSteps.StrongPassword });

        again.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await again.HtmlAsync()).ShouldContain("已经使用过");
        (await app.CountsAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Accept_ARevokedLink_OnThePage_SaysSoInChinese_AndCreatesNothing()
    {
        var admin = await app.SignInAsync("bidder");
        var (token, id) = await InviteAsync(admin);
        (await admin.PostJsonAsync($"{Invitations}/{id}/revoke", new { })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var client = app.CreateAnonymousClient();
        var page = $"/Credit/Invitations/Accept?token={token}";

        (await (await client.GetPathAsync(page)).HtmlAsync()).ShouldContain("已被单位管理员撤销");
        var before = await app.CountsAsync();
        var posted = await client.PostFormAsync("/Credit/Register", page, new Dictionary<string, string>
        {
            ["Token"] = token,
            ["Input.UserName"] = NewUserName(),
            ["Input.Password"] = AccountSteps.StrongPassword,
        });

        (await posted.HtmlAsync()).ShouldContain("已被单位管理员撤销");
        (await app.CountsAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task AcceptPage_UnknownToken_SaysTheLinkIsInvalid()
    {
        var html = await (await app.CreateAnonymousClient().GetPathAsync("/Credit/Invitations/Accept?token=nonsense")).HtmlAsync();

        html.ShouldContain("邀请链接无效");
    }

    [Fact]
    public async Task AcceptByForm_CreatesTheAccount_AndTheStaffPageListsIt()
    {
        var admin = await app.SignInAsync("bidder");
        var (token, _) = await InviteAsync(admin, "表单受邀人");
        var client = app.CreateAnonymousClient();
        var page = $"/Credit/Invitations/Accept?token={token}";
        var userName = NewUserName();

        var weak = await client.PostFormAsync(page, page, new Dictionary<string, string>
        {
            ["Token"] = token,
            ["Input.UserName"] = userName,
            ["Input.Password"] = "weak",
        });
        (await weak.HtmlAsync()).ShouldContain("密码");
        var done = await client.PostFormAsync(page, page, new Dictionary<string, string>
        {
            ["Token"] = token,
            ["Input.UserName"] = userName,
            ["Input.Password"] = AccountSteps.StrongPassword,
        });

        (await done.HtmlAsync()).ShouldContain("已创建并加入");
        (await (await admin.GetPathAsync("/Credit/Staff")).HtmlAsync()).ShouldContain(userName);
    }

    [Fact]
    public async Task StaffWhoIsNotTheAdministrator_SeesTheListReadOnly_AndIsRefused403ToAct()
    {
        var staff = await app.SignInAsync("bidder.staff");
        var before = await app.CountsAsync();

        var page = await (await staff.GetPathAsync("/Credit/Staff")).HtmlAsync();
        var byApi = await staff.PostJsonAsync(Invitations, new { displayName = "某人", roles = BidderRole });
        var byForm = await staff.PostFormAsync("/Credit/Staff", "/Credit/Staff?handler=Invite", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "某人",
            ["Input.Roles"] = "Bidder",
            ["Input.ValidDays"] = "7",
        });

        page.ShouldContain("只有本单位管理员可以邀请人员");
        page.ShouldNotContain("生成邀请链接");
        byApi.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        byForm.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await app.CountsAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task InviteByForm_ShowsTheLinkOnce_AndTheListShowsItOpen()
    {
        var admin = await app.SignInAsync("tenderer");

        var response = await admin.PostFormAsync("/Credit/Staff", "/Credit/Staff?handler=Invite", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "吴小平",
            ["Input.Roles"] = "Tenderer",
            ["Input.ValidDays"] = "7",
        });

        var html = await response.HtmlAsync();
        html.ShouldContain("/Credit/Invitations/Accept?token=");
        html.ShouldContain("平台暂无邮件通道");
        var later = await (await admin.GetPathAsync("/Credit/Staff")).HtmlAsync();
        later.ShouldContain("吴小平");
        later.ShouldNotContain("/Credit/Invitations/Accept?token=");
    }

    [Fact]
    public async Task InviteByApi_ARoleNotRegistered_Is400AndStoresNothing()
    {
        var admin = await app.SignInAsync("tenderer");
        var before = await app.CountsAsync();

        var refused = await admin.PostJsonAsync(Invitations, new { displayName = "某人", roles = BidderRole });

        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await refused.JsonAsync()).GetProperty("errors").GetProperty("roles")[0].GetString()!.ShouldContain("招标人/采购人");
        (await app.CountsAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task DisableByApi_TheAdministratorDisablesAStaffAccount_WhichThenCannotSignIn()
    {
        var admin = await app.SignInAsync("bidder");
        var (token, _) = await InviteAsync(admin);
        var userName = NewUserName();
        var accepted = await (await app.CreateAnonymousClient().PostJsonAsync(Accept, new { token, userName, password = AccountSteps.StrongPassword })).JsonAsync();

        var disabled = await admin.PostJsonAsync($"/api/v1/credit/staff/{accepted.GetProperty("userId").GetString()}/disable", new { });

        disabled.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await Should.ThrowAsync<InvalidOperationException>(() => app.SignInAsync(userName, AccountSteps.StrongPassword));
    }
}
