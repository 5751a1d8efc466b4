using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Ggzy.Cli;
using Ggzy.Experts.Contracts;
using Ggzy.Platform.Demo;
using Ggzy.Sealing.Archive;
using Ggzy.Sealing.Pki;
using Ggzy.TestKit.Bidders;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Shouldly;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Ggzy.Browser.Tests;

/// <summary>Where a bidder keeps, on its own machine, its certificate, key, API token and sealed bid.</summary>
internal sealed record ToolBidder(string Name, string Cert, string Key, string Token, string Envelope);

/// <summary>A message the simulated gateway "sent" to a drawn expert (its pool number, the seat, the text).</summary>
internal sealed record GatewayMessage(string Expert, string Seat, string Text);

/// <summary>
/// Steps the lifecycle tests share: the bidder tool (<c>ggzy</c>, in-process, as a bidder runs it on its own machine) and
/// the simulated gateway's messages to drawn experts, as the center administrator's page lists them.
/// </summary>
internal static partial class LifecycleSteps
{
    /// <summary>A bidder's files under the host's data directory (the certificate and key there unless given).</summary>
    public static ToolBidder Bidder(string dataDirectory, string name, string? cert = null, string? key = null)
    {
        var home = Directory.CreateDirectory(Path.Combine(dataDirectory, "bidders")).FullName;
        return new ToolBidder(name, cert ?? Path.Combine(home, name + ".cert.pem"), key ?? Path.Combine(home, name + ".key.pem"),
            Path.Combine(home, name + ".token"), Path.Combine(home, name + ".gse"));
    }

    /// <summary>A demo bidder account with the certificate and key the demo issued it.</summary>
    public static ToolBidder DemoBidder(string dataDirectory, string account)
    {
        var certs = Path.Combine(dataDirectory, DemoCertificates.FolderName);
        return Bidder(dataDirectory, account, Path.Combine(certs, account + ".cert.pem"), Path.Combine(certs, account + ".key.pem"));
    }

