using System.Globalization;
using System.Text;
using System.Text.Json;
using Ggzy.Platform.Demo;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Ggzy.Browser.Tests;

/// <summary>Bid security (R12) in the browser: the center imports bank receipts; a bidder registers a 电子保函.</summary>
[Collection(BrowserCollection.Name)]
public sealed class BidSecurityBrowserTests(BrowserFixture browser)
{
    /// <summary>The demo school's works lot: its id and trade code, as the center's API gives them.</summary>
    public static async Task<(string Id, string TradeCode, DateTimeOffset Deadline)> SchoolLotAsync(BrowserFixture browser)
    {
        await using var context = await browser.SignedInContextAsync("clerk");
        var receipts = await (await context.APIRequest.GetAsync("/api/v1/trading/security/receipts?status=Matched")).JsonAsync();
        var id = receipts!.Value.EnumerateArray().First().GetProperty("lotId").GetString()!;
        var lot = (await (await context.APIRequest.GetAsync($"/api/v1/trading/security/lots/{id}/securities")).JsonAsync())!.Value.GetProperty("lot");
        return (id, lot.GetProperty("tradeCode").GetString()!, lot.GetProperty("deadline").GetDateTimeOffset());
    }

    [Fact]
    public async Task Center_ImportsBankReceipts_AndSeesOneMatchedAndOneUnmatchedWithTheReason()
    {
        var (_, code, _) = await SchoolLotAsync(browser);
        var at = TimeProvider.System.GetUtcNow().AddMinutes(-30).ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var file = JsonSerializer.Serialize(new
        {
            format = "ggzy.bank-receipts.v1",
            bank = "安和农村商业银行",
            receipts = new object[]
            {
                new { receiptNumber = $"BT-{suffix}-1", account = "9901-0000-8800-2026-001", payerName = DemoAccounts.Organizations.Single(o => o.Key == "shunda").Name,
                    payerAccount = "9901-1111-2222-3333", amount = 300_000m, receivedAt = at, remark = $"投标保证金 {code}" },
                new { receiptNumber = $"BT-{suffix}-2", account = "9901-0000-8800-2026-001", payerName = "安和市某某贸易有限公司",
                    payerAccount = "9901-4444-5555-6666", amount = 300_000m, receivedAt = at, remark = $"投标保证金 {code}" },
            },
        });
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await Pages.SignInAsync(page, "clerk");
        await page.GotoAsync("/Trading/Security/Receipts");

        await page.GetByLabel("回单文件（JSON）").SetInputFilesAsync(new FilePayload
        {
            Name = "回单.json",
            MimeType = "application/json",
            Buffer = Encoding.UTF8.GetBytes(file),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "导入" }).ClickAsync();

        await Expect(page.Locator("[data-testid=message]")).ToContainTextAsync("新增回单 2 张（自动匹配 1 张，未匹配 1 张）");
        await Expect(page.Locator($"[data-testid=receipt-BT-{suffix}-1]")).ToContainTextAsync("已自动匹配");
        var unmatched = page.Locator($"[data-testid=receipt-BT-{suffix}-2]");
        await Expect(unmatched).ToContainTextAsync("未匹配");
        await Expect(unmatched).ToContainTextAsync("不是已在平台注册的市场主体");
        await Pages.KeepScreenshotAsync(page, "trading-security-receipts");
    }

    [Fact]
    public async Task Bidder_RegistersAnElectronicGuarantee_AndSeesItAmongItsOwn()
    {
        var (id, _, deadline) = await SchoolLotAsync(browser);
        var day = DateOnly.FromDateTime(deadline.ToOffset(TimeSpan.FromHours(8)).DateTime);
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await Pages.SignInAsync(page, "bidder");
        await page.GotoAsync($"/Trading/Lots/SecurityGuarantee/{id}");

        await page.GetByLabel("承保机构").FillAsync("安和融信融资担保有限公司");
        await page.GetByLabel("保函编号").FillAsync("AHRX-BH-BROWSER-" + Guid.NewGuid().ToString("N")[..6]);
        await page.GetByLabel("担保金额（元）").FillAsync("300000");
        await page.GetByLabel("有效期自").FillAsync(day.AddDays(-10).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.GetByLabel("有效期至").FillAsync(day.AddDays(30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.GetByLabel("保函文件（PDF 或 OFD，不超过 10 MB）").SetInputFilesAsync(new FilePayload
        {
            Name = "保函.pdf",
            MimeType = "application/pdf",
            Buffer = Encoding.ASCII.GetBytes("%PDF-1.4\n%%EOF\n"),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "登记" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("短于投标有效期");

        await page.GetByLabel("有效期至").FillAsync(day.AddDays(120).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.GetByLabel("保函文件（PDF 或 OFD，不超过 10 MB）").SetInputFilesAsync(new FilePayload
        {
            Name = "保函.pdf",
            MimeType = "application/pdf",
            Buffer = Encoding.ASCII.GetBytes("%PDF-1.4\n%%EOF\n"),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "登记" }).ClickAsync();

        await Expect(page.Locator("[data-testid=message]")).ToContainTextAsync("已登记");
        var mine = page.Locator("[data-testid=my-securities]");
        await Expect(mine).ToContainTextAsync("电子保函");
        await Expect(mine).ToContainTextAsync("安和融信融资担保有限公司");
        await Expect(mine).Not.ToContainTextAsync("恒泰");
        await Pages.KeepScreenshotAsync(page, "trading-security-guarantee");
    }
}
