using Ggzy.TestKit;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Ggzy.Browser.Tests;

/// <summary>
/// The supervisory department and the center in the browser on the demo (docs/archive.md 终止招标, docs/award.md §5): 住建's
/// supervisor opens the waiting termination from the workbench's list and refuses it with a reason on the lot page; the
/// center's staff correct the 沿江大道 lot's report day through the award page's form.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SupervisionBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task Supervisor_RefusesTheWaitingTermination_CenterCorrectsAFilingDay()
    {
        await using var supervisorContext = await browser.SignedInContextAsync("supervisor.housing");
        var supervisor = await supervisorContext.NewPageAsync();
        await supervisor.GotoAsync("/Workbench");
        await supervisor.Locator("#main").GetByRole(AriaRole.Link, new() { Name = "待确认的终止申请" }).ClickAsync();
        var row = supervisor.GetByTestId("pending-terminations").Locator("tr", new() { HasText = "安和市第三中学教学楼建设工程" });
        await Expect(row).ToContainTextAsync("agency");
        await row.GetByRole(AriaRole.Link, new() { Name = "施工" }).ClickAsync();
        await Expect(supervisor.GetByTestId("termination-department")).ToContainTextAsync("住建");
        await supervisor.GetByLabel("确认意见或不予确认的理由").FillAsync("选址论证尚在进行，请待论证结论后再行申请。");
        await supervisor.GetByRole(AriaRole.Button, new() { Name = "不予确认" }).ClickAsync();
        await Expect(supervisor.GetByTestId("termination-request")).ToContainTextAsync("未予确认，程序继续");
        await Expect(supervisor.GetByTestId("termination-request")).ToContainTextAsync("选址论证尚在进行");
        await Expect(supervisor.GetByTestId("termination-decision-form")).ToHaveCountAsync(0);

        await using var clerkContext = await browser.SignedInContextAsync("clerk");
        var clerk = await clerkContext.NewPageAsync();
        var road = await EvaluationReportBox.LotIdAsync(browser.App.Services, "安和市沿江大道市政改造工程", "道路及排水工程施工");
        await clerk.GotoAsync($"/Trading/Award/Lot/{road}");
        var form = clerk.GetByTestId("filing-correction-form");
        var previous = await clerk.GetByTestId("filing-correction").CountAsync();
        var day = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().AddDays(-3).DateTime).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await form.GetByLabel("更正事项").SelectOptionAsync("supervisor-report");
        await form.GetByLabel("更正后的日期").FillAsync(day);
        await form.GetByLabel("更正理由").FillAsync("住建局补发回执，收件日期以补发回执为准。");
        await form.GetByRole(AriaRole.Button, new() { Name = "更正日期" }).ClickAsync();
        await Expect(clerk.GetByTestId("filing-correction")).ToHaveCountAsync(previous + 1);
        await Expect(clerk.GetByTestId("filing-correction").Last).ToContainTextAsync("住建局补发回执");
        await Expect(clerk.GetByTestId("award-filings")).ToContainTextAsync(day);
    }
}
