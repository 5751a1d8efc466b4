using Microsoft.Playwright;
using Shouldly;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Ggzy.Browser.Tests;

/// <summary>Every page of the site opens in a real browser for a role entitled to it, with its Chinese heading and no script errors.</summary>
[Collection(BrowserCollection.Name)]
public sealed class EveryPageTests(BrowserFixture browser)
{
    private const string RoadProject = "安和市沿江大道市政改造工程";

    private const string PurchaseProject = "安和市第三中学教学设备采购项目";

    public static TheoryData<string, string, string> EveryPage => new()
    {
        { "/Calendar?year=2026", "", "工作日历" },
        { "/Calendar?year=2027", "", "工作日历" },
        { "/Rules", "", "法定规则" },
        { "/Account/TwoFactor", "", "动态口令验证" },
        { "/Credit/Register", "", "市场主体注册" },
        { "/Credit/Entities", "", "市场主体名录" },
        { "/Credit/Invitations/Accept?token=unknown", "", "接受邀请" },
        { "/Credit/Profile", "bidder", "本单位信息" },
        { "/Credit/Staff", "bidder", "本单位人员" },
        { "/Workbench", "regulator", "工作台" },
        { "/Calendar/Edit?year=2027", "regulator", "录入或修改 2027 年节假日安排" },
        { "/Rules/Overrides", "regulator", "法定规则的地方设定" },
        { "/Supervision/Ledger", "supervisor.housing", "交易记录账本" },
        { "/Account/Security", "bidder", "我的账户" },
        { "/Account/Tokens", "agency", "接口令牌" },
        { "/Account/SignOut", "expert", "退出登录" },
        { "/Admin/Users", "admin", "账户管理" },
        { "/Admin/Users/Create", "admin", "新建工作人员账户" },
        { "/Credit/Records", "supervisor.housing", "信用记录" },
        { "/Credit/Records?late=true", "regulator", "信用记录" },
        { "/Credit/Records/New", "supervisor.housing", "录入信用记录" },
        { "/Credit/Records/Import", "supervisor.finance", "批量导入信用记录" },
        { "/Credit/Entities/Details?code=91990100MA5G7P1U9F", "", "安和顺达建材有限公司" },
        { "/Credit/TrustList", "admin", "数字证书信任列表" },
        { "/Credit/Certificates", "bidder", "本单位数字证书" },
        { "/Trading/Catalog", "", "公共资源交易目录" },
        { "/Trading/Catalog/Versions", "clerk", "交易目录版本" },
        { "/Trading/Catalog/Versions", "regulator", "交易目录版本" },
        { "/Trading/Projects", "tenderer", "本单位项目" },
        { "/Trading/Projects", "clerk", "项目受理" },
        { "/Trading/Projects", "regulator", "项目确认" },
        { "/Trading/Projects", "supervisor.housing", "项目登记（查阅）" },
        { "/Trading/Projects/Register", "agency", "登记项目" },
        { "/Portal/Announcements", "", "交易公告" },
        { "/Portal/Openings", "", "开标记录" },
        { "/Portal/Openings/{published}", "", "开标记录：安和市东湖公园景观提升工程 景观绿化施工" },
        { "/Portal/Awards", "", "中标公示与公告" },
        { "/Trading/Announcements", "agency", "公告与程序" },
        { "/Trading/Announcements", "tenderer", "公告与程序" },
        { "/Trading/Announcements/Invitations", "bidder", "投标邀请书" },
        { "/Trading/Lots", "bidder", "招标（采购）文件" },
        { "/Trading/Lots", "agency", "招标（采购）文件" },
        { "/Trading/Notices", "bidder", "交易通知" },
        { "/Trading/Notices", "supervisor.housing", "交易通知" },
        { "/Trading/Lots/Terminations", "supervisor.housing", "待确认的终止申请" },
        { "/Trading/Objections", "clerk", "异议及答复期限" },
        { "/Trading/Objections", "agency", "异议及答复期限" },
        { "/Trading/Security/Receipts", "clerk", "投标保证金银行回单" },
        { "/Trading/Security/Refunds", "clerk", "投标保证金退还" },
        { "/Trading/Security/Lot/{lot}", "clerk", "标段投标保证金托管" },
        { "/Trading/Lots/Security/{lot}", "agency", "投标保证金要求" },
        { "/Trading/Lots/SecurityGuarantee/{lot}", "bidder", "投标保证金与电子保函" },
        { "/Trading/Bids", "bidder", "投标文件递交" },
        { "/Trading/Bids/Lot/{lot}", "bidder2", "递交投标文件" },
        { "/Trading/Opening", "clerk", "开标大厅" },
        { "/Trading/Evaluation", "expert", "评标室" },
        { "/Trading/Evaluation", "clerk", "评标室" },
        { "/Trading/Evaluation/{lot}", "agency", "评标室" },
        { "/Trading/Opening", "supervisor.housing", "开标大厅" },
        { "/Trading/Evaluation/{evaluating}", "{member}", "路灯及交通设施施工" },
        { "/Trading/Evaluation/Bidder/{evaluating}", "bidder2", "评标澄清和报价修正" },
        { "/Trading/Award/Lot/{publicity}", "agency", "定标与合同" },
        { "/Trading/Award/Lot/{contracted}", "tenderer", "定标与合同" },
        { "/Trading/Archive/{contracted}", "supervisor.housing", "道路及排水工程施工" },
        { "/Portal/Awards/Details/{publicity}", "", "桥梁维修加固施工" },
        { "/Trading/Evaluation/{purchase-evaluating}", "{purchase-member}", "交互式智能黑板" },
        { "/Trading/Award/Lot/{purchase-contracted}", "bidder2", "定标与合同" },
        { "/Portal/Awards/Details/{purchase-contracted}", "", "理化生实验室仪器" },
        { "/Trading/Archive", "tenderer", "归档" },
        { "/Trading/Archive", "supervisor.housing", "归档" },
        { "/Trading/Archive/{archived}", "agency", "归档包" },
        { "/Trading/Archive/{archived}", "regulator", "归档包" },
        { "/Experts/Pool", "clerk", "专家库" },
        { "/Experts/Pool?specialty=A08&status=Active", "regulator", "专家库" },
        { "/Experts/Pool/New", "clerk", "专家入库" },
        { "/Experts/Pool/Details/{expert}", "admin", "专家 ZJ000010" },
        { "/Experts/Pool/Details/{expert}", "regulator", "专家 ZJ000010" },
        { "/Experts/Pool/Edit/{expert}", "clerk", "修改专家 ZJ000010" },
        { "/Experts/Sanctions", "regulator", "专家暂停与黑名单" },
        { "/Experts/Sanctions", "supervisor.housing", "专家暂停与黑名单" },
        { "/Experts/Sanctions/Suspend?code=ZJ000071", "admin", "暂停专家抽取资格" },
        { "/Experts/Sanctions/Blacklist?code=ZJ000072", "supervisor.housing", "将专家列入黑名单" },
        { "/Experts/Profile", "expert", "我的专家信息" },
        { "/Experts/Ratings", "clerk", "一标一评" },
        { "/Experts/Ratings", "tenderer", "一标一评" },
        { "/Experts/Draws", "clerk", "专家抽取" },
        { "/Experts/Draws", "tenderer", "专家抽取" },
        { "/Experts/Draws/Details/{draw}", "clerk", "专家抽取 — 安和市东湖公园景观提升工程" },
        { "/Experts/Draws/Details/{draw}", "agency", "专家抽取 — 安和市东湖公园景观提升工程" },
        { "/Experts/Draws/Request/{lot}", "agency", "申请抽取评标专家" },
        { "/Experts/Draws/Invitations", "expert", "我的抽取通知" },
        { "/Experts/Draws/Messages", "admin", "模拟短信网关" },
    };

