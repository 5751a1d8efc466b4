using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Ggzy.Browser.Tests;

/// <summary>The trading catalog (R1–R3): the public check, and the Regulator before the demo's pending version.</summary>
[Collection(BrowserCollection.Name)]
public sealed class TradingCatalogBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task AnonymousVisitor_ChecksA500WanWorksProject_AndSeesItMustEnterCiting16()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Trading/Catalog");
        await Expect(page.Locator("[data-testid=catalog-entries]")).ToContainTextAsync("4,000,000 元");

        await page.GetByLabel("行业领域").SelectOptionAsync("工程建设");
        await page.GetByLabel("项目类型").SelectOptionAsync("施工");
        await page.GetByLabel("估算价（万元）").FillAsync("500");
        await page.GetByLabel("项目所在地行政区划代码").FillAsync("990100");
        await page.GetByRole(AriaRole.Button, new() { Name = "查询" }).ClickAsync();

        var result = page.Locator("[data-testid=classify-result]");
        await Expect(result).ToContainTextAsync("必须进场交易");
        await Expect(result).ToContainTextAsync("《必须招标的工程项目规定》（国家发展改革委令第16号）第五条");
        await Expect(result).ToContainTextAsync("安和市公共资源交易中心");
        await Pages.KeepScreenshotAsync(page, "trading-catalog-check");
    }

    [Fact]
    public async Task Regulator_OpensThePendingVersion_AndRejectingWithoutAReason_IsRefusedInChinese()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await Pages.SignInAsync(page, "regulator");
        await page.GotoAsync("/Trading/Catalog/Versions");

        await page.GetByRole(AriaRole.Link, new() { Name = "第 2 版" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("交易目录第 2 版");
        await Expect(page.Locator("[data-testid=version-entries]")).ToContainTextAsync("国有产权");
        await page.GetByRole(AriaRole.Button, new() { Name = "退回" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("退回须写明理由");
        await Expect(page.Locator("[data-testid=version-status]")).ToContainTextAsync("待审批");
        await Pages.KeepScreenshotAsync(page, "trading-catalog-pending");
    }
}
