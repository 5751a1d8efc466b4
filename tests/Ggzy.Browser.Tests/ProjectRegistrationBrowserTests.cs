using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Ggzy.Browser.Tests;

/// <summary>
/// Project registration (R4): the tenderer registers a 水利 works project with its approval scan — its supervisory department
/// the 水行政主管部门 — and the center's clerk accepts it.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ProjectRegistrationBrowserTests(BrowserFixture browser)
{
    private const string ProjectName = "安和市东湖水库除险加固工程";

    [Fact]
    public async Task Tenderer_RegistersWithAScan_ThenTheClerkAcceptsIt()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await Pages.SignInAsync(page, "tenderer");
        await page.GotoAsync("/Trading/Projects/Register");

        await page.GetByLabel("项目名称").FillAsync(ProjectName);
        await page.GetByLabel("项目类型").FillAsync("施工");
        await page.GetByLabel("行业（工程建设项目）").SelectOptionAsync(new SelectOptionValue { Value = "水利工程" });
        await page.GetByLabel("依法需要审批/核准").CheckAsync();
        await page.GetByLabel("审批（核准）文号").FillAsync("安发改审批〔2026〕188号");
        await page.GetByLabel("审批（核准）部门").FillAsync("安和市发展和改革委员会");
        await page.GetByLabel("资金来源").FillAsync("财政资金");
        await page.GetByLabel("已落实资金（元）").FillAsync("8000000");
        await page.GetByLabel("第 1 个标段名称").FillAsync("施工");
        await page.GetByLabel("第 1 个标段估算价").FillAsync("7600000");
        await page.GetByLabel("第 2 个标段名称").FillAsync("监理");
        await page.GetByLabel("第 2 个标段估算价").FillAsync("400000");
        await page.GetByLabel("审批（核准）文件").SetInputFilesAsync(new FilePayload
        {
            Name = "批复.pdf",
            MimeType = "application/pdf",
            Buffer = "%PDF-1.7\n批复\n%%EOF"u8.ToArray(),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "提交登记" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(ProjectName);
        await Expect(page.Locator("[data-testid=project-status]")).ToHaveTextAsync("已提交，待受理");
        await Expect(page.Locator("[data-testid=verdict]")).ToContainTextAsync("必须进场交易");
        await Expect(page.Locator("[data-testid=files]")).ToContainTextAsync("批复.pdf");
        await Expect(page.Locator("[data-testid=lots]")).ToContainTextAsync("监理");
        await Expect(page.Locator("[data-testid=supervisory-department]")).ToContainTextAsync("水行政主管部门（水利）");
        var url = page.Url;

        await using var clerkContext = await browser.NewContextAsync();
        var clerk = await clerkContext.NewPageAsync();
        await Pages.SignInAsync(clerk, "clerk");
        await clerk.GotoAsync("/Trading/Projects?status=Submitted");
        await clerk.GetByRole(AriaRole.Link, new() { Name = ProjectName }).ClickAsync();
        await Expect(clerk).ToHaveURLAsync(url);
        await clerk.GetByLabel("说明（不予受理时写明事实）").FillAsync("批复文件齐全，予以受理。");
        await clerk.GetByRole(AriaRole.Button, new() { Name = "受理", Exact = true }).ClickAsync();

        await Expect(clerk.Locator("[data-testid=project-status]")).ToHaveTextAsync("已受理");
        await Expect(clerk.Locator("[data-testid=history]")).ToContainTextAsync("clerk 受理");
        await Pages.KeepScreenshotAsync(clerk, "trading-project-accepted");
    }

    [Fact]
    public async Task Clerk_RefusingWithoutAReason_IsToldTheRuleInChinese()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await Pages.SignInAsync(page, "clerk");
        await page.GotoAsync("/Trading/Projects?status=Submitted");
        await page.GetByRole(AriaRole.Link, new() { Name = "安和市滨河路道路改造工程" }).ClickAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "不予受理" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("不予受理须选择法定理由之一");
        await Expect(page.Locator("[data-testid=project-status]")).ToHaveTextAsync("已提交，待受理");
    }
}
