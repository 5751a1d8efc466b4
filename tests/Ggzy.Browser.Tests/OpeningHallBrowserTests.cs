using Ggzy.Platform.Demo;
using Ggzy.Sealing.Envelope;
using Ggzy.Sealing.Pki;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Ggzy.Browser.Tests;

/// <summary>
/// The opening hall in three browsers at once — the center's clerk, a bidder and the agency — on the demo lot whose
/// decryption window is open: what one does, the others see without reloading.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class OpeningHallBrowserTests(BrowserFixture browser)
{
    private const string DecryptingLot = "照明及给排水施工";
    private const string OpenedLot = "景观绿化施工";
    private const string Bidder2Name = "安和恒泰建设集团有限公司";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ABidderSignsIn_Decrypts_AndObjects_TheAgencyAnswers_AndEveryoneSeesItLive()
    {
        await using var clerkContext = await browser.NewContextAsync();
        var clerk = await clerkContext.NewPageAsync();
        await Pages.SignInAsync(clerk, "clerk");
        var hall = await EnterHallAsync(clerk, DecryptingLot);
        await Expect(clerk.GetByTestId("stage-label")).ToHaveTextAsync("解密中");
        await Expect(clerk.GetByTestId("hall-status")).ToHaveTextAsync("实时连接中");
        await Expect(clerk.GetByTestId("host-actions")).ToBeVisibleAsync();

        await using var bidderContext = await browser.NewContextAsync();
        var bidder = await bidderContext.NewPageAsync();
        await Pages.SignInAsync(bidder, "bidder2");
        await bidder.GotoAsync(hall);
        await Expect(bidder.GetByTestId("hall-status")).ToHaveTextAsync("实时连接中");
        await Expect(bidder.GetByTestId("my-actions")).ToContainTextAsync("未签到");
        await bidder.GetByRole(AriaRole.Button, new() { Name = "签到" }).ClickAsync();
        await Expect(bidder.GetByTestId("opening-message")).ToContainTextAsync("已签到");
        await Expect(clerk.GetByTestId("opening-attendance")).ToContainTextAsync(Bidder2Name);

        // A key that is not one is refused with what to fix, and costs nothing.
        await bidder.GetByTestId("content-key").FillAsync("不是密钥");
        await bidder.GetByRole(AriaRole.Button, new() { Name = "解密本单位投标文件" }).ClickAsync();
        await Expect(bidder.GetByTestId("opening-errors")).ToContainTextAsync("32");
        await Expect(bidder.GetByTestId("my-actions")).ToContainTextAsync("待解密");

        // What `ggzy bid unseal --key-only` prints on the bidder's machine: the content key, unwrapped with its own key.
        var lotId = hall.Split('/')[^1];
        await bidder.GetByTestId("content-key").FillAsync(await ContentKeyAsync(lotId, "bidder2"));
        await bidder.GetByRole(AriaRole.Button, new() { Name = "解密本单位投标文件" }).ClickAsync();
        await Expect(bidder.GetByTestId("opening-message")).ToContainTextAsync("已解密");
        var row = clerk.GetByTestId("opening-bids").Locator($"tr:has-text('{Bidder2Name}')");
        await Expect(row).ToContainTextAsync("已解密");
        // Before the read-out nobody but the bidder sees a price.
        await Expect(clerk.GetByTestId("opening-bids")).Not.ToContainTextAsync("1628800");

        await bidder.GetByLabel("对开标提出异议").FillAsync("本单位的递交时间显示有误，请核实。");
        await bidder.GetByRole(AriaRole.Button, new() { Name = "提出异议" }).ClickAsync();
        await Expect(bidder.GetByTestId("opening-objections")).ToContainTextAsync("待招标人当场答复");

        await using var agencyContext = await browser.NewContextAsync();
        var agency = await agencyContext.NewPageAsync();
        await Pages.SignInAsync(agency, "agency");
        await agency.GotoAsync(hall);
        var answer = agency.GetByTestId("answer-form").Last;
        await answer.GetByLabel("当场答复").FillAsync("递交时间以平台回执为准，经核实无误。");
        await answer.GetByRole(AriaRole.Button, new() { Name = "答复" }).ClickAsync();
        await Expect(agency.GetByTestId("opening-message")).ToContainTextAsync("答复已记录");
        await Expect(bidder.GetByTestId("opening-objections")).ToContainTextAsync("递交时间以平台回执为准");
        await Expect(clerk.GetByTestId("opening-objections")).ToContainTextAsync("递交时间以平台回执为准");
        await Pages.KeepScreenshotAsync(clerk, "opening-hall");
    }

    [Fact]
    public async Task AnOpenedLot_ShowsTheReadOutPrices_AsAChart_AndTheSignedRecord()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await Pages.SignInAsync(page, "bidder");
        await EnterHallAsync(page, OpenedLot);

        await Expect(page.GetByTestId("stage-label")).ToHaveTextAsync("开标结束");
        await Expect(page.GetByTestId("opening-bids")).ToContainTextAsync("6395500");
        await Expect(page.GetByTestId("price-chart")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("disclosed-prices")).ToContainTextAsync("最高投标限价");
        var digest = (await page.GetByTestId("opening-record").Locator("code").InnerTextAsync()).Trim();
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("record-download").ClickAsync());
        Assert.Contains(digest, await File.ReadAllTextAsync(await download.PathAsync(), Ct), StringComparison.Ordinal);
        await Pages.KeepScreenshotAsync(page, "opening-record");
    }

    private static async Task<string> EnterHallAsync(IPage page, string lotName)
    {
        await page.GotoAsync("/Trading/Opening");
        await page.GetByTestId("openings").GetByRole(AriaRole.Row).Filter(new() { HasText = lotName })
            .GetByRole(AriaRole.Link, new() { Name = "进入开标大厅" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "开标大厅" })).ToBeVisibleAsync();
        return new Uri(page.Url).AbsolutePath;
    }

    private async Task<string> ContentKeyAsync(string lotId, string user)
    {
        var folder = Path.Combine(browser.App.Database.DataDirectory, DemoCertificates.FolderName);
        var certificate = Certificate.Parse(await File.ReadAllBytesAsync(Path.Combine(folder, user + ".cert.pem"), Ct));
        var key = PrivateKey.Parse(await File.ReadAllBytesAsync(Path.Combine(folder, user + ".key.pem"), Ct));
        var creditCode = certificate.SubjectValues(Certificate.OrganizationIdentifier)[0];
        foreach (var file in Directory.GetFiles(Path.Combine(browser.App.Database.DataDirectory, "bids", lotId), "*.gse"))
        {
            await using var input = File.OpenRead(file);
            var envelope = SealedEnvelope.Read(input);
            if (envelope.Header.BidderCreditCode == creditCode)
            {
                return Convert.ToHexStringLower(envelope.UnwrapKey(key));
            }
        }

        throw new InvalidOperationException($"No envelope of {user} in lot {lotId}.");
    }
}
