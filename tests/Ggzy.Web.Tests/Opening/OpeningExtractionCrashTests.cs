using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ggzy.Platform.Demo;
using Ggzy.Sealing.Envelope;
using Ggzy.TestKit;
using Ggzy.TestKit.Bidders;
using Shouldly;
using Xunit;

namespace Ggzy.Web.Tests.Opening;

/// <summary>
/// The timed extraction survives a power cut (docs/bid-opening.md §1, ADR 0020). The platform runs as its own process;
/// three bidders submit sealed bids to the demo works lot (which holds the two demo bids as well). The process is
/// started again with its clock past the deadline and the fault-injection pause between bids
/// (<c>Trading:Opening:ExtractionPauseMilliseconds</c>), and killed with SIGKILL while the procedure clock is part way
/// through the bids. Started with the clock stopped, it shows nothing of the opening: no hall, no Ledger entry. Started
/// normally, the next pass extracts once — one opening, one <c>trading.opening.extracted</c> entry listing every bid with
/// its checked digest — and the opening goes on: a bidder decrypts its bid.
/// </summary>
public sealed class OpeningExtractionCrashTests : IAsyncLifetime
{
    private const int Bidders = 3;
    private const int DemoBids = 2;

    private static readonly Dictionary<string, string> Base = new(StringComparer.Ordinal)
    {
        ["Trading:ProcedureClock:IntervalSeconds"] = "1",
    };

