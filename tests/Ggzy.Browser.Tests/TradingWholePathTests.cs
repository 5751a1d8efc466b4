using System.Globalization;
using Microsoft.Playwright;
using Shouldly;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Ggzy.Browser.Tests;

/// <summary>
/// Trading I from end to end in a real browser, on a host of its own whose clock can be moved forward: the tenderer
/// registers a project, the clerk accepts it, the tenderer publishes its announcement and uploads the tender
/// documents, an anonymous reader finds the announcement on the portal, a bidder downloads the documents once they
/// are on sale, and a clarification issued within 15 days of the deadline moves the deadline and reaches the bidder.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class TradingWholePathTests(BrowserFixture browser) : IAsyncDisposable
{
    private const string ProjectName = "安和市滨湖公园景观提升工程";

    private readonly List<IBrowserContext> _contexts = [];

    [Fact]
    public async Task Tender_FromRegistrationToAClarificationThatMovesTheDeadline()
    {
        await using var app = new MovableClockBrowserApp();
        await app.InitializeAsync();
        var errors = new List<string>();

        // 1. The tenderer registers the project with one lot above the 400万元 threshold (16号令 第五条).
        var tenderer = await SignedInAsync(app, "tenderer", errors);
        await tenderer.GotoAsync("/Trading/Projects/Register");
        await tenderer.GetByLabel("项目名称").FillAsync(ProjectName);
        await tenderer.GetByLabel("项目类型").FillAsync("施工");
        await tenderer.GetByLabel("资金来源").FillAsync("财政资金");
        await tenderer.GetByLabel("已落实资金（元）").FillAsync("5600000");
        await tenderer.GetByLabel("第 1 个标段名称").FillAsync("景观施工");
        await tenderer.GetByLabel("第 1 个标段估算价").FillAsync("5600000");
        await tenderer.Locator("[data-testid=register-submit]").ClickAsync();
        await Expect(tenderer.Locator("[data-testid=project-status]")).ToHaveTextAsync("已提交，待受理");
        await Expect(tenderer.Locator("[data-testid=verdict]")).ToContainTextAsync("必须进场交易");
        var projectUrl = tenderer.Url;

        // 2. The clerk accepts it.
        var clerk = await SignedInAsync(app, "clerk", errors);
        await clerk.GotoAsync(projectUrl);
        await clerk.GetByLabel("说明（不予受理时写明事实）").FillAsync("材料齐全，予以受理。");
        await clerk.GetByRole(AriaRole.Button, new() { Name = "受理", Exact = true }).ClickAsync();
        await Expect(clerk.Locator("[data-testid=project-status]")).ToHaveTextAsync("已受理");

        // 3. The tenderer composes the announcement with the proposed dates, previews and publishes it.
        await tenderer.GotoAsync("/Trading/Announcements");
        await tenderer.Locator("[data-testid=project]", new() { HasText = ProjectName }).Locator("[data-testid=compose]").ClickAsync();
        await tenderer.GetByLabel("招标范围（采购需求）").FillAsync("滨湖公园景观提升工程施工，含绿化、园路和照明。");
        await tenderer.GetByLabel("项目规模").FillAsync("占地约 12 公顷");
        await tenderer.GetByLabel("投标人（供应商）资格要求").FillAsync("具备市政公用工程施工总承包三级及以上资质。");
        await tenderer.GetByLabel("获取招标文件（资格预审文件）的方式").FillAsync("登录本平台下载");
        await tenderer.GetByLabel("投标文件（申请文件）递交方式").FillAsync("通过本平台在线递交加密投标文件");
        await tenderer.GetByLabel("联系人和联系方式").FillAsync("吴先生 0990-1234567");
        await tenderer.Locator("[data-testid=save-draft]").ClickAsync();
        await Expect(tenderer.Locator("[data-testid=publishable]")).ToBeVisibleAsync();
        await tenderer.Locator("[data-testid=publish]").ClickAsync();
        await Expect(tenderer.Locator("[data-testid=announcement-status]")).ToHaveTextAsync("已发布");
        var title = ProjectName + "招标公告";

        // 4. It uploads the tender documents while the lot is announced.
        await tenderer.GetByRole(AriaRole.Link, new() { Name = "1 标段（包）程序" }).ClickAsync();
        await Expect(tenderer.Locator("[data-testid=lot-state]")).ToContainTextAsync("已发布公告");
        await tenderer.Locator("[data-testid=documents-link]").ClickAsync();
        var documentsUrl = tenderer.Url;
        await tenderer.Locator("[data-testid=upload-form] input[type=file]").SetInputFilesAsync(new FilePayload
        {
            Name = "招标文件（景观施工）.pdf",
            MimeType = "application/pdf",
            Buffer = "%PDF-1.7\n招标文件\n%%EOF"u8.ToArray(),
        });
        await tenderer.Locator("[data-testid=upload-form] button").ClickAsync();
        await Expect(tenderer.Locator("[data-testid=documents]")).ToContainTextAsync("招标文件（景观施工）.pdf");

        // 5. Anyone finds the announcement on the portal without signing in.
        var visitor = await (await NewContextAsync(app)).NewPageAsync();
        visitor.PageError += (_, e) => errors.Add(e);
        await visitor.GotoAsync("/Portal/Announcements");
        await visitor.GetByLabel("行业领域").SelectOptionAsync("工程建设");
        await visitor.Locator("[data-testid=portal-search]").ClickAsync();
        await visitor.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        await Expect(visitor.Locator("[data-testid=announcement-title]")).ToHaveTextAsync(title);
        await Expect(visitor.Locator("[data-testid=announcement-lots]")).ToContainTextAsync("景观施工");

        // 6. Two days later the documents are on sale (the procedure clock moved the lot); a bidder downloads them.
        app.Clock.Ahead = TimeSpan.FromDays(2);
        var bidder = await SignedInAsync(app, "bidder", errors);
        await bidder.GotoAsync(documentsUrl);
        for (var tries = 0; tries < 60 && !(await bidder.Locator("[data-testid=lot-state]").InnerTextAsync()).Contains("文件发售中", StringComparison.Ordinal); tries++)
        {
            // The clock ticks every second; the page shows the state as of its loading.
            await Task.Delay(500, TestContext.Current.CancellationToken);
            await bidder.ReloadAsync();
        }

        await Expect(bidder.Locator("[data-testid=lot-state]")).ToContainTextAsync("文件发售中");
        var download = await bidder.RunAndWaitForDownloadAsync(() =>
            bidder.GetByRole(AriaRole.Link, new() { Name = "招标文件（景观施工）.pdf" }).ClickAsync());
        download.SuggestedFilename.ShouldBe("招标文件（景观施工）.pdf");

        // 7. Twenty-two days after the announcement the deadline is ten days away: a clarification must move it (实施条例 第二十一条).
        app.Clock.Ahead = TimeSpan.FromDays(22);
        var tendererLater = await SignedInAsync(app, "tenderer", errors);
        await tendererLater.GotoAsync(documentsUrl);
        var oldDeadline = await tendererLater.Locator("[data-testid=deadline]").InnerTextAsync();
        await Expect(tendererLater.Locator("[data-testid=proposal]")).ToContainTextAsync("不足");
        var proposed = await tendererLater.GetByLabel("投标截止时间（北京时间）").InputValueAsync();
        await tendererLater.GetByLabel("澄清或者修改的内容").FillAsync("第三章园路面层材料调整为透水混凝土，其他内容不变。");
        await tendererLater.GetByRole(AriaRole.Button, new() { Name = "发布并通知已下载文件的单位" }).ClickAsync();
        var newDeadline = DateTime.ParseExact(proposed[..16], "yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture)
            .ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        await Expect(tendererLater.Locator("[data-testid=deadline]")).ToContainTextAsync(newDeadline);
        (await tendererLater.Locator("[data-testid=deadline]").InnerTextAsync()).ShouldNotBe(oldDeadline);
        await Expect(tendererLater.Locator("[data-testid=adjustment-reason]").Last).ToContainTextAsync("依据");
        await tendererLater.ScreenshotAsync(new PageScreenshotOptions { Path = Pages.ScreenshotPath("trading-whole-path-clarified"), FullPage = true });

        // 8. The bidder that downloaded finds the clarification and the new deadline in its notices.
        var bidderLater = await SignedInAsync(app, "bidder", errors);
        await bidderLater.GotoAsync("/Trading/Notices");
        var notice = bidderLater.Locator("[data-testid=notice]").First;
        await Expect(notice).ToContainTextAsync("透水混凝土");
        await Expect(notice).ToContainTextAsync(newDeadline);
        errors.ShouldBeEmpty();
    }

    private async Task<IPage> SignedInAsync(MovableClockBrowserApp app, string userName, List<string> errors)
    {
        var page = await (await NewContextAsync(app)).NewPageAsync();
        page.PageError += (_, e) => errors.Add(e);
        await Pages.SignInAsync(page, userName);
        return page;
    }

    private async Task<IBrowserContext> NewContextAsync(MovableClockBrowserApp app)
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.Address.ToString(),
            Locale = "zh-CN",
            TimezoneId = "Asia/Shanghai",
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
        });
        _contexts.Add(context);
        return context;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var context in _contexts)
        {
            await context.DisposeAsync();
        }
    }
}
