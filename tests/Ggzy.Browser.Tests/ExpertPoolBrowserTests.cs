using System.Globalization;
using Ggzy.Credit.Contracts;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Ggzy.Browser.Tests;

/// <summary>
/// The expert pool in the browser: the center adds an expert (refused first by 招标投标法 第三十七条), opens the
/// identity; an expert keeps leave current; the Regulator suspends an expert and sees it in the sanctions list.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ExpertPoolBrowserTests(BrowserFixture browser)
{
    private static DateOnly Today => DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).DateTime);

    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The id of a demo expert by pseudonym, as the center's API gives it.</summary>
    public static async Task<string> ExpertIdAsync(BrowserFixture browser, string code)
    {
        await using var context = await browser.SignedInContextAsync("clerk");
        var found = await (await context.APIRequest.GetAsync($"/api/v1/experts?code={code}")).JsonAsync();
        return found!.Value.GetProperty("rows")[0].GetProperty("id").GetString()!;
    }

    [Fact]
    public async Task Clerk_AddsAnEngineeringExpert_RefusedAtSevenYears_ThenAddedAndTheIdentityOpened()
    {
        var first17 = "990102" + Day(Today.AddYears(-40)).Replace("-", "", StringComparison.Ordinal) + Random.Shared.Next(100, 999).ToString(CultureInfo.InvariantCulture);
        var idNumber = first17 + ExpertIdNumbers.CheckCharacter(first17);
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await Pages.SignInAsync(page, "clerk");
        await page.GotoAsync("/Experts/Pool");
        await page.GetByRole(AriaRole.Link, new() { Name = "专家入库" }).ClickAsync();

        await page.GetByLabel("姓名").FillAsync("上官浏览");
        await page.GetByLabel("居民身份证号码").FillAsync(idNumber);
        await page.GetByLabel("手机号码").FillAsync("13900009999");
        await page.GetByLabel("职称名称").FillAsync("高级工程师");
        await page.GetByLabel("职称等级").SelectOptionAsync(new SelectOptionValue { Label = "副高级" });
        await page.GetByLabel("从事相关专业工作起始日期").FillAsync(Day(Today.AddYears(-7)));
        await page.GetByLabel("所在行政区划代码").FillAsync("990102");
        await page.GetByLabel("专业（可多选，最多 10 个）").SelectOptionAsync(["A0801"]);
        await page.GetByLabel("统一社会信用代码").FillAsync("91990100MA2D4L8Q" + "00");
        await page.GetByLabel("单位名称").FillAsync("安和市建筑设计研究院有限公司");
        await page.GetByLabel("入职日期").FillAsync(Day(Today.AddYears(-5)));
        await page.GetByRole(AriaRole.Button, new() { Name = "入库" }).ClickAsync();

        await Expect(page.Locator(".errors")).ToContainTextAsync("统一社会信用代码");
        await page.GetByLabel("统一社会信用代码").FillAsync(AgencyCode());
        await page.GetByRole(AriaRole.Button, new() { Name = "入库" }).ClickAsync();
        await Expect(page.Locator(".errors")).ToContainTextAsync("《中华人民共和国招标投标法》第三十七条");
        await Expect(page.Locator(".errors")).ToContainTextAsync("满 7 年");

        await page.GetByLabel("从事相关专业工作起始日期").FillAsync(Day(Today.AddYears(-10)));
        await page.GetByRole(AriaRole.Button, new() { Name = "入库" }).ClickAsync();
        await Pages.ReachedAsync(page, "/Experts/Pool/Details/");
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("已入库");
        await Expect(page.GetByText("上官浏览")).ToHaveCountAsync(0);

        await page.GetByRole(AriaRole.Link, new() { Name = "查看身份信息" }).ClickAsync();
        await Expect(page.Locator("[data-testid=identity-name]")).ToHaveTextAsync("上官浏览");
        await Expect(page.Locator("[data-testid=employments]")).ToContainTextAsync(AgencyCode());
        await Pages.KeepScreenshotAsync(page, "expert-identity");
    }

    [Fact]
    public async Task Expert_RecordsALeave_OnTheirProfile_AndTheCenterSeesItOnLeave()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await Pages.SignInAsync(page, "expert3");
        await page.GotoAsync("/Experts/Profile");
        await Expect(page.Locator("[data-testid=own-name]")).ToHaveTextAsync("范雅琴");

        await page.GetByLabel("开始日期").FillAsync(Day(Today));
        await page.GetByLabel("结束日期").FillAsync(Day(Today.AddDays(6)));
        await page.GetByLabel("事由").FillAsync("参加学术会议");
        await page.GetByRole(AriaRole.Button, new() { Name = "登记请假" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("已登记请假");
        await Expect(page.Locator("[data-testid=leaves]")).ToContainTextAsync("参加学术会议");

        await using var centerContext = await browser.NewContextAsync();
        var center = await centerContext.NewPageAsync();
        await Pages.SignInAsync(center, "clerk");
        await center.GotoAsync("/Experts/Pool?code=ZJ000003");
        await Expect(center.Locator("[data-testid=pool-row]")).ToContainTextAsync("请假中");
        await Expect(center.Locator("[data-testid=masked-name]")).ToHaveTextAsync("范**");
    }

    [Fact]
    public async Task Regulator_SuspendsAnExpert_AndTheSanctionsListShowsIt()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await Pages.SignInAsync(page, "regulator");
        await page.GotoAsync("/Experts/Sanctions/Suspend?code=ZJ000060");

        await page.GetByLabel("生效日期").FillAsync(Day(Today));
        await page.GetByLabel("理由").FillAsync("浏览器测试：一标一评不称职");
        await page.GetByLabel("依据（决定文号或所依据的规定）").FillAsync("安公管〔2026〕浏览器1号");
        await page.GetByRole(AriaRole.Button, new() { Name = "暂停抽取资格" }).ClickAsync();
        await Expect(page.Locator(".errors")).ToContainTextAsync("截止日期");

        await page.GetByLabel("截止日期（含当日）").FillAsync(Day(Today.AddMonths(3)));
        await page.GetByRole(AriaRole.Button, new() { Name = "暂停抽取资格" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("已暂停");
        await Expect(page.Locator("[data-testid=status]")).ToHaveTextAsync("暂停抽取");

        await page.GotoAsync("/Experts/Sanctions?inForce=true");
        await Expect(page.Locator("[data-testid=sanctions]")).ToContainTextAsync("安公管〔2026〕浏览器1号");
        await Pages.KeepScreenshotAsync(page, "expert-sanctions");
    }

    private static string AgencyCode() => Ggzy.Platform.Demo.DemoAccounts.Organizations.Single(o => o.Key == "agency").CreditCode!;
}
