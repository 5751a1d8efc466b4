using Microsoft.Playwright;
using Xunit;

namespace Ggzy.Browser.Tests;

/// <summary>
/// What the lifecycle tests share: each test has its own <see cref="LifecycleBrowserApp"/> and browser, and each test
/// class is its own test collection, so the whole path and the failure paths (the two longest browser tests) run side by
/// side instead of one after the other.
/// </summary>
public abstract class LifecycleBrowserTestBase : IAsyncLifetime
{
    protected const string LowestPriceCriteria = """
        {
          "format": "ggzy.evaluation-criteria.v1", "revision": 1, "regime": "tender", "subject": "works", "method": "lowest-evaluated-price",
          "groups": [], "adjustments": [{ "code": "DAYS", "name": "工期偏差", "kind": "amount" }],
          "aggregation": "mean", "decimals": 2, "tieBreaks": ["lower-price"], "candidates": 3, "deviationThresholdPercent": 20
        }
        """;

    private readonly BrowserFixture _browser;
    private readonly List<IBrowserContext> _contexts = [];

    protected LifecycleBrowserTestBase() => _browser = new BrowserFixture(App);

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected LifecycleBrowserApp App { get; } = new();

    /// <summary>Script errors any signed-in page reported.</summary>
    protected List<string> Errors { get; } = [];

    public async ValueTask InitializeAsync() => await _browser.InitializeAsync();

    public async ValueTask DisposeAsync()
    {
        foreach (var context in _contexts)
        {
            await context.DisposeAsync();
        }

        await _browser.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    protected async Task<IBrowserContext> NewContextAsync()
    {
        var context = await _browser.NewContextAsync();
        _contexts.Add(context);
        return context;
    }

    protected async Task<IPage> SignedInAsync(string userName)
    {
        var page = await (await NewContextAsync()).NewPageAsync();
        page.PageError += (_, e) => Errors.Add(e);
        await Pages.SignInAsync(page, userName);
        return page;
    }
}