    [Theory]
    [MemberData(nameof(EveryPage))]
    public async Task Page_ForAnEntitledRole_OpensWithItsHeading_AndNoScriptErrors(string path, string userName, string heading)
    {
        if (userName == "{member}")
        {
            userName = await MemberAsync(await RoadLotAsync("路灯及交通设施施工"));
        }
        else if (userName == "{purchase-member}")
        {
            userName = await MemberAsync(await RoadLotAsync("交互式智能黑板", PurchaseProject));
        }

        await using var context = userName.Length > 0 ? await browser.SignedInContextAsync(userName) : await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add(message.Text);
            }
        };
        page.PageError += (_, error) => errors.Add(error);
        page.Response += (_, response) =>
        {
            if (response.Status >= 400 && response.Url != page.Url)
            {
                errors.Add($"{response.Status} {response.Url}");
            }
        };
        var url = path.Contains("{lot}", StringComparison.Ordinal)
            ? path.Replace("{lot}", (await BidSecurityBrowserTests.SchoolLotAsync(browser)).Id, StringComparison.Ordinal)
            : path.Contains("{published}", StringComparison.Ordinal)
                ? path.Replace("{published}", await PortalOpeningBrowserTests.PublishedLotAsync(browser), StringComparison.Ordinal)
                : path;
        if (url.Contains("{draw}", StringComparison.Ordinal))
        {
            url = url.Replace("{draw}", await DrawIdAsync("drawing"), StringComparison.Ordinal);
        }

        if (url.Contains("{archived}", StringComparison.Ordinal))
        {
            url = url.Replace("{archived}", await ArchivedLotAsync(), StringComparison.Ordinal);
        }

        foreach (var (placeholder, lot, project) in new[]
        {
            ("{evaluating}", "路灯及交通设施施工", RoadProject), ("{publicity}", "桥梁维修加固施工", RoadProject), ("{contracted}", "道路及排水工程施工", RoadProject),
            ("{purchase-evaluating}", "交互式智能黑板", PurchaseProject), ("{purchase-contracted}", "理化生实验室仪器", PurchaseProject),
        })
        {
            if (url.Contains(placeholder, StringComparison.Ordinal))
            {
                url = url.Replace(placeholder, await RoadLotAsync(lot, project), StringComparison.Ordinal);
            }
        }

        if (url.Contains("{expert}", StringComparison.Ordinal))
        {
            url = url.Replace("{expert}", await ExpertPoolBrowserTests.ExpertIdAsync(browser, "ZJ000010"), StringComparison.Ordinal);
        }

        var response = await page.GotoAsync(url);

        response!.Status.ShouldBe(200);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(heading);
        errors.ShouldBeEmpty();
        await Pages.KeepScreenshotAsync(page, "page" + path.Replace('/', '-').Replace('?', '-').Replace('=', '-').Replace("{", "", StringComparison.Ordinal).Replace("}", "", StringComparison.Ordinal));
    }

    /// <summary>The first lot whose archive package the agency may download, as its API lists them.</summary>
    private async Task<string> ArchivedLotAsync()
    {
        await using var context = await browser.SignedInContextAsync("agency");
        var archives = await (await context.APIRequest.GetAsync("/api/v1/trading/archives")).JsonAsync();
        return archives!.Value.EnumerateArray().First().GetProperty("lotId").GetString()!;
    }

    /// <summary>
    /// A lot of the demo's 沿江大道 works (in evaluation, in publicity, contracted and archived) or of its 政府采购 goods, as the
    /// center's API lists it.
    /// </summary>
    private async Task<string> RoadLotAsync(string name, string project = RoadProject)
    {
        await using var context = await browser.SignedInContextAsync("clerk");
        var lots = await (await context.APIRequest.GetAsync("/api/v1/trading/lots")).JsonAsync();
        return lots!.Value.EnumerateArray()
            .First(l => l.GetProperty("projectName").GetString() == project && l.GetProperty("lotName").GetString() == name)
            .GetProperty("lotId").GetString()!;
    }

    /// <summary>An expert account that sits on the lot's committee (the draw is random), as the center sees the room.</summary>
    private async Task<string> MemberAsync(string lotId)
    {
        await using var context = await browser.SignedInContextAsync("clerk");
        var room = await (await context.APIRequest.GetAsync($"/api/v1/trading/lots/{lotId}/evaluation")).JsonAsync();
        return room!.Value.GetProperty("members").EnumerateArray().First(m => m.GetProperty("kind").GetString() == "expert").GetProperty("userName").GetString()!;
    }

    private async Task<string> DrawIdAsync(string state)
    {
        await using var context = await browser.SignedInContextAsync("clerk");
        var draws = await (await context.APIRequest.GetAsync("/api/v1/experts/draws")).JsonAsync();
        return draws!.Value.EnumerateArray().First(d => d.GetProperty("state").GetString() == state).GetProperty("id").GetString()!;
    }

    [Fact]
    public async Task Administrator_OpensAStaffMembersPasswordReset_FromTheAccountList()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await Pages.SignInAsync(page, "admin");
        await page.GotoAsync("/Admin/Users");

        await page.GetByRole(AriaRole.Row, new() { Name = "clerk.east" }).GetByRole(AriaRole.Link, new() { Name = "重置密码" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("重置密码");
        await Expect(page.GetByText("陈志强")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task EntityDirectory_LeadsToAnEntitysPage_WithItsSignedCommitment()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Credit/Entities");

        await page.GetByRole(AriaRole.Link, new() { Name = "安和宏远建筑工程有限公司" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("安和宏远建筑工程有限公司");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "信用承诺书" })).ToBeVisibleAsync();
        await Expect(page.GetByText("尚未签署信用承诺书")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task ApiReference_Anonymous_ShowsTheDocumentedApi()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();

        await page.GotoAsync("/api/reference/index.html");

        // The reference renders once the OpenAPI document has been generated, which the host does on its first request
        // for it: on a busy machine that takes longer than the usual five seconds.
        await Expect(page.GetByText("Ggzy 公共资源交易平台接口")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Expect(page.GetByText("/api/v1/ledger", new() { Exact = true })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Regulator_EntersNextYear_AndTheDeadlineCalculatorUsesIt()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await Pages.SignInAsync(page, "regulator");

        await page.GotoAsync("/Calendar/Edit?year=2032");
        await page.GetByLabel("依据的通知").FillAsync("国务院办公厅关于2032年部分节假日安排的通知（浏览器测试）");
        await page.GetByLabel("放假安排（每行一项：名称,开始日期,结束日期）").FillAsync("元旦,2032-01-01,2032-01-03");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Pages.ReachedAsync(page, "/Calendar?year=2032");
        await Expect(page.GetByText("浏览器测试")).ToBeVisibleAsync();

        await page.GetByLabel("起算日（当天不计入）").FillAsync("2031-12-31");
        await page.GetByLabel("天数").FillAsync("1");
        await page.GetByRole(AriaRole.Button, new() { Name = "计算" }).ClickAsync();
        await Expect(page.Locator("[data-testid=deadline-result]")).ToContainTextAsync("2032年1月5日");
    }
}
