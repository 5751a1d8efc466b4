using System.Diagnostics;
using System.Globalization;
using Ggzy.Platform.Demo;
using Microsoft.Playwright;
using Shouldly;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Ggzy.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class LiveLedgerTests(BrowserFixture browser)
{
    private static readonly TimeSpan Promise = TimeSpan.FromSeconds(2);

    [Fact]
    public async Task LedgerPage_WhenSomeoneSignsInElsewhere_ShowsTheEntryWithinTwoSeconds()
    {
        await using var regulatorContext = await browser.NewContextAsync();
        var monitor = await regulatorContext.NewPageAsync();
        await Pages.SignInAsync(monitor, "regulator");
        await monitor.GotoAsync("/Supervision/Ledger");
        await Expect(monitor.Locator("#live-status")).ToHaveTextAsync("实时连接中");
        var shown = long.Parse(await monitor.Locator("#ledger-rows").GetAttributeAsync("data-after") ?? "0", CultureInfo.InvariantCulture);

        await using var bidderContext = await browser.NewContextAsync();
        var bidder = await bidderContext.NewPageAsync();
        await bidder.GotoAsync("/Account/SignIn");
        await bidder.Locator("input[name='Input.UserName']").FillAsync("bidder2");
        await bidder.Locator("input[name='Input.Password']").FillAsync(DemoAccounts.Password);

        var clock = Stopwatch.StartNew();
        await bidder.GetByRole(AriaRole.Button, new() { Name = "登录", Exact = true }).ClickAsync();
        var row = monitor.Locator("#ledger-rows tr.fresh", new() { HasText = "user:bidder2" });
        await Expect(row).ToContainTextAsync("platform.account.signed-in",
            new() { Timeout = (float)Math.Max(1, (Promise - clock.Elapsed).TotalMilliseconds) });
        clock.Elapsed.ShouldBeLessThanOrEqualTo(Promise);

        var sequence = long.Parse(await row.Locator("td").First.InnerTextAsync(), CultureInfo.InvariantCulture);
        sequence.ShouldBeGreaterThan(shown);
        await Expect(row).ToContainTextAsync("投标人/供应商");
        await Pages.ReachedAsync(bidder, "/Workbench");
        await Pages.KeepScreenshotAsync(monitor, "ledger-live", fullPage: false);
    }
}
