using Ggzy.Platform.Demo;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Ggzy.Browser.Tests;

/// <summary>What a person does in the browser, as steps the tests share.</summary>
internal static class Pages
{
    public static async Task SignInAsync(IPage page, string userName, string password = DemoAccounts.Password)
    {
        await page.GotoAsync("/Account/SignIn");
        await page.Locator("input[name='Input.UserName']").FillAsync(userName);
        await page.Locator("input[name='Input.Password']").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录", Exact = true }).ClickAsync();
        try
        {
            await page.WaitForURLAsync("**/Workbench");
        }
        catch (TimeoutException e)
        {
            // Say what the browser shows instead, so that a failed sign-in explains itself in the test log.
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = ScreenshotPath("sign-in-failed-" + userName) });
            var errors = await page.Locator(".errors").AllInnerTextsAsync();
            throw new TimeoutException($"Sign-in as {userName} did not reach /Workbench; at {page.Url}, errors: {string.Join(" | ", errors)}", e);
        }

        await Expect(page.Locator("[data-testid=current-user]")).ToBeVisibleAsync();
    }

    public static string ScreenshotPath(string name)
    {
        var directory = Path.Combine(RepositoryRoot(), "artifacts", "screenshots");
        Directory.CreateDirectory(directory);
        return Path.Combine(directory, name + ".png");
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Ggzy.slnx")))
            {
                return dir.FullName;
            }
        }

        return Path.GetTempPath();
    }
}
