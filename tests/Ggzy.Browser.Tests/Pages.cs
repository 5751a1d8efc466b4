using System.Text.RegularExpressions;
using Ggzy.Platform.Demo;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Ggzy.Browser.Tests;

/// <summary>What a person does in the browser, as steps the tests share.</summary>
internal static partial class Pages
{
    public static async Task SignInAsync(IPage page, string userName, string password = DemoAccounts.Password)
    {
        await page.GotoAsync("/Account/SignIn");
        await page.Locator("input[name='Input.UserName']").FillAsync(userName);
        await page.Locator("input[name='Input.Password']").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录", Exact = true }).ClickAsync();
        try
        {
            // Polls the address rather than waiting for a navigation's load state: the redirect may already have happened
            // (a wait for it would then wait for a lifecycle event that is past), and on a busy machine the load event
            // can come late; the signed-in header is checked below.
            await Expect(page).ToHaveURLAsync(WorkbenchAddress(), new() { Timeout = 30_000 });
        }
        catch (PlaywrightException e)
        {
            // Say what the browser shows instead, so that a failed sign-in explains itself in the test log.
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = ScreenshotPath("sign-in-failed-" + userName) });
            var errors = await page.Locator(".errors").AllInnerTextsAsync();
            throw new TimeoutException($"Sign-in as {userName} did not reach /Workbench; at {page.Url}, errors: {string.Join(" | ", errors)}", e);
        }

        await Expect(page.Locator("[data-testid=current-user]")).ToBeVisibleAsync(new() { Timeout = 30_000 });
    }

    /// <summary>
    /// Waits until the page's address, after its host, starts with <paramref name="pathAndQuery"/>. Polls the address, like
    /// the sign-in: a wait for a navigation would wait for a load event that may already be past.
    /// </summary>
    public static Task ReachedAsync(IPage page, string pathAndQuery) =>
        Expect(page).ToHaveURLAsync(new Regex("^[a-z]+://[^/]+" + Regex.Escape(pathAndQuery)), new() { Timeout = 30_000 });

    /// <summary>
    /// Whether the tests keep a picture of each page they reach (GGZY_TEST_SCREENSHOTS=1), in artifacts/screenshots, for
    /// a person to look through. Off by default: encoding a hundred full-page pictures is a large part of a run's time.
    /// A failed sign-in keeps its picture either way.
    /// </summary>
    public static bool KeepsScreenshots { get; } = Environment.GetEnvironmentVariable("GGZY_TEST_SCREENSHOTS") == "1";

    /// <summary>Keeps a picture of the page under <paramref name="name"/> when <see cref="KeepsScreenshots"/>.</summary>
    public static async Task KeepScreenshotAsync(IPage page, string name, bool fullPage = true)
    {
        if (KeepsScreenshots)
        {
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = ScreenshotPath(name), FullPage = fullPage });
        }
    }

    [GeneratedRegex("/Workbench$")]
    private static partial Regex WorkbenchAddress();

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
