using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Ggzy.Platform.Demo;
using Ggzy.TestKit;
using Ggzy.TestKit.Bidders;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace Ggzy.Cli.Tests;

/// <summary>The demo host on a real socket with a clock the test moves and a procedure clock that ticks every second.</summary>
public sealed class OpeningApp : GgzyApp
{
    public MovableClock Clock { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Trading:ProcedureClock:IntervalSeconds", "1");
        builder.ConfigureServices(s => s.AddSingleton<TimeProvider>(Clock));
    }
}

/// <summary>
/// A whole remote opening against the platform (docs/bid-opening.md): three bidders register through the API, seal with
/// <c>ggzy bid seal --price --item</c> and submit with <c>ggzy bid submit</c> on the demo works lot, which already holds
/// the two demo bids. At the deadline the platform extracts five bids; one bidder signs in with its certificate, each
/// unseals with <c>ggzy bid unseal</c> (one pastes the <c>--key-only</c> key into the API instead); the demo bidders do
/// not show up. After the window the center reads out, a bidder confirms, the center closes, and anyone reads the record.
/// </summary>
public sealed class OpeningEndToEndTests : IAsyncLifetime
{
    private readonly OpeningApp _app = new();
    private Uri _url = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        await _app.InitializeAsync();
        _url = _app.StartOnLoopback();
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private string Home(string file)
    {
        var path = Path.Combine(_app.Database.DataDirectory, "home", file);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return path;
    }

