using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Ggzy.Browser.Tests;

/// <summary>R28 in the browser: a supervisory department enters a penalty, and the entity's public page shows it.</summary>
[Collection(BrowserCollection.Name)]
public sealed class CreditRecordBrowserTests(BrowserFixture browser)
{
    /// <summary>安和城市建设投资集团有限公司, the demo's tenderer.</summary>
    private const string Owner = "91990100MA1C3K7PXC";

    [Fact]
    public async Task Supervisor_EntersAPenalty_AndTheEntitysPublicPageShowsIt()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await Pages.SignInAsync(page, "supervisor.housing");

        await page.GotoAsync($"/Credit/Entities/Details?code={Owner}");
        await page.GetByRole(AriaRole.Link, new() { Name = "为该主体录入信用记录" }).ClickAsync();
        await Expect(page.GetByLabel("市场主体统一社会信用代码")).ToHaveValueAsync(Owner);
        await page.GetByLabel("类别").SelectOptionAsync(new SelectOptionValue { Label = "行政处罚" });
        await page.GetByLabel("决定文号").FillAsync("安建罚〔2026〕浏览器1号");
        await page.GetByLabel("决定机关").FillAsync("安和市住房和城乡建设局");
        await page.GetByLabel("事实和依据").FillAsync("浏览器测试：未按规定办理施工许可擅自开工，罚款 5 万元。");
        await page.GetByRole(AriaRole.Button, new() { Name = "录入", Exact = true }).ClickAsync();

        await Pages.ReachedAsync(page, "/Credit/Records/Details?id=");
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("已录入");
        await Expect(page.Locator("[data-testid=status]")).ToHaveTextAsync("现行");

        await using var publicContext = await browser.NewContextAsync();
        var visitor = await publicContext.NewPageAsync();
        await visitor.GotoAsync($"/Credit/Entities/Details?code={Owner}");
        var records = visitor.Locator("[data-testid=credit-records]");
        await Expect(records).ToContainTextAsync("安建罚〔2026〕浏览器1号");
        await Expect(records).ToContainTextAsync("未按规定办理施工许可擅自开工");
        await Expect(visitor.Locator("[data-testid=credit-grade]")).ToBeVisibleAsync();
        await Expect(visitor.GetByRole(AriaRole.Link, new() { Name = "为该主体录入信用记录" })).ToHaveCountAsync(0);
        await Pages.KeepScreenshotAsync(visitor, "credit-record-on-entity-page");
    }

    [Fact]
    public async Task Supervisor_EntersADecisionDatedTomorrow_SeesTheChineseErrorOnTheForm()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await Pages.SignInAsync(page, "supervisor.housing");
        var tomorrow = TimeProvider.System.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).AddDays(1)
            .ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        await page.GotoAsync($"/Credit/Records/New?code={Owner}");
        await page.GetByLabel("类别").SelectOptionAsync(new SelectOptionValue { Label = "奖励" });
        await page.GetByLabel("决定文号").FillAsync("安建奖〔2026〕浏览器2号");
        await page.GetByLabel("决定机关").FillAsync("安和市住房和城乡建设局");
        await page.GetByLabel("决定日期").FillAsync(tomorrow);
        await page.GetByLabel("事实和依据").FillAsync("浏览器测试：明天的决定。");
        await page.GetByRole(AriaRole.Button, new() { Name = "录入", Exact = true }).ClickAsync();

        await Expect(page.Locator(".errors")).ToContainTextAsync("晚于今天");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("录入信用记录");
    }
}
