using Ggzy.Platform.Demo;
using Ggzy.Sealing.Pki;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Ggzy.Browser.Tests;

/// <summary>Certificates of any CA (R32) in the browser: the trust list and an entity's bound certificates.</summary>
[Collection(BrowserCollection.Name)]
public sealed class CertificateTests(BrowserFixture browser)
{
    [Fact]
    public async Task CenterAdministrator_AddsACaToTheTrustList_FromAFile()
    {
        var now = TimeProvider.System.GetUtcNow();
        var name = $"浏览器测试根 CA {Guid.NewGuid():N}"[..20];
        var root = CertificateAuthority.CreateRoot(KeyAlgorithm.Sm2, name, "测试 CA", now.AddDays(-1), now.AddYears(1));
        var file = Path.Combine(Path.GetTempPath(), $"ggzy-ca-{Guid.NewGuid():N}.pem");
        await File.WriteAllTextAsync(file, root.Certificate.ToPem(), TestContext.Current.CancellationToken);
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await Pages.SignInAsync(page, "admin");
        await page.GotoAsync("/Credit/TrustList");

        await page.GetByLabel("CA 证书文件").SetInputFilesAsync(file);
        await page.GetByRole(AriaRole.Button, new() { Name = "加入信任列表" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("已将");
        var row = page.GetByTestId("trust-list").GetByRole(AriaRole.Row).Filter(new() { HasText = name });
        await Expect(row).ToContainTextAsync("SM2");
        await Expect(row).ToContainTextAsync("受信任");
        await Expect(page.GetByTestId("trust-list")).ToContainTextAsync(DemoCertificates.RsaAuthorityName);
        await Pages.KeepScreenshotAsync(page, "trust-list");
        File.Delete(file);
    }

    [Fact]
    public async Task Bidder_SeesItsBoundCertificate()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await Pages.SignInAsync(page, "bidder");

        await page.GotoAsync("/Credit/Certificates");

        var table = page.GetByTestId("bound-certificates");
        await Expect(table).ToContainTextAsync("冯志远");
        await Expect(table).ToContainTextAsync(DemoCertificates.Sm2AuthorityName);
        await Expect(table).ToContainTextAsync("有效");
        await Pages.KeepScreenshotAsync(page, "bound-certificates");
    }
}