    [Fact]
    public async Task RemoteOpening_WithTheBidderTool_FromSealToThePublishedRecord()
    {
        var setup = await BidderSetup.RunAsync(_url, BidderKeyring.Create(3, TimeProvider.System.GetUtcNow()), 2, Ct);
        var lot = setup.Lot;
        var bidders = new List<(ReadyBidder Bidder, string Cert, string Key, string Token, string Envelope, string Price)>();
        for (var i = 0; i < setup.Bidders.Count; i++)
        {
            var bidder = setup.Bidders[i];
            var name = $"b{i}";
            var cert = Home(name + ".cert.pem");
            var key = Home(name + ".key.pem");
            var token = Home(name + ".token");
            await File.WriteAllTextAsync(cert, bidder.Identity.Certificate.Certificate.ToPem(), Ct);
            await File.WriteAllTextAsync(key, bidder.Identity.Certificate.Key.ToPem(), Ct);
            await File.WriteAllTextAsync(token, bidder.Token, Ct);
            var documents = Home(name + "-投标文件.pdf");
            await File.WriteAllBytesAsync(documents, Encoding.UTF8.GetBytes(new string('标', 20_000)), Ct);
            var envelope = Home(name + ".gse");
            var price = $"{9_800_000 + (i * 150_000)}.50";
            var sealedRun = await CliRun.InvokeAsync(["bid", "seal", "--lot", lot.LotCode, "--price", price, "--item", $"工期={360 + i}日历天",
                "--item", "质量=合格", "--files", documents, "--cert", cert, "--key", key, "--out", envelope]);
            sealedRun.ExitCode.ShouldBe(ExitCodes.Ok, sealedRun.Out + sealedRun.Error);
            var submitted = await CliRun.InvokeAsync(["bid", "submit", "--url", _url.ToString(), "--token-file", token, "--envelope", envelope]);
            submitted.ExitCode.ShouldBe(ExitCodes.Ok, submitted.Out + submitted.Error);
            bidders.Add((bidder, cert, key, token, envelope, price));
        }

        using (var early = await SessionAsync("clerk"))
        {
            (await early.GetAsync(Api($"lots/{lot.LotId}/opening"), Ct)).StatusCode.ShouldBe(System.Net.HttpStatusCode.Forbidden);
        }

        var tooEarly = await CliRun.InvokeAsync(["bid", "unseal", "--url", _url.ToString(), "--token-file", bidders[0].Token,
            "--envelope", bidders[0].Envelope, "--key", bidders[0].Key]);
        tooEarly.ExitCode.ShouldBe(ExitCodes.Error);
        tooEarly.Error.ShouldContain("OPEN_NOT_YET");

        // The deadline passes: the procedure clock closes the bids and extracts them; the window opens at once.
        _app.Clock.Ahead = lot.Deadline!.Value - TimeProvider.System.GetUtcNow() + TimeSpan.FromMinutes(1);

        // A month on, the tokens of the registration have expired: each bidder signs in again with its certificate.
        foreach (var (_, cert, key, token, _, _) in bidders)
        {
            var login = await CliRun.InvokeAsync(["login", "--url", _url.ToString(), "--cert", cert, "--key", key, "--token-file", token]);
            login.ExitCode.ShouldBe(ExitCodes.Ok, login.Error);
        }

        using var clerk = await SessionAsync("clerk");
        var hall = await UntilAsync(clerk, lot.LotId, h => h.GetProperty("stage").GetString() == "decrypting");
        hall.GetProperty("bids").GetArrayLength().ShouldBe(5);

        // The first bidder signs in with its certificate: the challenge of the certificate sign-in, signed here.
        using (var first = Bearer(bidders[0].Token))
        {
            var challenge = await (await first.PostAsJsonAsync(new Uri("/api/v1/auth/certificate/challenge", UriKind.Relative),
                new { certificate = bidders[0].Bidder.Identity.Certificate.Certificate.ToPem() }, Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct);
            var signature = Convert.ToBase64String(bidders[0].Bidder.Identity.Certificate.Key.Sign(
                Encoding.UTF8.GetBytes(challenge.GetProperty("challenge").GetString()!)));
            var signedIn = await first.PostAsJsonAsync(Api($"lots/{lot.LotId}/opening/sign-in"),
                new { challengeId = challenge.GetProperty("challengeId").GetGuid(), signature }, Ct);
            var text = await signedIn.Content.ReadAsStringAsync(Ct);
            signedIn.IsSuccessStatusCode.ShouldBeTrue(text);
            JsonDocument.Parse(text).RootElement.GetProperty("attendance").EnumerateArray()
                .ShouldContain(a => a.GetProperty("method").GetString() == "certificate");
        }

        // The tool unseals with another certificate's key: refused here, nothing is sent.
        var wrong = await CliRun.InvokeAsync(["bid", "unseal", "--url", _url.ToString(), "--token-file", bidders[2].Token,
            "--envelope", bidders[2].Envelope, "--key", bidders[0].Key]);
        wrong.ExitCode.ShouldBe(ExitCodes.Error);
        wrong.Error.ShouldContain("ENV_KEY");

        foreach (var n in new[] { 0, 2 })
        {
            var unsealed = await CliRun.InvokeAsync(["bid", "unseal", "--url", _url.ToString(), "--token-file", bidders[n].Token,
                "--envelope", bidders[n].Envelope, "--key", bidders[n].Key, "--json"]);
            unsealed.ExitCode.ShouldBe(ExitCodes.Ok, unsealed.Out + unsealed.Error);
            var answer = JsonDocument.Parse(unsealed.Out).RootElement;
            answer.GetProperty("status").GetString().ShouldBe("decrypted");
            answer.GetProperty("totalPrice").GetString().ShouldBe(bidders[n].Price);
        }

        // The second pastes the key the tool printed (as into the hall page); the private key stays on its machine.
        var keyOnly = await CliRun.InvokeAsync(["bid", "unseal", "--envelope", bidders[1].Envelope, "--key", bidders[1].Key, "--key-only"]);
        keyOnly.ExitCode.ShouldBe(ExitCodes.Ok, keyOnly.Error);
        var contentKey = keyOnly.Out.Trim();
        contentKey.ShouldMatch("^[0-9a-f]{32}$");
        using (var second = Bearer(bidders[1].Token))
        {
            var decrypted = await second.PostAsJsonAsync(Api($"lots/{lot.LotId}/opening/decrypt"), new { contentKey }, Ct);
            var text = await decrypted.Content.ReadAsStringAsync(Ct);
            decrypted.IsSuccessStatusCode.ShouldBeTrue(text);
            JsonDocument.Parse(text).RootElement.GetProperty("items").GetProperty("工期").GetString().ShouldBe("361日历天");
        }

        // Prices stay unread until the read-out; the demo bidders do not show up, and the window runs out.
        hall = await HallAsync(clerk, lot.LotId);
        hall.GetProperty("bids").EnumerateArray().ShouldAllBe(b => b.GetProperty("totalPrice").ValueKind == JsonValueKind.Null);
        (await clerk.PostAsJsonAsync(Api($"lots/{lot.LotId}/opening/read-out"), new { }, Ct)).StatusCode.ShouldBe(System.Net.HttpStatusCode.Conflict);
        _app.Clock.Ahead += TimeSpan.FromMinutes(31);
        hall = await UntilAsync(clerk, lot.LotId, h => h.GetProperty("stage").GetString() == "decryption-closed");
        hall.GetProperty("bids").EnumerateArray().Count(b => b.GetProperty("failureCode").GetString() == "OPEN_NO_SHOW").ShouldBe(2);

        var readOut = await clerk.PostAsJsonAsync(Api($"lots/{lot.LotId}/opening/read-out"), new { }, Ct);
        var readOutText = await readOut.Content.ReadAsStringAsync(Ct);
        readOut.IsSuccessStatusCode.ShouldBeTrue(readOutText);
        var digest = JsonDocument.Parse(readOutText).RootElement.GetProperty("record").GetProperty("digest").GetString();
        using (var first = Bearer(bidders[0].Token))
        {
            (await first.PostAsJsonAsync(Api($"lots/{lot.LotId}/opening/confirm"), new { recordDigest = digest }, Ct)).IsSuccessStatusCode.ShouldBeTrue();
        }

        (await clerk.PostAsJsonAsync(Api($"lots/{lot.LotId}/opening/close"), new { }, Ct)).IsSuccessStatusCode.ShouldBeTrue();

        using var anonymous = new HttpClient { BaseAddress = _url };
        var published = await anonymous.GetFromJsonAsync<JsonElement>(Api($"openings/published/{lot.LotId}"), Ct);
        var record = JsonDocument.Parse(published.GetProperty("record").GetProperty("recordJson").GetString()!).RootElement;
        record.GetProperty("bids").EnumerateArray().Select(b => b.GetProperty("totalPrice").GetString()).Where(p => p is not null)
            .Order(StringComparer.Ordinal).ShouldBe(bidders.Select(b => b.Price).Order(StringComparer.Ordinal));
        published.GetProperty("bids").EnumerateArray().Count(b => b.GetProperty("deemedAccepted").GetBoolean()).ShouldBe(4);
    }

    private static Uri Api(string path) => new("/api/v1/trading/" + path, UriKind.Relative);

    private HttpClient Bearer(string tokenFile) => BidderSetup.BearerClient(_url, File.ReadAllText(tokenFile).Trim());

    private async Task<HttpClient> SessionAsync(string user)
    {
        var admin = new HttpClient(new SocketsHttpHandler { UseCookies = true, CookieContainer = new System.Net.CookieContainer(), AllowAutoRedirect = false })
        {
            BaseAddress = _url,
        };
        var antiforgery = await GgzyApp.AntiforgeryTokenAsync(admin, "/Account/SignIn");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.UserName"] = user,
            ["Input.Password"] = DemoAccounts.Password,
            ["__RequestVerificationToken"] = antiforgery,
        });
        (await admin.PostAsync(new Uri("/Account/SignIn", UriKind.Relative), form, Ct)).StatusCode.ShouldBe(System.Net.HttpStatusCode.Redirect);
        return admin;
    }

    private static async Task<JsonElement> HallAsync(HttpClient client, Guid lotId)
    {
        using var response = await client.GetAsync(Api($"lots/{lotId}/opening"), Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        response.IsSuccessStatusCode.ShouldBeTrue(text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    // The procedure clock runs every second on its own: wait (at most 30 s) until the hall shows what it must.
    private static async Task<JsonElement> UntilAsync(HttpClient client, Guid lotId, Func<JsonElement, bool> done)
    {
        var last = "";
        for (var i = 0; i < 300; i++)
        {
            using var response = await client.GetAsync(Api($"lots/{lotId}/opening"), Ct);
            last = await response.Content.ReadAsStringAsync(Ct);
            if (response.IsSuccessStatusCode && JsonDocument.Parse(last).RootElement.Clone() is var hall && done(hall))
            {
                return hall;
            }

            await Task.Delay(100, Ct);
        }

        throw new ShouldAssertException($"The hall did not reach the expected step: {last}");
    }
}
