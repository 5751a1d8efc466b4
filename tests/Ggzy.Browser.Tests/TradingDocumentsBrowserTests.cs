using System.Globalization;
using Microsoft.Playwright;
using Shouldly;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Ggzy.Browser.Tests;

/// <summary>
/// Tender documents in the browser on the demo data: a bidder downloads the school's works documents without any
/// other step; the agency publishes a clarification that moves the deadline; the bidder finds it in its notices.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class TradingDocumentsBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task Bidder_Downloads_AgencyClarifiesMovingTheDeadline_BidderSeesItInNotices()
    {
        await using var bidderContext = await browser.NewContextAsync();
        var bidder = await bidderContext.NewPageAsync();
        await Pages.SignInAsync(bidder, "bidder2");
        await bidder.GotoAsync("/Trading/Lots");
        await bidder.Locator("[data-testid=lots]").GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^施工") }).First.ClickAsync();
        await Expect(bidder.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("安和市第三中学教学楼建设工程");
        await Expect(bidder.Locator("[data-testid=download-log-note]")).ToContainTextAsync("第二十一条");
        var download = await bidder.RunAndWaitForDownloadAsync(() =>
            bidder.GetByRole(AriaRole.Link, new() { Name = "招标文件（施工）.pdf" }).ClickAsync());
        download.SuggestedFilename.ShouldBe("招标文件（施工）.pdf");
        var lotUrl = bidder.Url;

        await using var agencyContext = await browser.NewContextAsync();
        var agency = await agencyContext.NewPageAsync();
        await Pages.SignInAsync(agency, "agency");
        await agency.GotoAsync(lotUrl);
        var deadline = agency.GetByLabel("投标截止时间（北京时间）");
        var proposed = DateTime.ParseExact((await deadline.InputValueAsync())[..16], "yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);
        var later = proposed.AddDays(7);
        await agency.GetByLabel("澄清或者修改的内容").FillAsync("开标时间顺延七日，其他内容不变。");
        await deadline.FillAsync(later.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture));
        await agency.GetByRole(AriaRole.Button, new() { Name = "发布并通知已下载文件的单位" }).ClickAsync();

        await Expect(agency.Locator("[data-testid=message]")).ToContainTextAsync("截止时间顺延至 " + later.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture));
        await Expect(agency.Locator("[data-testid=deadline]")).ToContainTextAsync(later.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture));
        await Expect(agency.Locator("[data-testid=deadline-moved]").Last).ToContainTextAsync("顺延至");
        await Expect(agency.Locator("[data-testid=adjustment-reason]").Last).ToContainTextAsync("依据");
        await Pages.KeepScreenshotAsync(agency, "trading-documents-clarified");

        await bidder.GotoAsync("/Trading/Notices");
        var notice = bidder.Locator("[data-testid=notice]").First;
        await Expect(notice).ToContainTextAsync("开标时间顺延七日");
        await Expect(notice).ToContainTextAsync("顺延至");
        await Expect(bidder.Locator("[data-testid=unread]")).Not.ToContainTextAsync("未读 0");
        await Pages.KeepScreenshotAsync(bidder, "trading-documents-notices");
    }
}
