using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Ggzy.Credit.Contracts;
using Ggzy.Platform.Demo;

namespace Ggzy.TestKit.Bidders;

/// <summary>A bidder ready to bid: registered, its certificate on the trust list's CA and bound, an API token, the documents obtained.</summary>
public sealed record ReadyBidder(BidderIdentity Identity, string Token);

/// <summary>The lot the bidders bid on: the demo's works lot whose tender documents are on sale.</summary>
public sealed record BidLot(Guid LotId, string LotCode, DateTimeOffset? Deadline);

/// <summary>The bidders, their lot, and the time the set-up took in all and summed per step over the bidders.</summary>
public sealed record BidderSetupResult(BidLot Lot, IReadOnlyList<ReadyBidder> Bidders, TimeSpan Elapsed, IReadOnlyDictionary<string, TimeSpan> Steps);

/// <summary>
/// Makes bidders on a running platform (demo seeded) through its public API only, as real market entities would:
/// the center administrator puts the bidders' CA on the trust list; then each bidder registers (统一社会信用代码,
/// admin account, signed credit commitment), signs in, binds its certificate, issues itself an API token and downloads
/// the tender documents of the lot on sale (a bidder must have obtained them to bid).
/// </summary>
public static class BidderSetup
{
    private const string Api = "/api/v1";

