using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Ggzy.Platform.Data;
using Ggzy.Platform.Demo;
using Ggzy.Platform.Time;
using Ggzy.TestKit;
using Ggzy.TestKit.Bidders;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Shouldly;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Ggzy.Browser.Tests;

/// <summary>
/// A whole remote opening (不见面开标, docs/bid-opening.md) in three browser sessions at once — the center's clerk, who
/// hosts, and two bidders — with the bidder tool, on a host whose clock the test moves. Three bidders seal their bids
/// with <c>ggzy bid seal</c> and submit them with <c>ggzy bid submit</c> on the demo's works lot; the agency sets the
/// 标底 and the maximum price. At the deadline the clerk waits in the hall and sees the procedure clock extract the bids;
/// the bidders sign in and each sees the others arrive; 宏远 pastes the key from <c>ggzy bid unseal --key-only</c>, 恒泰
/// unseals with <c>ggzy bid unseal</c>; the third bidder does not show and is revoked when the window runs out. The
/// clerk reads out, both bidders confirm the record, an objection is raised and answered, the clerk closes, and anyone
/// reads the published record. Every step is seen in every session without reloading, with its time, and is on the Ledger.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class RemoteOpeningBrowserTests(BrowserFixture browser) : IAsyncLifetime
{
    private const string NameA = "安和宏远建筑工程有限公司";
    private const string NameB = "安和恒泰建设集团有限公司";
    private const string PriceA = "16880000.00";
    private const string PriceB = "16650000.50";
    private const string PriceThird = "17050000.00";
    private static readonly string NameThird = BidderIdentity.LegalNameOf(1);
    private static readonly string[] ReadOutItems = ["工期", "质量", "项目负责人"];

    private readonly MovableClockBrowserApp _app = new() { ManualProcedureClock = true };
    private readonly List<IBrowserContext> _contexts = [];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => await _app.InitializeAsync();

    public async ValueTask DisposeAsync()
    {
        foreach (var context in _contexts)
        {
            await context.DisposeAsync();
        }

        await _app.DisposeAsync();
    }

    [Fact]
    public async Task ThreeSessionsAndTheBidderTool_FromTheDeadlineToThePublishedRecord()
    {
        var url = _app.Address.ToString();

        // Before the deadline: a third bidder registers through the API; the two demo bidders sign in with their
        // certificates; each seals its bid with the tool and submits it (the demo bidders' new bids replace their old ones).
        var setup = await BidderSetup.RunAsync(_app.Address, BidderKeyring.Create(1, TimeProvider.System.GetUtcNow()), 1, Ct);
        var lot = setup.Lot;
        var demoCerts = Path.Combine(_app.Database.DataDirectory, DemoCertificates.FolderName);
        var a = LifecycleSteps.Bidder(_app.Database.DataDirectory, "a", Path.Combine(demoCerts, "bidder.cert.pem"), Path.Combine(demoCerts, "bidder.key.pem"));
        var b = LifecycleSteps.Bidder(_app.Database.DataDirectory, "b", Path.Combine(demoCerts, "bidder2.cert.pem"), Path.Combine(demoCerts, "bidder2.key.pem"));
        var third = LifecycleSteps.Bidder(_app.Database.DataDirectory, "c");
        await File.WriteAllTextAsync(third.Cert, setup.Bidders[0].Identity.Certificate.Certificate.ToPem(), Ct);
        await File.WriteAllTextAsync(third.Key, setup.Bidders[0].Identity.Certificate.Key.ToPem(), Ct);
        await File.WriteAllTextAsync(third.Token, setup.Bidders[0].Token, Ct);
        await LifecycleSteps.GgzyAsync("login", "--url", url, "--cert", a.Cert, "--key", a.Key, "--token-file", a.Token);
        await LifecycleSteps.GgzyAsync("login", "--url", url, "--cert", b.Cert, "--key", b.Key, "--token-file", b.Token);
        foreach (var (bidder, price, items) in new[]
        {
            (a, PriceA, new[] { "工期=540日历天", "质量=合格", "项目负责人=冯志远" }),
            (b, PriceB, new[] { "工期=520日历天", "质量=优良", "项目负责人=何永康" }),
            (third, PriceThird, new[] { "工期=560日历天", "质量=合格", "项目负责人=压测人" }),
        })
        {
            var documents = Path.Combine(Path.GetDirectoryName(bidder.Envelope)!, bidder.Name + "-投标文件.pdf");
            await File.WriteAllBytesAsync(documents, Encoding.UTF8.GetBytes("%PDF-1.7\n" + new string('标', 4_000)), Ct);
            await LifecycleSteps.GgzyAsync(["bid", "seal", "--lot", lot.LotCode, "--price", price, .. items.SelectMany(i => new[] { "--item", i }),
                "--files", documents, "--cert", bidder.Cert, "--key", bidder.Key, "--out", bidder.Envelope]);
            await LifecycleSteps.GgzyAsync("bid", "submit", "--url", url, "--token-file", bidder.Token, "--envelope", bidder.Envelope);
        }

        using var agencyBefore = await SessionAsync("agency");
        var settings = await agencyBefore.PutAsJsonAsync(Api($"lots/{lot.LotId}/opening/settings"), new
        {
            items = ReadOutItems,
            decryptionMinutes = 30,
            referencePrice = 16_900_000m,
            maxPrice = 17_200_000m,
        }, Ct);
        settings.StatusCode.ShouldBe(HttpStatusCode.OK, await settings.Content.ReadAsStringAsync(Ct));

        // The deadline passes; the clerk is in the hall before the procedure clock's pass and waits for the extraction.
        _app.MoveTo(lot.Deadline!.Value.AddSeconds(20));
        var sessions = await Task.WhenAll(SignedInAsync("clerk"), SignedInAsync("bidder"), SignedInAsync("bidder2"));
        var (clerk, pageA, pageB) = (sessions[0], sessions[1], sessions[2]);
        await clerk.GotoAsync($"/Trading/Opening/Hall/{lot.LotId}");
        await Expect(clerk.GetByTestId("hall-waiting")).ToContainTextAsync("平台正在提取投标文件");
        (await _app.RunProcedureClockAsync(Ct)).ShouldBeGreaterThan(0);
        await Expect(clerk.GetByTestId("stage-label")).ToHaveTextAsync("解密中", new() { Timeout = 15_000 });
        await Expect(clerk.GetByTestId("hall-status")).ToHaveTextAsync("实时连接中");
        var extracted = await LedgerAsync(lot.LotCode, "trading.opening.extracted");
        var windowOpened = await LedgerAsync(lot.LotCode, "trading.opening.decryption-opened");
        extracted.GetProperty("by").GetString().ShouldBe("platform");
        extracted.GetProperty("bids").GetArrayLength().ShouldBe(3);
        await ExpectStepAsync(clerk, "extraction", "已完成", extracted.GetProperty("extractedAt"));
        await Expect(clerk.GetByTestId("decryption-ends")).ToHaveTextAsync(Time(windowOpened.GetProperty("endsAt")));
        foreach (var name in new[] { NameA, NameB, NameThird })
        {
            await Expect(Row(clerk, name)).ToContainTextAsync("待解密");
        }

        // The bidders come into the hall from the list of openings and sign in; each page shows the others arrive.
        foreach (var page in new[] { pageA, pageB })
        {
            await page.GotoAsync("/Trading/Opening");
            var row = page.GetByTestId("openings").Locator($"tr[data-lot='{lot.LotCode}']");
            await Expect(row).ToContainTextAsync("本单位参加");
            await row.GetByRole(AriaRole.Link, new() { Name = "进入开标大厅" }).ClickAsync();
            await Expect(page.GetByTestId("hall-status")).ToHaveTextAsync("实时连接中");
            await Expect(page.GetByTestId("my-actions")).ToContainTextAsync("出席：未签到；投标文件：待解密");
        }

        await pageA.GetByRole(AriaRole.Button, new() { Name = "签到", Exact = true }).ClickAsync();
        await Expect(pageA.GetByTestId("opening-message")).ToContainTextAsync("已签到");
        await Expect(clerk.GetByTestId("opening-attendance")).ToContainTextAsync(NameA);
        await Expect(pageB.GetByTestId("opening-attendance")).ToContainTextAsync(NameA);
        await pageB.GetByRole(AriaRole.Button, new() { Name = "签到", Exact = true }).ClickAsync();
        await Expect(pageB.GetByTestId("opening-message")).ToContainTextAsync("已签到");
        await Expect(clerk.GetByTestId("opening-attendance")).ToContainTextAsync(NameB);
        await Expect(pageA.GetByTestId("opening-attendance")).ToContainTextAsync(NameB);
        var signedIn = await LedgerAsync(lot.LotCode, "trading.opening.signed-in", first: true);
        signedIn.GetProperty("name").GetString().ShouldBe(NameA);
        await ExpectStepAsync(pageB, "sign-in", "进行中", signedIn.GetProperty("at"));

        // 宏远 pastes the content key the tool unwrapped on its own machine; 恒泰 lets the tool send it.
        var keyOnly = await LifecycleSteps.GgzyAsync("bid", "unseal", "--envelope", a.Envelope, "--key", a.Key, "--key-only");
        await pageA.GetByTestId("content-key").FillAsync(keyOnly.Trim());
        await pageA.GetByRole(AriaRole.Button, new() { Name = "解密本单位投标文件" }).ClickAsync();
        await Expect(pageA.GetByTestId("opening-message")).ToContainTextAsync("投标文件已解密");
        await Expect(Row(clerk, NameA)).ToContainTextAsync("已解密");
        await Expect(Row(pageB, NameA)).ToContainTextAsync("已解密");

        // The tool's token of the day the bid was submitted has expired: 恒泰 signs in with its certificate again.
        await LifecycleSteps.GgzyAsync("login", "--url", url, "--cert", b.Cert, "--key", b.Key, "--token-file", b.Token);
        var unsealed = await LifecycleSteps.GgzyAsync("bid", "unseal", "--url", url, "--token-file", b.Token, "--envelope", b.Envelope, "--key", b.Key);
        unsealed.ShouldContain("已解密");
        unsealed.ShouldContain($"投标总价 {PriceB} 元");
        await Expect(pageB.GetByTestId("my-actions")).ToContainTextAsync("出席：已签到；投标文件：已解密");
        await Expect(Row(clerk, NameB)).ToContainTextAsync("已解密");
        await Expect(Row(pageA, NameB)).ToContainTextAsync("已解密");

        // Nobody sees a price before the read-out; the host cannot end the window while a bid is pending inside it.
        foreach (var page in new[] { clerk, pageA, pageB })
        {
            await Expect(page.GetByTestId("opening-bids")).Not.ToContainTextAsync("16880000");
            await Expect(page.GetByTestId("opening-bids")).Not.ToContainTextAsync("16650000");
        }

        await clerk.GetByRole(AriaRole.Button, new() { Name = "结束解密" }).ClickAsync();
        await Expect(clerk.GetByTestId("opening-errors")).ToContainTextAsync("仍有投标文件在解密时间内尚未解密");

        // The window runs out: the clock's pass revokes the bid of the bidder that did not show, in every session.
        _app.MoveTo(windowOpened.GetProperty("endsAt").GetDateTimeOffset().AddSeconds(5));
        (await _app.RunProcedureClockAsync(Ct)).ShouldBeGreaterThan(0);
        var revoked = await LedgerAsync(lot.LotCode, "trading.opening.bid-revoked");
        revoked.GetProperty("code").GetString().ShouldBe("OPEN_NO_SHOW");
        var closedDecryption = await LedgerAsync(lot.LotCode, "trading.opening.decryption-closed");
        foreach (var page in new[] { clerk, pageA, pageB })
        {
            await Expect(page.GetByTestId("stage-label")).ToHaveTextAsync("解密结束，待唱标");
            await Expect(Row(page, NameThird)).ToContainTextAsync("解密失败（投标人原因），视为撤销");
            await Expect(Row(page, NameThird)).ToContainTextAsync("解密时间结束时投标人未解密投标文件");
            await ExpectStepAsync(page, "decryption", "已完成", closedDecryption.GetProperty("at"));
        }

        // 唱标: names, prices, the items and the 标底 and maximum price, in every session at once.
        await clerk.GetByRole(AriaRole.Button, new() { Name = "唱标并生成开标记录" }).ClickAsync();
        await Expect(clerk.GetByTestId("opening-message")).ToContainTextAsync("已唱标，开标记录已生成");
        var readOut = await LedgerAsync(lot.LotCode, "trading.opening.read-out");
        var digest = readOut.GetProperty("record").GetString()!;
        foreach (var page in new[] { clerk, pageA, pageB })
        {
            await Expect(page.GetByTestId("stage-label")).ToHaveTextAsync("已唱标，确认开标记录");
            await Expect(Row(page, NameA)).ToContainTextAsync(PriceA);
            await Expect(Row(page, NameA)).ToContainTextAsync("540日历天");
            await Expect(Row(page, NameA)).ToContainTextAsync("冯志远");
            await Expect(Row(page, NameB)).ToContainTextAsync(PriceB);
            await Expect(Row(page, NameB)).ToContainTextAsync("优良");
            await Expect(Row(page, NameThird)).Not.ToContainTextAsync(PriceThird);
            await Expect(page.GetByTestId("disclosed-prices")).ToHaveTextAsync(new Regex(@"^\s*最高投标限价：17,200,000\.00 元\s+标底：16,900,000\.00 元\s*$"));
            await Expect(page.GetByTestId("price-chart")).ToContainTextAsync("16,650,000.50 元");
            await Expect(page.GetByTestId("opening-record").Locator("code")).ToHaveTextAsync(digest);
            await ExpectStepAsync(page, "read-out", "已完成", readOut.GetProperty("at"));
        }

        // Both present bidders confirm the record in their sessions; 恒泰 raises an objection first.
        await pageA.GetByRole(AriaRole.Button, new() { Name = "确认开标记录" }).ClickAsync();
        await Expect(pageA.GetByTestId("opening-message")).ToContainTextAsync("已确认开标记录");
        var confirmedA = await LedgerAsync(lot.LotCode, "trading.opening.confirmed");
        await Expect(Row(clerk, NameA)).ToContainTextAsync(Time(confirmedA.GetProperty("at")));

        await Expect(Row(pageB, NameA)).ToContainTextAsync(Time(confirmedA.GetProperty("at")));
        await pageB.GetByLabel("对开标提出异议").FillAsync("本单位报价的小数部分唱标时请完整读出。");
        await pageB.GetByRole(AriaRole.Button, new() { Name = "提出异议" }).ClickAsync();
        await Expect(pageB.GetByTestId("opening-message")).ToContainTextAsync("异议已记录");
        foreach (var page in new[] { clerk, pageA })
        {
            await Expect(page.GetByTestId("opening-objections")).ToContainTextAsync("本单位报价的小数部分唱标时请完整读出。");
            await Expect(page.GetByTestId("opening-objections")).ToContainTextAsync("待招标人当场答复");
        }

        await clerk.GetByRole(AriaRole.Button, new() { Name = "结束开标并公开开标记录" }).ClickAsync();
        await Expect(clerk.GetByTestId("opening-errors")).ToContainTextAsync("还有开标异议尚未答复");

        // The agency answers on the spot (实施条例 第四十四条); the answer reaches every session.
        using var agency = await SessionAsync("agency");
        var objections = (await agency.GetFromJsonAsync<JsonElement>(Api($"lots/{lot.LotId}/opening"), Ct)).GetProperty("objections");
        var answered = await agency.PostAsJsonAsync(Api($"lots/{lot.LotId}/opening/objections/{objections[0].GetProperty("id").GetGuid()}/answer"),
            new { answer = "已按开标记录完整读出：16650000.50 元。" }, Ct);
        answered.StatusCode.ShouldBe(HttpStatusCode.OK, await answered.Content.ReadAsStringAsync(Ct));
        foreach (var page in new[] { clerk, pageA, pageB })
        {
            await Expect(page.GetByTestId("opening-objections")).ToContainTextAsync("已按开标记录完整读出");
        }

        await pageB.GetByRole(AriaRole.Button, new() { Name = "确认开标记录" }).ClickAsync();
        await Expect(pageB.GetByTestId("opening-message")).ToContainTextAsync("已确认开标记录");
        await Expect(pageB.GetByTestId("my-actions")).ToContainTextAsync("已确认开标记录");

        // The clerk closes: the absent bidder is deemed to accept, the record goes public.
        await clerk.GetByRole(AriaRole.Button, new() { Name = "结束开标并公开开标记录" }).ClickAsync();
        await Expect(clerk.GetByTestId("opening-message")).ToContainTextAsync("开标结束，开标记录已在门户公开");
        var closed = await LedgerAsync(lot.LotCode, "trading.opening.closed");
        closed.GetProperty("deemedAccepted").EnumerateArray().Select(c => c.GetString()).ShouldBe([setup.Bidders[0].Identity.CreditCode]);
        foreach (var page in new[] { clerk, pageA, pageB })
        {
            await Expect(page.GetByTestId("stage-label")).ToHaveTextAsync("开标结束");
            await Expect(Row(page, NameThird)).ToContainTextAsync("视为认可");
            await ExpectStepAsync(page, "close", "已完成", closed.GetProperty("at"));
        }

        await Pages.KeepScreenshotAsync(clerk, "remote-opening-closed");
        var published = await clerk.GetByRole(AriaRole.Link, new() { Name = "门户公开的开标记录" }).GetAttributeAsync("href");
        using var anonymous = new HttpClient { BaseAddress = _app.Address };
        var record = await anonymous.GetFromJsonAsync<JsonElement>(new Uri(published!, UriKind.Relative), Ct);
        record.GetProperty("record").GetProperty("digest").GetString().ShouldBe(digest);
        var recordJson = JsonDocument.Parse(record.GetProperty("record").GetProperty("recordJson").GetString()!).RootElement;
        recordJson.GetProperty("maxPrice").GetString().ShouldBe("17200000.00");
        recordJson.GetProperty("referencePrice").GetString().ShouldBe("16900000.00");
        recordJson.GetProperty("bids").EnumerateArray().Select(x => x.GetProperty("totalPrice").GetString()).ShouldBe([PriceA, PriceB, null]);
        record.GetProperty("objections")[0].GetProperty("answer").GetString().ShouldBe("已按开标记录完整读出：16650000.50 元。");
        (await anonymous.GetFromJsonAsync<JsonElement>(Api("openings/published"), Ct)).EnumerateArray()
            .ShouldContain(o => o.GetProperty("lotId").GetGuid() == lot.LotId);

        // The Ledger tells the opening in the order it happened.
        (await OpeningLedgerAsync(lot.LotCode)).ShouldBe(
        [
            "trading.opening.settings-set", "trading.opening.extracted", "trading.opening.decryption-opened",
            "trading.opening.signed-in", "trading.opening.signed-in", "trading.opening.decrypted", "trading.opening.decrypted",
            "trading.opening.bid-revoked", "trading.opening.decryption-closed", "trading.opening.read-out", "trading.opening.confirmed",
            "trading.opening.objection-raised", "trading.opening.objection-answered", "trading.opening.confirmed",
            "trading.opening.closed", "trading.opening.published",
        ]);
    }

    private async Task<IPage> SignedInAsync(string user)
    {
        var context = await browser.NewContextAsync(_app.Address);
        lock (_contexts)
        {
            _contexts.Add(context);
        }

        var page = await context.NewPageAsync();
        await Pages.SignInAsync(page, user);
        return page;
    }

    private static ILocator Row(IPage page, string bidder) => page.GetByTestId("opening-bids").Locator("tbody tr").Filter(new() { HasText = bidder });

    /// <summary>The step's state and time (北京时间) as the hall shows them.</summary>
    private static async Task ExpectStepAsync(IPage page, string step, string state, JsonElement at)
    {
        var item = page.GetByTestId("opening-steps").Locator($"li[data-step='{step}']");
        await Expect(item.Locator(".step-state")).ToHaveTextAsync(state);
        await Expect(item.Locator(".step-time")).ToHaveTextAsync(Time(at));
    }

    private static string Time(JsonElement at) => ChinaTime.Format(at.GetDateTimeOffset());

    private static Uri Api(string path) => new("/api/v1/trading/" + path, UriKind.Relative);

    /// <summary>The payload of the lot's latest (or first) Ledger entry of <paramref name="type"/>.</summary>
    private async Task<JsonElement> LedgerAsync(string lotCode, string type, bool first = false)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var entries = scope.ServiceProvider.GetRequiredService<PlatformDbContext>().LedgerEntries.AsNoTracking()
            .Where(e => e.Subject == "lot:" + lotCode && e.Type == type);
        var payload = await (first ? entries.OrderBy(e => e.Sequence) : entries.OrderByDescending(e => e.Sequence)).Select(e => e.Payload).FirstAsync(Ct);
        return JsonDocument.Parse(payload).RootElement.Clone();
    }

    private async Task<List<string>> OpeningLedgerAsync(string lotCode)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().LedgerEntries.AsNoTracking()
            .Where(e => e.Subject == "lot:" + lotCode && e.Type.StartsWith("trading.opening."))
            .OrderBy(e => e.Sequence).Select(e => e.Type).ToListAsync(Ct);
    }

    /// <summary>A cookie session from the sign-in form, as a browser gets one, for what the test does outside the browsers.</summary>
    private async Task<HttpClient> SessionAsync(string user)
    {
        var client = new HttpClient(new SocketsHttpHandler { UseCookies = true, CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
        {
            BaseAddress = _app.Address,
        };
        var antiforgery = await GgzyApp.AntiforgeryTokenAsync(client, "/Account/SignIn");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.UserName"] = user,
            ["Input.Password"] = DemoAccounts.Password,
            ["__RequestVerificationToken"] = antiforgery,
        });
        (await client.PostAsync(new Uri("/Account/SignIn", UriKind.Relative), form, Ct)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return client;
    }
}
