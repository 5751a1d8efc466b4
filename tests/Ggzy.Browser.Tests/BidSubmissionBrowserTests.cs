using System.Text;
using Ggzy.Platform.Demo;
using Ggzy.Sealing.Envelope;
using Ggzy.Sealing.Pki;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Ggzy.Browser.Tests;

/// <summary>A bidder uploads an envelope the tool made, watches the progress and sees the platform's receipt.</summary>
[Collection(BrowserCollection.Name)]
public sealed class BidSubmissionBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task Bidder_UploadsASealedEnvelope_AndSeesItsReceipt()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await Pages.SignInAsync(page, "bidder");
        await page.GotoAsync("/Trading/Bids");
        var row = page.GetByTestId("biddable-lots").GetByRole(AriaRole.Row).Filter(new() { HasText = "安和市第三中学教学楼建设工程" });
        var lotCode = (await row.GetByRole(AriaRole.Cell).First.InnerTextAsync()).Trim();
        await row.GetByRole(AriaRole.Link, new() { Name = "递交与回执" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "递交投标文件" })).ToBeVisibleAsync();

        var folder = Path.Combine(browser.App.Database.DataDirectory, DemoCertificates.FolderName);
        var certificate = Certificate.Parse(await File.ReadAllBytesAsync(Path.Combine(folder, "bidder.cert.pem"), TestContext.Current.CancellationToken));
        var key = PrivateKey.Parse(await File.ReadAllBytesAsync(Path.Combine(folder, "bidder.key.pem"), TestContext.Current.CancellationToken));
        var file = Path.Combine(Path.GetTempPath(), $"ggzy-bid-{Guid.NewGuid():N}.gse");
        var padding = new byte[3 << 20];
        Random.Shared.NextBytes(padding);
        await using (var output = File.Create(file))
        {
            SealedEnvelope.Seal(lotCode, certificate.SubjectValues(Certificate.OrganizationIdentifier)[0],
                new ToolFingerprint("ggzy/browser-test", "machine", "02-00-00-00-00-01"),
            [
                new SectionInput(SealedEnvelope.PriceSheet, "开标一览表.txt", new MemoryStream(Encoding.UTF8.GetBytes("投标报价：9,876,543.21 元"))),
                new SectionInput("technical", "技术标.bin", new MemoryStream(padding)),
            ], certificate, key, output);
        }

        var digest = SealedEnvelope.DigestOfFile(file);
        await page.GetByTestId("envelope-file").SetInputFilesAsync(file);
        await page.GetByRole(AriaRole.Button, new() { Name = "上传并递交" }).ClickAsync();

        await Expect(page.GetByTestId("bid-message")).ToContainTextAsync("平台已出具回执", new() { Timeout = 30_000 });
        await Expect(page.GetByTestId("current-receipt")).ToContainTextAsync(digest);
        await Expect(page.GetByTestId("bid-history")).ToContainTextAsync("有效");
        await Pages.KeepScreenshotAsync(page, "bid-receipt");
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("receipt-download").ClickAsync());
        var receipt = await File.ReadAllTextAsync(await download.PathAsync(), TestContext.Current.CancellationToken);
        Assert.Contains(digest, receipt, StringComparison.Ordinal);
        File.Delete(file);
    }

    [Fact]
    public async Task Bidder_UploadingSomethingThatIsNotAnEnvelope_IsToldWhatToFix()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await Pages.SignInAsync(page, "bidder2");
        await page.GotoAsync("/Trading/Bids");
        await page.GetByTestId("biddable-lots").GetByRole(AriaRole.Link, new() { Name = "递交与回执" }).First.ClickAsync();
        var file = Path.Combine(Path.GetTempPath(), $"ggzy-plain-{Guid.NewGuid():N}.gse");
        await File.WriteAllTextAsync(file, "这是未加密的投标文件", TestContext.Current.CancellationToken);

        await page.GetByTestId("envelope-file").SetInputFilesAsync(file);
        await page.GetByRole(AriaRole.Button, new() { Name = "上传并递交" }).ClickAsync();

        await Expect(page.GetByTestId("bid-errors")).ToContainTextAsync("GGZYSENV");
        File.Delete(file);
    }
}