    public static async Task<BidderSetupResult> RunAsync(
        Uri platform, BidderKeyring keyring, int parallelism = 8, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(keyring);
        var clock = Stopwatch.StartNew();
        using (var admin = await SignInAsync(platform, "admin", DemoAccounts.Password, ct))
        {
            await CallAsync(admin, HttpMethod.Post, $"{Api}/credit/trust-list", new { certificate = keyring.Authority.Certificate.ToPem() },
                "把压测 CA 加入信任列表", ct);
        }

        // The first bidder finds the lot on sale and its documents; the others then go straight to the download.
        var steps = new ConcurrentDictionary<string, TimeSpan>(StringComparer.Ordinal);
        var ready = new ReadyBidder[keyring.Bidders.Count];
        var token = await AccountAsync(platform, keyring.Bidders[0], steps, ct);
        var (lot, document) = await DocumentsOnSaleAsync(platform, token, ct);
        await DownloadAsync(platform, token, lot, document, steps, ct);
        ready[0] = new ReadyBidder(keyring.Bidders[0], token);
        await Parallel.ForEachAsync(Enumerable.Range(1, keyring.Bidders.Count - 1),
            new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = ct },
            async (i, c) =>
            {
                var bidderToken = await AccountAsync(platform, keyring.Bidders[i], steps, c);
                await DownloadAsync(platform, bidderToken, lot, document, steps, c);
                ready[i] = new ReadyBidder(keyring.Bidders[i], bidderToken);
            });
        return new BidderSetupResult(lot, ready, clock.Elapsed, steps);
    }

    /// <summary>A client that signs its requests with <paramref name="token"/>.</summary>
    public static HttpClient BearerClient(Uri platform, string token, TimeSpan? timeout = null)
    {
        var client = new HttpClient { BaseAddress = platform, Timeout = timeout ?? TimeSpan.FromSeconds(100) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>Registers the bidder, signs in, binds its certificate and issues its API token.</summary>
    private static async Task<string> AccountAsync(Uri platform, BidderIdentity bidder, ConcurrentDictionary<string, TimeSpan> steps, CancellationToken ct)
    {
        using (var anonymous = new HttpClient { BaseAddress = platform })
        {
            await TimedAsync(steps, "register", () => CallAsync(anonymous, HttpMethod.Post, $"{Api}/credit/entities", new
            {
                creditCode = bidder.CreditCode,
                legalName = bidder.LegalName,
                kind = nameof(MarketEntityKind.LegalPerson),
                regionCode = BidderIdentity.RegionCode,
                legalRepresentative = "压测人",
                contactPerson = "压测联系人",
                contactPhone = "13800990100",
                roles = new[] { nameof(MarketRole.Bidder) },
                adminUserName = bidder.UserName,
                adminDisplayName = bidder.DisplayName,
                adminPassword = BidderIdentity.Password,
                commitmentVersion = CreditCommitments.Current.Version,
                commitmentSigned = true,
            }, $"注册市场主体 {bidder.CreditCode}", ct));
        }

        using var session = await TimedAsync(steps, "sign in", () => SignInAsync(platform, bidder.UserName, BidderIdentity.Password, ct));
        await TimedAsync(steps, "bind certificate", () => CallAsync(session, HttpMethod.Post, $"{Api}/credit/certificates",
            new { certificate = bidder.Certificate.Certificate.ToPem() }, $"{bidder.UserName} 绑定证书", ct));
        var issued = await TimedAsync(steps, "issue token", () => CallAsync(session, HttpMethod.Post, $"{Api}/tokens",
            new { name = "投标压测", validDays = 30 }, $"{bidder.UserName} 签发接口令牌", ct));
        return issued.GetProperty("token").GetString()!;
    }

    private static async Task DownloadAsync(
        Uri platform, string token, BidLot lot, string document, ConcurrentDictionary<string, TimeSpan> steps, CancellationToken ct)
    {
        using var client = BearerClient(platform, token);
        await TimedAsync(steps, "download documents", async () =>
        {
            using var download = await SendAsync(client, HttpMethod.Get, $"{Api}/trading/lots/{lot.LotId}/documents/{document}/content", null,
                "下载招标文件", ct);
            await download.Content.CopyToAsync(Stream.Null, ct);
            return true;
        });
    }

    private static async Task<(BidLot Lot, string Document)> DocumentsOnSaleAsync(Uri platform, string token, CancellationToken ct)
    {
        using var client = BearerClient(platform, token);
        var lot = await LotOnSaleAsync(client, ct);
        var view = await CallAsync(client, HttpMethod.Get, $"{Api}/trading/lots/{lot.LotId}/documents", null, "查看招标文件", ct);
        return (lot, view.GetProperty("documents").EnumerateArray().First().GetProperty("id").GetString()!);
    }

    private static async Task<T> TimedAsync<T>(ConcurrentDictionary<string, TimeSpan> steps, string step, Func<Task<T>> action)
    {
        var started = Stopwatch.GetTimestamp();
        var result = await action();
        steps.AddOrUpdate(step, _ => Stopwatch.GetElapsedTime(started), (_, sum) => sum + Stopwatch.GetElapsedTime(started));
        return result;
    }

    private static async Task<BidLot> LotOnSaleAsync(HttpClient client, CancellationToken ct)
    {
        var lots = await CallAsync(client, HttpMethod.Get, $"{Api}/trading/lots", null, "标段列表", ct);
        var onSale = lots.EnumerateArray().FirstOrDefault(l => l.GetProperty("onSale").GetBoolean());
        if (onSale.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidOperationException($"No lot has its documents on sale: {lots}");
        }

        return new BidLot(onSale.GetProperty("lotId").GetGuid(), onSale.GetProperty("lotTradeCode").GetString()!,
            onSale.GetProperty("deadline").ValueKind == JsonValueKind.Null ? null : onSale.GetProperty("deadline").GetDateTimeOffset());
    }

    /// <summary>A cookie session from the sign-in form, as a browser gets one.</summary>
    private static async Task<HttpClient> SignInAsync(Uri platform, string userName, string password, CancellationToken ct)
    {
        var handler = new SocketsHttpHandler { CookieContainer = new CookieContainer(), UseCookies = true, AllowAutoRedirect = false };
        var client = new HttpClient(handler, disposeHandler: true) { BaseAddress = platform };
        try
        {
            var antiforgery = await GgzyApp.AntiforgeryTokenAsync(client, "/Account/SignIn");
            using var form = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Input.UserName"] = userName,
                ["Input.Password"] = password,
                ["__RequestVerificationToken"] = antiforgery,
            });
            using var response = await client.PostAsync(new Uri("/Account/SignIn", UriKind.Relative), form, ct);
            var location = response.Headers.Location?.OriginalString ?? "";
            if (response.StatusCode != HttpStatusCode.Redirect || location.Contains("TwoFactor", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"Sign-in as {userName} failed: {(int)response.StatusCode} {location}");
            }

            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string path, object? body, string what, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        var response = await client.SendAsync(request, ct);
        if (!response.IsSuccessStatusCode)
        {
            var text = await response.Content.ReadAsStringAsync(ct);
            response.Dispose();
            throw new InvalidOperationException($"{what}: {(int)response.StatusCode} {text}");
        }

        return response;
    }

    /// <summary>The answer's JSON, or an undefined element when it has no body.</summary>
    private static async Task<JsonElement> CallAsync(HttpClient client, HttpMethod method, string path, object? body, string what, CancellationToken ct)
    {
        using var response = await SendAsync(client, method, path, body, what, ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        if (text.Length == 0)
        {
            return default;
        }

        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }
}
