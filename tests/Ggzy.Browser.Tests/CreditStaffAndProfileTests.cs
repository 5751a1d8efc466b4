using Ggzy.Platform.Identity;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Ggzy.Browser.Tests;

/// <summary>Register once (R26) with the commitment (R27), and the organisation's people joining it by invitation.</summary>
[Collection(BrowserCollection.Name)]
public sealed class CreditStaffAndProfileTests(BrowserFixture browser)
{
    [Fact]
    public async Task Organisation_RegistersAndSignsItsCommitment_AndItsPublicPageShowsIt()
    {
        const string body = "MC5H7K9P";
        var first17 = "91990100" + body + CreditCode.OrganizationCheckCharacter(body);
        var code = first17 + CreditCode.CheckCharacter(first17);
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Credit/Register");

        await page.Locator("input[name='Input.CreditCode']").FillAsync(code);
        await page.Locator("input[name='Input.LegalName']").FillAsync("安和浏览器测试建设有限公司");
        await page.Locator("select[name='Input.Kind']").SelectOptionAsync("LegalPerson");
        await page.Locator("input[name='Input.LegalRepresentative']").FillAsync("浏览人");
        await page.Locator("input[name='Input.ContactPerson']").FillAsync("浏览人");
        await page.Locator("input[name='Input.ContactPhone']").FillAsync("13800990077");
        await page.GetByLabel("投标人/供应商").CheckAsync();
        await page.Locator("input[name='Input.AdminUserName']").FillAsync("browser.admin");
        await page.Locator("input[name='Input.AdminDisplayName']").FillAsync("浏览管理员");
        await page.Locator("input[name='Input.AdminPassword']").FillAsync("Browser@2026");
        await page.GetByLabel("我已阅读并签署").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "注册并签署" }).ClickAsync();

        await Pages.ReachedAsync(page, $"/Credit/Entities/Details?code={code}");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("安和浏览器测试建设有限公司");
        await Expect(page.Locator("[data-testid=entity-info]")).ToContainTextAsync("990100");
        await Expect(page.Locator("[data-testid=commitment-signature]")).ToContainTextAsync("浏览管理员");
        await Expect(page.Locator("[data-testid=commitment-text]")).ToContainTextAsync("信用承诺书");
        await Pages.KeepScreenshotAsync(page, "credit-registered-entity");
    }

    [Fact]
    public async Task Administrator_InvitesAStaffMember_WhoAcceptsTheLinkAndSignsIn()
    {
        await using var adminContext = await browser.NewContextAsync();
        var admin = await adminContext.NewPageAsync();
        await Pages.SignInAsync(admin, "bidder");
        await admin.GotoAsync("/Credit/Staff");

        await admin.Locator("input[name='Input.DisplayName']").FillAsync("冯浏览");
        await admin.GetByLabel("投标人/供应商").CheckAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "生成邀请链接" }).ClickAsync();
        var link = await admin.Locator("[data-testid=invitation-link] code").InnerTextAsync();

        await using var inviteeContext = await browser.NewContextAsync();
        var invitee = await inviteeContext.NewPageAsync();
        await invitee.GotoAsync(link);
        await Expect(invitee.Locator("main")).ToContainTextAsync("冯浏览");
        await invitee.Locator("input[name='Input.UserName']").FillAsync("browser.staff");
        await invitee.Locator("input[name='Input.Password']").FillAsync("Browser@2026");
        await invitee.GetByRole(AriaRole.Button, new() { Name = "创建账户并加入" }).ClickAsync();
        await Expect(invitee.Locator("[data-testid=accepted]")).ToContainTextAsync("安和宏远建筑工程有限公司");

        await Pages.SignInAsync(invitee, "browser.staff", "Browser@2026");
        await invitee.GotoAsync("/Credit/Staff");
        await Expect(invitee.Locator("[data-testid=read-only]")).ToBeVisibleAsync();
        await invitee.GotoAsync(link);
        await Expect(invitee.Locator("[data-testid=invitation-problem]")).ToContainTextAsync("已经使用过");
    }
}
