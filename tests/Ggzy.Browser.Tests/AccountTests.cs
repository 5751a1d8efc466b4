using Ggzy.Platform.Demo;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Ggzy.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class AccountTests(BrowserFixture browser)
{
    public static TheoryData<string> DemoUsers => [.. DemoAccounts.Accounts.Select(a => a.UserName)];

    [Theory]
    [MemberData(nameof(DemoUsers))]
    public async Task SignIn_AsDemoAccount_ShowsItsWorkbench(string userName)
    {
        var account = DemoAccounts.Accounts.Single(a => a.UserName == userName);
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();

        await Pages.SignInAsync(page, userName);

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "工作台", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.Locator("main")).ToContainTextAsync(account.DisplayName);
        await Expect(page.Locator("[data-testid=current-user]")).ToContainTextAsync(account.DisplayName);
    }

    [Fact]
    public async Task SignOut_FromHeader_EndsTheSession()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await Pages.SignInAsync(page, "clerk");

        await page.GetByRole(AriaRole.Button, new() { Name = "退出登录" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(browser.App.Address.ToString(), new() { Timeout = 30_000 });
        await Expect(page.Locator("[data-testid=current-user]")).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "登录", Exact = true })).ToBeVisibleAsync();
        await page.GotoAsync("/Workbench");
        await Expect(page.Locator("body")).Not.ToContainTextAsync("李晓梅");
    }
}
