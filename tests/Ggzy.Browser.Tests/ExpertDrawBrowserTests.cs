using System.Globalization;
using System.Text.RegularExpressions;
using Ggzy.Platform.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Shouldly;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Ggzy.Browser.Tests;

/// <summary>
/// The demo without its draws and with the draw clock off (the center draws at once): the 照明及给排水施工 lot's bids
/// closed a few minutes ago, and 建筑工程造价 (A0601) is held only by the seven experts with accounts.
/// </summary>
public sealed class DrawBrowserApp : BrowserApp
{
    // The demo it seeds has no draws.
    protected override bool StartsFromDemoTemplate => false;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Experts:Draw:ClockEnabled", "false");
        builder.ConfigureServices(s =>
        {
            foreach (var seeder in s.Where(d => d.ImplementationType?.Name == "DrawDemoSeeder").ToList())
            {
                s.Remove(seeder);
            }
        });
    }

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        await using var scope = Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().Database.ExecuteSqlRawAsync(
            "DELETE FROM experts_expert_specialties WHERE specialty_code = 'A0601' AND expert_id IN (SELECT id FROM experts_experts WHERE user_id IS NULL)");
    }
}

/// <summary>
/// A draw in the browser (issue 7): the tenderer requests it from the lot page; the center draws four experts of A0601
/// at once (the bids are closed) and the platform "texts" them; each reads the code from the simulated gateway and confirms on
/// the invitation page; at the evaluation each signs in with the second code and signs the credit commitment; the
/// center's draw page shows a name only once its expert has signed in, and the tenderer never sees one.
/// </summary>
public sealed class ExpertDrawBrowserTests : IAsyncLifetime
{
    private readonly BrowserFixture _browser = new(new DrawBrowserApp());

    public async ValueTask InitializeAsync() => await _browser.InitializeAsync();

    public async ValueTask DisposeAsync() => await _browser.DisposeAsync();

    [Fact]
    public async Task Tenderer_RequestsADraw_ExpertsConfirmWithTheTextedCodes_AndNamesAppearOnlyAtSignIn()
    {
        await using var tendererContext = await _browser.NewContextAsync();
        var tenderer = await tendererContext.NewPageAsync();
        await Pages.SignInAsync(tenderer, "tenderer");
        var lots = await (await tendererContext.APIRequest.GetAsync("/api/v1/trading/lots")).JsonAsync();
        var lotId = lots!.Value.EnumerateArray().First(l => l.GetProperty("lotName").GetString() == "照明及给排水施工").GetProperty("lotId").GetString();

        await tenderer.GotoAsync($"/Trading/Lots/Details/{lotId}");
        await tenderer.GetByTestId("request-draw-link").ClickAsync();
        var evaluation = TimeProvider.System.GetUtcNow().AddMinutes(50).ToOffset(TimeSpan.FromHours(8));
        await tenderer.GetByTestId("evaluation-starts-at").FillAsync(evaluation.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture));
        await tenderer.GetByTestId("site-address-0").FillAsync("安和市人民路 88 号");
        await tenderer.GetByTestId("members").FillAsync("5");
        await tenderer.GetByTestId("representatives").FillAsync("1");
        await tenderer.GetByTestId("specialty-0").SelectOptionAsync("A0601");
        await tenderer.GetByTestId("count-0").FillAsync("4");
        await tenderer.GetByTestId("request-draw").ClickAsync();
        await Expect(tenderer.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("专家抽取");
        var drawUrl = tenderer.Url;

        // The bids closed before the request, so the center may draw now; the gateway "texts" the four.
        await using var clerkContext = await _browser.NewContextAsync();
        var clerk = await clerkContext.NewPageAsync();
        await Pages.SignInAsync(clerk, "clerk");
        await clerk.GotoAsync(drawUrl);
        await Expect(clerk.GetByTestId("seat")).ToHaveCountAsync(0);
        await clerk.GetByTestId("run-draw").ClickAsync();
        await Expect(clerk.GetByTestId("message")).ToContainTextAsync("已抽取并通知抽中的专家");
        await Expect(clerk.GetByTestId("seat")).ToHaveCountAsync(4);
        await Expect(clerk.GetByTestId("round-seed")).ToHaveTextAsync("评标结束后公开");

        await using var adminContext = await _browser.NewContextAsync();
        var admin = await adminContext.NewPageAsync();
        await Pages.SignInAsync(admin, "admin");
        var invitations = (await LifecycleSteps.GatewayMessagesAsync(admin, "invitation", 4)).ToDictionary(m => m.Expert, m => m.Text);
        invitations.Keys.ShouldAllBe(code => Regex.IsMatch(code, "^ZJ00000[1-7]$"));

        var seats = new Dictionary<string, string>();
        foreach (var (expert, text) in invitations)
        {
            await using var context = await _browser.NewContextAsync();
            var page = await context.NewPageAsync();
            await Pages.SignInAsync(page, LifecycleSteps.ExpertAccount(expert));
            await page.GotoAsync("/Experts/Draws/Invitations");
            await page.GetByTestId("answer-link").ClickAsync();
            seats[expert] = page.Url.Split('/')[^1];
            await page.GetByTestId("answer-code").FillAsync(LifecycleSteps.LastCode(text));
            await page.GetByTestId("confirm").ClickAsync();
            await Expect(page.GetByTestId("message")).ToContainTextAsync("已确认参加评标");
        }

        await tenderer.GotoAsync(drawUrl);
        await Expect(tenderer.GetByTestId("draw-state")).ToHaveTextAsync("专家已全部确认");

        // Two of them sign in at the evaluation site with the second code, signing the commitment.
        var confirmations = (await LifecycleSteps.GatewayMessagesAsync(admin, "confirmation", 4)).ToDictionary(m => m.Expert, m => m.Text);
        foreach (var expert in invitations.Keys.Order(StringComparer.Ordinal).Take(2))
        {
            await using var context = await _browser.NewContextAsync();
            var page = await context.NewPageAsync();
            await Pages.SignInAsync(page, LifecycleSteps.ExpertAccount(expert));
            await page.GotoAsync($"/Experts/Draws/SignIn/{seats[expert]}");
            await Expect(page.GetByTestId("commitment-text")).ToContainTextAsync("评标专家信用承诺书");
            await page.GetByTestId("sign-in-code").FillAsync(LifecycleSteps.LastCode(confirmations[expert]));
            await page.GetByTestId("accept-commitment").CheckAsync();
            await page.GetByTestId("sign-in").ClickAsync();
            await Expect(page.GetByTestId("signed-in")).ToContainTextAsync("已签署信用承诺书");
        }

        await clerk.GotoAsync(drawUrl);
        var names = await clerk.GetByTestId("seat-name").AllInnerTextsAsync();
        names.Count(n => n.Contains("（ZJ00000", StringComparison.Ordinal)).ShouldBe(2);
        names.Count(n => n == "签到后显示").ShouldBe(2);
        await clerk.ScreenshotAsync(new PageScreenshotOptions { Path = Pages.ScreenshotPath("expert-draw-center"), FullPage = true });

        await tenderer.GotoAsync(drawUrl);
        var hidden = await tenderer.GetByTestId("seat-name").AllInnerTextsAsync();
        hidden.ShouldAllBe(n => n == "—");
        (await tenderer.ContentAsync()).ShouldNotContain("（ZJ00000");
    }
}
