using System.Net;
using System.Text.RegularExpressions;
using Ggzy.TestKit;
using Ggzy.Web.Tests.Identity;
using Shouldly;
using Xunit;

namespace Ggzy.Web.Tests.Trading;

/// <summary>
/// Announcements over HTTP: the public finds published notices on the portal with filters, never a scheduled one
/// before its time; the composer's schedule that breaks a rule is refused with the rule cited and nothing changes.
/// </summary>
public sealed partial class AnnouncementHttpTests(GgzyApp app) : IClassFixture<GgzyApp>
{
    private const string Api = "/api/v1/trading/announcements";

    [Fact]
    public async Task PublishedList_Anonymously_FiltersBySectorAndKind_AndHidesTheScheduledNotice()
    {
        var anonymous = app.CreateAnonymousClient();

        var works = await (await anonymous.GetPathAsync($"{Api}/published?sector={Uri.EscapeDataString("工程建设")}")).JsonAsync();
        var titles = works.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("title").GetString()!).ToList();
        titles.ShouldContain(t => t.Contains("施工招标公告", StringComparison.Ordinal) && !t.Contains("更正", StringComparison.Ordinal));
        titles.ShouldContain(t => t.Contains("更正公告", StringComparison.Ordinal));
        titles.ShouldNotContain(t => t.Contains("监理", StringComparison.Ordinal));
        titles.ShouldNotContain(t => t.Contains("办公设备", StringComparison.Ordinal));

        var amendments = await (await anonymous.GetPathAsync($"{Api}/published?kind=Amendment")).JsonAsync();
        amendments.GetProperty("items").EnumerateArray().ShouldAllBe(i => i.GetProperty("kind").GetString() == "Amendment");
        var later = await (await anonymous.GetPathAsync($"{Api}/published?from=2099-01-01")).JsonAsync();
        later.GetProperty("total").GetInt32().ShouldBe(0);

