using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Ggzy.Browser.Tests;

/// <summary>
/// The opening settings (开标事项) in the browser: the purchaser of the demo's office equipment lot, on the lot's
/// documents page, first asks for a window the rules do not allow and is told why, then sets the read-out items, the
/// window, the fallback and the maximum price, and finds them saved.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class OpeningSettingsBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task Tenderer_SetsTheOpeningSettings_OnTheDocumentsPage_AfterARefusalThatSaysWhy()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await Pages.SignInAsync(page, "tenderer");
        await page.GotoAsync("/Trading/Lots");
        await page.Locator("[data-testid=lots]").GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^办公家具及电子设备") }).ClickAsync();
        var form = page.GetByTestId("opening-settings-form");
        await Expect(form).ToBeVisibleAsync();
        await Expect(page.GetByLabel("唱标内容（每行一项）")).ToHaveValueAsync("交货期（服务期）\n质量\n项目负责人");

        await page.GetByLabel("解密时限（分钟）").FillAsync("300");
        await form.GetByRole(AriaRole.Button, new() { Name = "保存开标事项" }).ClickAsync();
        await Expect(page.Locator(".errors")).ToContainTextAsync("解密时限：15 至 240 分钟");
        await Expect(page.Locator(".errors")).ToContainTextAsync("《电子招标投标办法》第三十条");

        await page.GetByLabel("唱标内容（每行一项）").FillAsync("交货期（服务期）\n质量保证期\n售后服务");
        await page.GetByLabel("解密时限（分钟）").FillAsync("60");
        await page.GetByLabel("解密失败的补救方案（可选）").FillAsync("解密失败的，可在解密时间内到交易中心用投标文件的备份光盘解密。");
        await page.GetByLabel("最高投标限价（元，可选）").FillAsync("3150000.00");
        await form.GetByRole(AriaRole.Button, new() { Name = "保存开标事项" }).ClickAsync();

        await Expect(page.GetByTestId("message")).ToContainTextAsync("开标事项已保存：唱标内容 交货期（服务期）、质量保证期、售后服务，解密时限 60 分钟");
        await Expect(page.GetByLabel("解密时限（分钟）")).ToHaveValueAsync("60");
        await Expect(page.GetByLabel("最高投标限价（元，可选）")).ToHaveValueAsync("3150000.00");
        await Expect(page.GetByTestId("opening-settings")).ToContainTextAsync("最近由 tenderer");
        await Pages.KeepScreenshotAsync(page, "opening-settings");
    }
}
