using Microsoft.Playwright;
using Shouldly;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Ggzy.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class PageTests(BrowserFixture browser)
{
    [Fact]
    public async Task HomePage_Anonymous_RendersInChinese()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();

        var response = await page.GotoAsync("/");

        response!.Status.ShouldBe(200);
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "zh-CN");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("公共资源交易平台");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "登录平台" })).ToBeVisibleAsync();
        var path = Pages.ScreenshotPath("home");
        var png = await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        png.Length.ShouldBeGreaterThan(20_000, "a rendered page, not a blank one");
    }

    [Fact]
    public async Task UnknownPage_Anonymous_ShowsChinese404()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();

        var response = await page.GotoAsync("/no-such-page");

        response!.Status.ShouldBe(404);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "页面不存在" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "返回首页" })).ToBeVisibleAsync();
        await Pages.KeepScreenshotAsync(page, "404", fullPage: false);
    }

    [Fact]
    public async Task SupervisionLedger_AsBidder_ShowsChinese403()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await Pages.SignInAsync(page, "bidder");

        var response = await page.GotoAsync("/Supervision/Ledger");

        response!.Status.ShouldBe(403);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "无权访问" })).ToBeVisibleAsync();
        await Expect(page.Locator("#ledger-rows")).ToHaveCountAsync(0);
        await Pages.KeepScreenshotAsync(page, "403", fullPage: false);
    }
}
