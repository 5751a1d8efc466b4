using Ggzy.Sealing;
using Microsoft.Playwright;
using Shouldly;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Ggzy.Browser.Tests;

/// <summary>
/// An anonymous visitor on the portal finds the demo's published opening record (开标记录公示) from the navigation and the
/// search, opens it, and sees the bidders' prices, the price chart with the maximum price, and the record's digest,
/// which is the SM3 of the record file the page offers for download.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PortalOpeningBrowserTests(BrowserFixture browser)
{
    private const string OpenedLot = "景观绿化施工";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The lot id of the demo's published opening record, as anyone reads it from the API.</summary>
    public static async Task<string> PublishedLotAsync(BrowserFixture browser)
    {
        await using var context = await browser.NewContextAsync();
        var published = await (await context.APIRequest.GetAsync("/api/v1/trading/openings/published")).JsonAsync();
        return published!.Value.EnumerateArray().First(o => o.GetProperty("lotName").GetString() == OpenedLot).GetProperty("lotId").GetString()!;
    }

    [Fact]
    public async Task AnonymousVisitor_FindsTheDemoRecord_OpensIt_AndSeesThePricesAndTheChart()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "主导航" }).GetByRole(AriaRole.Link, new() { Name = "开标记录" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("开标记录");

        await page.GetByLabel("关键字").FillAsync("东湖公园");
        await page.GetByTestId("openings-search").ClickAsync();
        await Expect(page.GetByTestId("openings-count")).ToHaveTextAsync("共 1 条");
        var row = page.GetByTestId("openings-results").GetByRole(AriaRole.Row).Filter(new() { HasText = OpenedLot });
        await Expect(row).ToContainTextAsync("开标结束，记录已公布");
        await Expect(row).Not.ToContainTextAsync("6,395,500");
        await row.GetByRole(AriaRole.Link, new() { Name = OpenedLot }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(OpenedLot);
        var bids = page.GetByTestId("opening-bids");
        await Expect(bids.Locator("tr", new() { HasText = "安和恒泰建设集团有限公司" })).ToContainTextAsync("6,395,500.00 元");
        await Expect(bids.Locator("tr", new() { HasText = "安和宏远建筑工程有限公司" })).ToContainTextAsync("6,480,000.00 元");
        await Expect(bids.GetByTestId("price")).ToHaveCountAsync(3);
        await Expect(page.GetByTestId("disclosed-prices")).ToContainTextAsync("标底：6,520,000.00 元");
        var chart = page.GetByTestId("price-chart");
        await Expect(chart).ToBeVisibleAsync();
        await Expect(chart.Locator("rect.bar")).ToHaveCountAsync(3);
        await Expect(chart).ToContainTextAsync("6,611,000.00 元");
        await Expect(chart.Locator("line.limit")).ToHaveCountAsync(1);
        await Expect(page.GetByTestId("opening-objections")).ToContainTextAsync("异议已记录");

        var digest = (await page.GetByTestId("record-digest").InnerTextAsync()).Trim();
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("record-download").ClickAsync());
        Sm3.HashHex(await File.ReadAllBytesAsync(await download.PathAsync(), Ct)).ShouldBe(digest);
        await Pages.KeepScreenshotAsync(page, "portal-opening-record");
    }
}