        var page = await (await anonymous.GetPathAsync($"/Portal/Announcements?Query.Sector={Uri.EscapeDataString("政府采购")}")).HtmlAsync();
        page.ShouldContain("办公设备采购项目公开招标公告");
        page.ShouldNotContain("施工招标公告");
    }

    [Fact]
    public async Task PortalDetail_Anonymously_ShowsLotsWithTradeCodes_AndTheAmendmentBothWays()
    {
        var anonymous = app.CreateAnonymousClient();
        var list = await (await anonymous.GetPathAsync($"{Api}/published?sector={Uri.EscapeDataString("工程建设")}")).JsonAsync();
        var items = list.GetProperty("items").EnumerateArray().ToList();
        var original = items.Single(i => i.GetProperty("kind").GetString() == "TenderNotice").GetProperty("id").GetString();
        var amendment = items.Single(i => i.GetProperty("kind").GetString() == "Amendment").GetProperty("id").GetString();

        var response = await anonymous.GetPathAsync($"/Portal/Announcements/{original}");
        var html = await response.HtmlAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, html[Math.Max(0, html.IndexOf("<main", StringComparison.Ordinal))..]);
        html.ShouldContain($"/Portal/Announcements/{amendment}");
        html.ShouldContain("不接受联合体投标");
        LotCode().IsMatch(html).ShouldBeTrue();
        (await (await anonymous.GetPathAsync($"/Portal/Announcements/{amendment}")).HtmlAsync()).ShouldContain($"/Portal/Announcements/{original}");
    }

    [Fact]
    public async Task ScheduledNotice_IsNotPublic_AndABadScheduleIsRefusedCitingTheLaw_ChangingNothing()
    {
        var agency = await app.SignInAsync("agency");
        var mine = await (await agency.GetPathAsync("/Trading/Announcements")).HtmlAsync();
        var id = Scheduled().Match(mine).Groups["id"].Value;
        id.ShouldNotBeEmpty();
        var anonymous = app.CreateAnonymousClient();
        (await anonymous.GetPathAsync($"/Portal/Announcements/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await anonymous.GetPathAsync($"{Api}/published/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        (await agency.PostJsonAsync($"{Api}/{id}/unschedule", new { })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var preview = await (await agency.GetPathAsync($"{Api}/{id}")).JsonAsync();
        var announcement = preview.GetProperty("announcement");
        var lotId = announcement.GetProperty("lots")[0].GetProperty("lotId").GetString();
        var china = TimeProvider.System.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).Date;
        string At(int days) => china.AddDays(days).AddHours(9).ToString("yyyy-MM-ddTHH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
        var put = await agency.SendAsync(new HttpRequestMessage(HttpMethod.Put, new Uri($"{Api}/{id}", UriKind.Relative))
        {
            Content = System.Net.Http.Json.JsonContent.Create(new
            {
                projectId = announcement.GetProperty("projectId").GetString(),
                kind = "TenderNotice",
                title = announcement.GetProperty("title").GetString(),
                scope = "监理",
                scale = "450 日历天",
                funding = "财政资金",
                qualifications = "监理乙级",
                documentsMethod = "平台下载",
                submissionMethod = "平台递交",
                platformAddress = "本平台",
                contacts = "李女士",
                lots = new[] { new { lotId, include = true, documentsFrom = At(1), documentsUntil = At(8), deadline = At(10) } },
            }),
        }, TestContext.Current.CancellationToken);
        put.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var before = await app.CountsAsync();

        var publish = await agency.PostJsonAsync($"{Api}/{id}/publish", new { });

        publish.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await publish.HtmlAsync();
        problem.ShouldContain("第二十四条");
        problem.ShouldContain("投标截止日期最早为");
        (await app.CountsAsync()).ShouldBe(before);
        var lot = await (await agency.GetPathAsync($"/api/v1/trading/lots/{lotId}")).JsonAsync();
        lot.GetProperty("state").GetString().ShouldBe("Draft");
    }

    [Fact]
    public async Task Bidder_CannotCompose_NorReadALotsProcedure()
    {
        var bidder = await app.SignInAsync("bidder");

        (await bidder.PostJsonAsync(Api, new { })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await bidder.GetPathAsync($"/api/v1/trading/lots/{Guid.NewGuid()}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task LotPage_ForTheCenter_ShowsTheStateScheduleStepsAndSiblingPages()
    {
        var agency = await app.SignInAsync("agency");
        var mine = await (await agency.GetPathAsync("/Trading/Announcements")).HtmlAsync();
        var notice = Works().Match(mine).Groups["id"].Value;
        var preview = await (await agency.GetPathAsync($"{Api}/{notice}")).JsonAsync();
        var lotId = preview.GetProperty("announcement").GetProperty("lots")[0].GetProperty("lotId").GetString();
        var clerk = await app.SignInAsync("clerk");

        var html = await (await clerk.GetPathAsync($"/Trading/Lots/Details/{lotId}")).HtmlAsync();

        html.ShouldContain("文件发售中");
        html.ShouldContain($"/Trading/Lots/Documents/{lotId}");
        html.ShouldContain($"/Trading/Lots/Security/{lotId}");
        html.ShouldNotContain("lot-action-form");
        (await (await agency.GetPathAsync($"/Trading/Lots/Details/{lotId}")).HtmlAsync()).ShouldContain("lot-action-form");
    }

    [Fact]
    public async Task Invitation_IsSeenByTheInvitedBidder_NotByThePublic()
    {
        var bidder = await app.SignInAsync("bidder");
        var list = await (await bidder.GetPathAsync("/Trading/Announcements/Invitations")).HtmlAsync();
        var id = Invitation().Match(list).Groups["id"].Value;
        id.ShouldNotBeEmpty();

        var invitation = await bidder.GetPathAsync($"/Trading/Announcements/Details/{id}");

        invitation.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await invitation.HtmlAsync();
        html.ShouldContain("安和宏远建筑工程有限公司");
        html.ShouldContain("投标邀请书");
        (await app.CreateAnonymousClient().GetPathAsync($"{Api}/published/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var clerk = await app.SignInAsync("clerk");
        (await clerk.GetPathAsync($"/Trading/Announcements/Details/{id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await app.LedgerTypesAsync($"announcement:{id}")).ShouldContain("trading.invitation.read");
    }

    [GeneratedRegex(@"/Trading/Announcements/Details/(?<id>[0-9a-f-]{36})"">[^<]*投标邀请书<")]
    private static partial Regex Invitation();

    [GeneratedRegex(@"E990100\d{12}\w\d{3}")]
    private static partial Regex LotCode();

    [GeneratedRegex(@"/Trading/Announcements/Details/(?<id>[0-9a-f-]{36})"">[^<]*监理招标公告<")]
    private static partial Regex Scheduled();

    [GeneratedRegex(@"/Trading/Announcements/Details/(?<id>[0-9a-f-]{36})"">[^<]*施工招标公告<")]
    private static partial Regex Works();
}
