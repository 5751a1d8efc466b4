using System.Text.RegularExpressions;
using Ggzy.Cli;
using Ggzy.Platform.Demo;
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

    /// <summary>The demo's expert account linked to the pool's expert ZJ000001–ZJ000007.</summary>
    public static string ExpertAccount(string expertCode) => expertCode == "ZJ000001" ? "expert" : "expert" + expertCode[^1];

    /// <summary>The last 6-digit code in a message.</summary>
    public static string LastCode(string text) => SixDigits().Matches(text)[^1].Value;

    [GeneratedRegex(@"(?<![0-9])[0-9]{6}(?![0-9])")]
    private static partial Regex SixDigits();
}
