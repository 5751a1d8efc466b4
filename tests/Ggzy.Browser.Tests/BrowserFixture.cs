using System.Collections.Concurrent;
using Microsoft.Playwright;
using Xunit;

namespace Ggzy.Browser.Tests;

/// <summary>
/// One host and one headless Chromium (the system's, never downloaded) for the whole browser suite; each test opens
/// its own context, so cookies and storage never leak between tests. The browser is Debian's chromium-headless-shell,
/// Chromium's own headless build: the full browser (the chromium package) runs the same pages with about six times the
/// processor time (the every-page tests: 103 against 16 processor-seconds, 2026-12-07), which on two cores made it the
/// larger part of the browser stage. Where only the full browser is installed, the tests use it.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string HeadlessShellPath = "/usr/bin/chromium-headless-shell";

    public const string FullBrowserPath = "/usr/bin/chromium";

    public static string ChromiumPath { get; } = File.Exists(HeadlessShellPath) ? HeadlessShellPath : FullBrowserPath;

    private readonly ConcurrentDictionary<string, Lazy<Task<string>>> _signedIn = new();
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public BrowserFixture()
        : this(new BrowserApp())
    {
    }

    /// <summary>A fixture of its own for a test class that needs a differently configured host (<see cref="ProcurementLifecycleBrowserTests"/>).</summary>
    internal BrowserFixture(BrowserApp app) => App = app;

    public BrowserApp App { get; }

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("Call InitializeAsync first.");

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"{ChromiumPath} not found: install the chromium-headless-shell package (./test.sh does).");
        }

        await App.InitializeAsync();
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-quic",
            ],
        });
    }

    public Task<IBrowserContext> NewContextAsync() => NewContextAsync(App.Address);

    /// <summary>A fresh context on another host (one of a test's own, such as a <see cref="MovableClockBrowserApp"/>).</summary>
    public async Task<IBrowserContext> NewContextAsync(Uri address) => await Browser.NewContextAsync(ContextOptions(address, storageState: null));

    private static BrowserNewContextOptions ContextOptions(Uri address, string? storageState) => new()
    {
        BaseURL = address.ToString(),
        Locale = "zh-CN",
        TimezoneId = "Asia/Shanghai",
        ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
        StorageState = storageState,
    };

    /// <summary>
    /// A fresh context already signed in as a demo account, for a test whose subject is not the sign-in itself: the
    /// account signs in through the form once per host, and later contexts start from that session's cookies (a
    /// sign-out elsewhere ends only its own context's session; cookies stay valid until the account's security stamp
    /// changes, which no test that uses this does).
    /// </summary>
    public async Task<IBrowserContext> SignedInContextAsync(string userName)
    {
        var state = await _signedIn.GetOrAdd(userName, name => new Lazy<Task<string>>(() => SignInOnceAsync(name))).Value;
        return await Browser.NewContextAsync(ContextOptions(App.Address, state));
    }

    private async Task<string> SignInOnceAsync(string userName)
    {
        await using var context = await NewContextAsync();
        var page = await context.NewPageAsync();
        await Pages.SignInAsync(page, userName);
        return await context.StorageStateAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await App.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}
