using Microsoft.Playwright;
using Shouldly;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Ggzy.Browser.Tests;

/// <summary>
/// The agency takes the demo's scheduled 监理 notice back, publishes it now, and sees its lot announced; an anonymous
/// visitor then finds it on the portal with a filter and opens it with its lot's trade code.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AnnouncementBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task Agency_PublishesTheNotice_AndAnonymousFindsItOnThePortal()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);
        await Pages.SignInAsync(page, "agency");
        await page.GotoAsync("/Trading/Announcements");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("公告与程序");

        await page.GetByRole(AriaRole.Link, new() { Name = "安和市第三中学教学楼建设工程监理招标公告" }).ClickAsync();
        await Expect(page.Locator("[data-testid=announcement-status]")).ToHaveTextAsync("定时发布");
        await page.GetByRole(AriaRole.Button, new() { Name = "撤回定时发布" }).ClickAsync();
        await Expect(page.Locator("[data-testid=announcement-status]")).ToHaveTextAsync("草稿");
        await page.Locator("[data-testid=edit]").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("编制公告");
        await page.GetByLabel("定时发布时间（北京时间，可空）").FillAsync("");
        await page.GetByLabel("投标人（供应商）资格要求").FillAsync("房屋建筑工程监理乙级及以上资质（浏览器测试）。");
        await page.Locator("[data-testid=save-draft]").ClickAsync();

        await Expect(page.Locator("[data-testid=publishable]")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=announcement]")).ToContainTextAsync("浏览器测试");
        await page.Locator("[data-testid=publish]").ClickAsync();
        await Expect(page.Locator("[data-testid=announcement-status]")).ToHaveTextAsync("已发布");
        await Pages.KeepScreenshotAsync(page, "announcement-published");

        await page.GetByRole(AriaRole.Link, new() { Name = "2 标段（包）程序" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("2 标段（包）监理");
        await Expect(page.Locator("[data-testid=lot-state]")).ToContainTextAsync("已发布公告");
        await Expect(page.Locator("[data-testid=lot-steps]")).ToContainTextAsync("发布公告");
        await Pages.KeepScreenshotAsync(page, "lot-procedure");

        await using var visitorContext = await browser.NewContextAsync();
        var visitor = await visitorContext.NewPageAsync();
        visitor.PageError += (_, error) => errors.Add(error);
        await visitor.GotoAsync("/Portal/Announcements");
        await visitor.GetByLabel("行业领域").SelectOptionAsync("工程建设");
        await visitor.GetByLabel("公告类型").SelectOptionAsync(new SelectOptionValue { Label = "招标公告" });
        await visitor.Locator("[data-testid=portal-search]").ClickAsync();
        var results = visitor.Locator("[data-testid=portal-results]");
        await Expect(results).ToContainTextAsync("监理招标公告");
        await Expect(results).Not.ToContainTextAsync("办公设备");
        await Expect(results).Not.ToContainTextAsync("更正公告");

        await visitor.GetByRole(AriaRole.Link, new() { Name = "安和市第三中学教学楼建设工程监理招标公告" }).ClickAsync();
        await Expect(visitor.Locator("[data-testid=announcement-title]")).ToHaveTextAsync("安和市第三中学教学楼建设工程监理招标公告");
        await Expect(visitor.Locator("[data-testid=announcement-lots]")).ToContainTextAsync("E990100");
        await Pages.KeepScreenshotAsync(visitor, "portal-announcement");
        errors.ShouldBeEmpty();
    }
}
