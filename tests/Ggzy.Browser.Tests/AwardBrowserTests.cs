using Ggzy.TestKit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Ggzy.Browser.Tests;

/// <summary>The demo with a signed evaluation report filed for the 景观绿化施工 lot (the evaluation room is not under test here).</summary>
public sealed class AwardBrowserApp : BrowserApp
{
    public EvaluationReportBox Reports { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(Reports.AddTo);
    }
}

/// <summary>
/// The award in the browser (docs/award.md): the agency reaches 定标与合同 from the lot page and publishes the candidate
/// publicity; a bidder objects and the lot pauses; the agency answers and it resumes; the page opens for every role that
/// reads it, and the portal shows the publicity.
/// </summary>
public sealed class AwardBrowserTests : IAsyncLifetime
{
    private const string ParkProject = "安和市东湖公园景观提升工程";

    private readonly AwardBrowserApp _app = new();
    private readonly BrowserFixture _browser;

    public AwardBrowserTests() => _browser = new BrowserFixture(_app);

    public async ValueTask InitializeAsync() => await _browser.InitializeAsync();

    public async ValueTask DisposeAsync() => await _browser.DisposeAsync();

    [Fact]
    public async Task Publicity_Objection_Answer_AndEveryReaderOpensThePage()
    {
        var lotId = await EvaluationReportBox.LotIdAsync(_app.Services, ParkProject, "景观绿化施工");
        var candidates = await _app.Reports.EvaluateAsync(_app.Services, TimeProvider.System.GetUtcNow(), lotId, ["bidder", "bidder2", "bidder3"]);

        await using var agencyContext = await _browser.NewContextAsync();
        var agency = await agencyContext.NewPageAsync();
        await Pages.SignInAsync(agency, "agency");
        await agency.GotoAsync($"/Trading/Lots/Details/{lotId}");
        await agency.GetByTestId("award-link").ClickAsync();
        await Expect(agency.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("定标与合同");
        await agency.GetByTestId("publish-publicity").ClickAsync();
        await Expect(agency.GetByTestId("award-state")).ToContainTextAsync("中标候选人公示中");
        await Expect(agency.GetByTestId("publicity-period")).ToBeVisibleAsync();

        await using var bidderContext = await _browser.NewContextAsync();
        var bidder = await bidderContext.NewPageAsync();
        await Pages.SignInAsync(bidder, "bidder2");
        await bidder.GotoAsync($"/Trading/Award/Lot/{lotId}");
        await bidder.GetByTestId("objection-text").FillAsync("第一名的项目负责人证书与投标文件不一致。");
        await bidder.GetByTestId("raise-objection").ClickAsync();
        await Expect(bidder.GetByTestId("award-state")).ToContainTextAsync("已暂停");

        await agency.ReloadAsync();
        await agency.GetByTestId("answer-text").FillAsync("经核查，证书一致，异议不成立。");
        await agency.GetByTestId("answer").ClickAsync();
        await Expect(agency.GetByTestId("award-state")).ToContainTextAsync("中标候选人公示中");
        await Pages.KeepScreenshotAsync(agency, "award-lot");

        foreach (var user in new[] { "tenderer", "clerk", "regulator", "supervisor.housing", "bidder3" })
        {
            await using var context = await _browser.NewContextAsync();
            var page = await context.NewPageAsync();
            await Pages.SignInAsync(page, user);
            await page.GotoAsync($"/Trading/Award/Lot/{lotId}");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("定标与合同");
            await Expect(page.GetByTestId("award-candidates")).ToContainTextAsync(candidates[0].BidderName);
        }

        await using var publicContext = await _browser.NewContextAsync();
        var anyone = await publicContext.NewPageAsync();
        await anyone.GotoAsync("/Portal/Awards");
        await anyone.GetByRole(AriaRole.Link, new() { Name = "景观绿化施工" }).First.ClickAsync();
        await Expect(anyone.GetByTestId("publicity-candidates")).ToContainTextAsync("项目经理1");
        await Expect(anyone.GetByTestId("objection-channel")).ToContainTextAsync("异议");
    }
}