    private TestDatabase _database = null!;
    private PlatformProcess _platform = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        // The process starts from a copy of the seeded demo: the demo's seeding is not what these tests are about.
        _database = await TestDatabase.DemoCopyAsync();
        _platform = await PlatformProcess.StartAsync(PlatformProcessSettings.For(_database) with { Extra = Base }, Ct);
    }

    public async ValueTask DisposeAsync()
    {
        await _platform.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Sigkill_DuringTheTimedExtraction_NothingHalfDoneRemains_AndTheRestartExtractsOnce()
    {
        var setup = await BidderSetup.RunAsync(_platform.BaseAddress, BidderKeyring.Create(Bidders, TimeProvider.System.GetUtcNow()), 2, Ct);
        var lot = setup.Lot;
        var directory = Path.Combine(_database.DataDirectory, "sent");
        Directory.CreateDirectory(directory);
        var documents = new byte[64 << 10];
        var sent = new List<(ReadyBidder Bidder, BidEnvelope Envelope, string Price)>();
        using (var http = new HttpClient { BaseAddress = _platform.BaseAddress })
        {
            var client = new BidClient(http);
            foreach (var bidder in setup.Bidders)
            {
                var price = $"{8_000_000 + (bidder.Identity.Number * 10_000)}.00";
                var envelope = BidEnvelopes.Seal(Path.Combine(directory, $"{bidder.Identity.Number}.gse"), lot.LotCode, bidder.Identity,
                    BidEnvelopes.PriceSheet(lot.LotCode, bidder.Identity.CreditCode, price), documents, documents.Length);
                var receipt = await BidSubmission.SubmitAsync(client, bidder.Token, lot.LotId, envelope, ct: Ct);
                receipt.Receipt.Receipt.Digest.ShouldBe(envelope.Digest);
                sent.Add((bidder, envelope, price));
            }
        }

        // Past the deadline, with a pause after each checked bid: the kill lands while the clock is extracting.
        var ahead = lot.Deadline!.Value - TimeProvider.System.GetUtcNow() + TimeSpan.FromMinutes(1);
        var pastDeadline = With(("Clock:Ahead", ahead.ToString("c", CultureInfo.InvariantCulture)));
        await _platform.KillAsync();
        await _platform.StartAgainAsync(With(pastDeadline, ("Trading:Opening:ExtractionPauseMilliseconds", "3000")), Ct);
        var paused = await _platform.WaitForOutputAsync(
            line => line.Contains($"extraction of lot {lot.LotCode} paused", StringComparison.Ordinal) && line.Contains("bid 2 of", StringComparison.Ordinal),
            TimeSpan.FromMinutes(2), Ct);
        paused.ShouldContain($"of {Bidders + DemoBids}.");
        await _platform.KillAsync();

        // Started with the procedure clock stopped: the bids were closed before the kill, but there is no opening at all.
        await _platform.StartAgainAsync(With(pastDeadline, ("Trading:ProcedureClock:Enabled", "false")), Ct);
        using (var clerk = await SessionAsync("clerk", DemoAccounts.Password))
        {
            var hall = await clerk.GetAsync(Api($"lots/{lot.LotId}/opening"), Ct);
            hall.StatusCode.ShouldBe(HttpStatusCode.Conflict, await hall.Content.ReadAsStringAsync(Ct));
            (await hall.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("code").GetString().ShouldBe("OPEN_NOT_EXTRACTED");
        }

        using (var bidder = await SessionAsync(sent[0].Bidder.Identity.UserName, BidderIdentity.Password))
        {
            var decrypt = await bidder.PostAsJsonAsync(Api($"lots/{lot.LotId}/opening/decrypt"), new { contentKey = ContentKey(sent[0]) }, Ct);
            decrypt.StatusCode.ShouldBe(HttpStatusCode.Conflict, await decrypt.Content.ReadAsStringAsync(Ct));
        }

        var before = await LotLedgerAsync(lot.LotCode);
        before.ShouldContain(e => e.Type == "trading.bids.closed");
        before.ShouldNotContain(e => e.Type.StartsWith("trading.opening.", StringComparison.Ordinal));
        await _platform.KillAsync();

        // Started normally: the first pass catches up and extracts, once.
        await _platform.StartAgainAsync(pastDeadline, Ct);
        using var clerkAfter = await SessionAsync("clerk", DemoAccounts.Password);
        var opened = await UntilDecryptingAsync(clerkAfter, lot.LotId);
        var bids = opened.GetProperty("bids").EnumerateArray().ToList();
        bids.Count.ShouldBe(Bidders + DemoBids);
        bids.ShouldAllBe(b => b.GetProperty("sealIntact").GetBoolean() && b.GetProperty("outcome").GetString() == "pending");
        foreach (var (_, envelope, _) in sent)
        {
            bids.ShouldContain(b => b.GetProperty("digest").GetString() == envelope.Digest);
        }

        var after = await LotLedgerAsync(lot.LotCode);
        var extracted = after.Where(e => e.Type == "trading.opening.extracted").ShouldHaveSingleItem();
        after.Count(e => e.Type == "trading.opening.decryption-opened").ShouldBe(1);
        var listed = extracted.Payload.GetProperty("bids").EnumerateArray().ToList();
        listed.Count.ShouldBe(Bidders + DemoBids);
        listed.ShouldAllBe(b => b.GetProperty("sealIntact").GetBoolean());
        listed.Select(b => b.GetProperty("digest").GetString()).ShouldBe(bids.Select(b => b.GetProperty("digest").GetString()), ignoreOrder: true);
        extracted.Payload.GetProperty("extractedAt").GetDateTimeOffset().ShouldBe(opened.GetProperty("extractedAt").GetDateTimeOffset(), TimeSpan.FromSeconds(1));

        // The opening goes on: a bidder unseals its own bid with the key its private key unwraps.
        using (var bidder = await SessionAsync(sent[1].Bidder.Identity.UserName, BidderIdentity.Password))
        {
            var decrypt = await bidder.PostAsJsonAsync(Api($"lots/{lot.LotId}/opening/decrypt"), new { contentKey = ContentKey(sent[1]) }, Ct);
            var text = await decrypt.Content.ReadAsStringAsync(Ct);
            decrypt.StatusCode.ShouldBe(HttpStatusCode.OK, text);
            var bid = JsonDocument.Parse(text).RootElement;
            bid.GetProperty("outcome").GetString().ShouldBe("decrypted");
            bid.GetProperty("totalPrice").GetString().ShouldBe(sent[1].Price);
        }

        // The passes since (one a second) did not extract again.
        (await LotLedgerAsync(lot.LotCode)).Count(e => e.Type == "trading.opening.extracted").ShouldBe(1);
        var hallNow = await HallAsync(clerkAfter, lot.LotId);
        hallNow.GetProperty("extractedAt").GetDateTimeOffset().ShouldBe(opened.GetProperty("extractedAt").GetDateTimeOffset());
        hallNow.GetProperty("bids").GetArrayLength().ShouldBe(Bidders + DemoBids);
    }

    private static Dictionary<string, string> With(params (string Key, string Value)[] settings) => With(Base, settings);

    private static Dictionary<string, string> With(IReadOnlyDictionary<string, string> from, params (string Key, string Value)[] settings)
    {
        var merged = new Dictionary<string, string>(from, StringComparer.Ordinal);
        foreach (var (key, value) in settings)
        {
            merged[key] = value;
        }

        return merged;
    }

    private static string ContentKey((ReadyBidder Bidder, BidEnvelope Envelope, string Price) bid)
    {
        using var file = File.OpenRead(bid.Envelope.Path);
        return Convert.ToHexStringLower(SealedEnvelope.UnwrapKey(SealedEnvelope.ReadHeader(file), bid.Bidder.Identity.Certificate.Key));
    }

    private static Uri Api(string path) => new("/api/v1/trading/" + path, UriKind.Relative);

    /// <summary>The Ledger's entries about the lot, read through the API as the Regulator does.</summary>
    private async Task<List<(string Type, JsonElement Payload)>> LotLedgerAsync(string lotCode)
    {
        using var regulator = await SessionAsync("regulator", DemoAccounts.Password);
        var entries = new List<(string Type, JsonElement Payload)>();
        long after = 0;
        while (true)
        {
            var page = await regulator.GetFromJsonAsync<JsonElement>(new Uri($"/api/v1/ledger?after={after}&limit=1000", UriKind.Relative), Ct);
            var items = page.GetProperty("entries").EnumerateArray().ToList();
            entries.AddRange(items.Where(e => e.GetProperty("subject").GetString() == $"lot:{lotCode}")
                .Select(e => (e.GetProperty("type").GetString()!, e.GetProperty("payload").Clone())));
            if (items.Count == 0)
            {
                return entries;
            }

            after = page.GetProperty("next").GetInt64();
        }
    }

    private async Task<HttpClient> SessionAsync(string userName, string password)
    {
        var client = new HttpClient(new SocketsHttpHandler { UseCookies = true, CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
        {
            BaseAddress = _platform.BaseAddress,
        };
        var antiforgery = await GgzyApp.AntiforgeryTokenAsync(client, "/Account/SignIn");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.UserName"] = userName,
            ["Input.Password"] = password,
            ["__RequestVerificationToken"] = antiforgery,
        });
        using var response = await client.PostAsync(new Uri("/Account/SignIn", UriKind.Relative), form, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, $"sign-in as {userName}");
        return client;
    }

    private static async Task<JsonElement> HallAsync(HttpClient client, Guid lotId)
    {
        using var response = await client.GetAsync(Api($"lots/{lotId}/opening"), Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    // The procedure clock runs every second in the process: wait (at most a minute) for the pass that extracts.
    private async Task<JsonElement> UntilDecryptingAsync(HttpClient client, Guid lotId)
    {
        var last = "";
        for (var i = 0; i < 600; i++)
        {
            using var response = await client.GetAsync(Api($"lots/{lotId}/opening"), Ct);
            last = await response.Content.ReadAsStringAsync(Ct);
            if (response.StatusCode == HttpStatusCode.OK && JsonDocument.Parse(last).RootElement.Clone() is var hall
                && hall.GetProperty("stage").GetString() == "decrypting")
            {
                return hall;
            }

            await Task.Delay(100, Ct);
        }

        throw new ShouldAssertException($"The lot was not extracted after the restart: {last}\n{_platform.LogTail()}");
    }
}