    /// <summary>Runs <c>ggzy</c> in-process as a bidder would on its own machine; it must succeed. Returns what it printed.</summary>
    public static async Task<string> GgzyAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await GgzyCli.InvokeAsync(args, output, error, TestContext.Current.CancellationToken);
        code.ShouldBe(ExitCodes.Ok, $"ggzy {string.Join(' ', args)}\n{output}\n{error}");
        return output.ToString();
    }

    /// <summary>
    /// The gateway's messages of <paramref name="purpose"/> (<c>invitation</c>, <c>confirmation</c>) as the center
    /// administrator's page lists them, newest first; with <paramref name="about"/>, only those whose text names it (a lot).
    /// </summary>
    public static async Task<IReadOnlyList<GatewayMessage>> GatewayMessagesAsync(IPage admin, string purpose, int expected, string? about = null)
    {
        await admin.GotoAsync("/Experts/Draws/Messages");
        var rows = admin.Locator($"[data-testid=message-row][data-purpose={purpose}]");
        if (about is not null)
        {
            rows = rows.Filter(new() { HasText = about });
        }

        await Expect(rows).ToHaveCountAsync(expected);
        var found = new List<GatewayMessage>();
        for (var i = 0; i < expected; i++)
        {
            var row = rows.Nth(i);
            found.Add(new GatewayMessage((await row.GetAttributeAsync("data-expert"))!, (await row.GetAttributeAsync("data-seat"))!,
                await row.GetByTestId("message-text").InnerTextAsync()));
        }

        return found;
    }

    /// <summary>The tool signs in with the bidder's certificate and keeps the API token it is given.</summary>
    public static async Task ToolLoginAsync(Uri address, ToolBidder tool) =>
        await GgzyAsync("login", "--url", address.ToString(), "--cert", tool.Cert, "--key", tool.Key, "--token-file", tool.Token);

    /// <summary>Downloads the lot's documents with the bidder's API token (a bidder must have obtained them to bid).</summary>
    public static async Task DownloadLotDocumentsAsync(Uri address, ToolBidder tool, Guid lotId)
    {
        var ct = TestContext.Current.CancellationToken;
        using var client = BidderSetup.BearerClient(address, (await File.ReadAllTextAsync(tool.Token, ct)).Trim());
        var view = await client.GetFromJsonAsync<JsonElement>($"/api/v1/trading/lots/{lotId}/documents", ct);
        var document = view.GetProperty("documents")[0].GetProperty("id").GetString();
        using var content = await client.GetAsync(new Uri($"/api/v1/trading/lots/{lotId}/documents/{document}/content", UriKind.Relative), ct);
        content.EnsureSuccessStatusCode();
    }

    /// <summary>The lot's trade code, as a bidder reads it from the platform's list of lots with its API token.</summary>
    public static async Task<string> LotTradeCodeAsync(Uri address, ToolBidder tool, Guid lotId)
    {
        var ct = TestContext.Current.CancellationToken;
        using var client = BidderSetup.BearerClient(address, (await File.ReadAllTextAsync(tool.Token, ct)).Trim());
        var lots = await client.GetFromJsonAsync<JsonElement>("/api/v1/trading/lots", ct);
        return lots.EnumerateArray().Single(l => l.GetProperty("lotId").GetGuid() == lotId).GetProperty("lotTradeCode").GetString()!;
    }

    /// <summary>
    /// The drawn experts answer the gateway: each confirms with the code of its invitation (whose text names
    /// <paramref name="about"/>), then signs in at the evaluation with the code of its confirmation, signing the credit
    /// commitment. Returns each expert's page by its pool number.
    /// </summary>
    public static async Task<Dictionary<string, IPage>> ConfirmAndSignInAsync(IPage admin, string about, int experts, Func<string, Task<IPage>> pageOf)
    {
        var pages = new Dictionary<string, IPage>();
        foreach (var invitation in await GatewayMessagesAsync(admin, "invitation", experts, about))
        {
            var page = pages[invitation.Expert] = await pageOf(ExpertAccount(invitation.Expert));
            await page.GotoAsync($"/Experts/Draws/Invitation/{invitation.Seat}");
            await page.GetByTestId("answer-code").FillAsync(LastCode(invitation.Text));
            await page.GetByTestId("confirm").ClickAsync();
            await Expect(page.GetByTestId("message")).ToContainTextAsync("已确认参加评标");
        }

        foreach (var confirmation in await GatewayMessagesAsync(admin, "confirmation", experts, about))
        {
            var page = pages[confirmation.Expert];
            await page.GotoAsync($"/Experts/Draws/SignIn/{confirmation.Seat}");
            await page.GetByTestId("sign-in-code").FillAsync(LastCode(confirmation.Text));
            await page.GetByTestId("accept-commitment").CheckAsync();
            await page.GetByTestId("sign-in").ClickAsync();
            await Expect(page.GetByTestId("signed-in")).ToContainTextAsync("已签署信用承诺书");
        }

        return pages;
    }

    /// <summary>
    /// Qualification and compliance (符合性审查): every member passes each of the lot's three bids, the chair concludes each
    /// stage (the chair's page open in the room). Returns the bids' ids in the room's order.
    /// </summary>
    public static async Task<string[]> PassAllReviewsAsync(Dictionary<string, IPage> members, IPage chair, string roomUrl)
    {
        var bids = await chair.GetByTestId("bids").Locator("tr[data-bid]").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.bid)");
        bids.Length.ShouldBe(3);
        foreach (var stage in new[] { "资格审查", "符合性审查" })
        {
            foreach (var page in members.Values)
            {
                await page.GotoAsync(roomUrl);
                for (var i = 0; i < bids.Length; i++)
                {
                    await page.GetByTestId("review-form").Nth(i).GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
                    await Expect(page.GetByTestId("message")).ToHaveTextAsync("审查意见已保存。");
                }
            }

            await chair.GotoAsync(roomUrl);
            await Expect(chair.GetByRole(AriaRole.Heading, new() { Name = stage })).ToBeVisibleAsync();
            await chair.GetByRole(AriaRole.Button, new() { Name = "结束本阶段（按少数服从多数作出结论）" }).ClickAsync();
            await Expect(chair.GetByTestId("message")).ToHaveTextAsync("本阶段审查已结束。");
        }

        await Expect(chair.GetByTestId("stage-label")).ToHaveTextAsync("详细评审");
        return bids;
    }

    /// <summary>Every member signs the generated report in the room; then the chair's page, reloaded, shows <paramref name="ended"/>.</summary>
    public static async Task EveryMemberSignsReportAsync(Dictionary<string, IPage> members, IPage chair, string roomUrl, string ended)
    {
        foreach (var page in members.Values)
        {
            await page.GotoAsync(roomUrl);
            await page.GetByTestId("sign-form").GetByRole(AriaRole.Button).ClickAsync();
            await Expect(page.GetByTestId("message")).ToHaveTextAsync("已签署评标报告。");
        }

        await chair.ReloadAsync();
        await Expect(chair.GetByTestId("stage-label")).ToHaveTextAsync(ended);
    }

    /// <summary>The experts the lot's draw seated who have signed in, as the evaluation room takes them.</summary>
    public static async Task<IReadOnlyList<CommitteeSeat>> SignedInCommitteeAsync(IServiceProvider services, Guid lotId, int experts)
    {
        await using var scope = services.CreateAsyncScope();
        var committee = await scope.ServiceProvider.GetRequiredService<ICommitteeSeats>().OfLotAsync(lotId, TestContext.Current.CancellationToken);
        committee.ShouldNotBeNull();
        committee.SignedIn.Count.ShouldBe(experts);
        return committee.SignedIn;
    }

    /// <summary>
    /// The lot's archive page, as <paramref name="page"/>'s user sees it: the package is downloaded and verified offline with
    /// the platform's key (the code of <c>ggzy archive verify</c>), then found damaged once one byte is changed. Returns the
    /// intact package's verification.
    /// </summary>
    public static async Task<ArchiveVerification> DownloadAndVerifyArchiveAsync(IPage page, Guid lotId)
    {
        await page.GotoAsync($"/Trading/Archive/{lotId}");
        await Expect(page.GetByTestId("archive-outcome")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("archive-entries")).ToContainTextAsync("评标报告");
        await Expect(page.GetByTestId("archive-entries")).ToContainTextAsync("合同");
        var keyPem = await page.GetByTestId("platform-key").InnerTextAsync();
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("archive-download").ClickAsync());
        await using var stream = await download.CreateReadStreamAsync();
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy, TestContext.Current.CancellationToken);
        var package = copy.ToArray();
        var key = PublicKey.Parse(System.Text.Encoding.ASCII.GetBytes(keyPem));

        var intact = ArchiveVerifier.Verify(new MemoryStream(package), download.SuggestedFilename, key);
        intact.IsIntact.ShouldBeTrue(string.Join(" | ", intact.Faults.Select(f => f.Message)));
        intact.Manifest!.Entries.ShouldContain(e => e.Kind == "evaluation-report");
        intact.Manifest.Entries.ShouldContain(e => e.Kind == "contract");

        package[package.Length / 3] ^= 0x01;
        var damaged = ArchiveVerifier.Verify(new MemoryStream(package), download.SuggestedFilename, key);
        damaged.IsIntact.ShouldBeFalse();
        damaged.Faults.ShouldNotBeEmpty();
        return intact;
    }

    /// <summary>The demo's expert account linked to the pool's expert ZJ000001–ZJ000007.</summary>
    public static string ExpertAccount(string expertCode) => expertCode == "ZJ000001" ? "expert" : "expert" + expertCode[^1];

    /// <summary>The last 6-digit code in a message.</summary>
    public static string LastCode(string text) => SixDigits().Matches(text)[^1].Value;

    [GeneratedRegex(@"(?<![0-9])[0-9]{6}(?![0-9])")]
    private static partial Regex SixDigits();
}
