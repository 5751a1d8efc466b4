using System.Net;
using System.Text.Json;
using Ggzy.Platform.Demo;
using Ggzy.TestKit;
using Ggzy.Web.Tests.Identity;
using Shouldly;
using Xunit;
using static Ggzy.Web.Tests.Bids.BidSteps;

namespace Ggzy.Web.Tests.Opening;

/// <summary>
/// Nothing before its time (docs/bid-opening.md §6): before the deadline of the demo works lot — which holds the demo's
/// sealed bids — no account of any role, nor an anonymous visitor, gets the hall, a bidder list, a price, a sign-in or a
/// decryption through the API; the refusals name no bidder.
/// </summary>
public sealed class OpeningSecrecyHttpTests(GgzyApp app) : IClassFixture<GgzyApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task BeforeTheDeadline_EveryRoleAndTheAnonymous_AreRefusedEveryOpeningCall_AndLearnNoBidder()
    {
        var (lotId, _) = await SchoolLotAsync(app);
        var bidderNames = DemoAccounts.Organizations.Where(o => o.Key.StartsWith("bidder", StringComparison.Ordinal)).Select(o => o.Name).ToList();
        var visitors = new List<(string Who, HttpClient Client)> { ("anonymous", app.CreateAnonymousClient()) };
        foreach (var account in DemoAccounts.Accounts)
        {
            visitors.Add((account.UserName, await app.SignInAsync(account.UserName)));
        }

        var calls = new (HttpMethod Method, string Path, object? Body)[]
        {
            (HttpMethod.Get, $"/api/v1/trading/lots/{lotId}/opening", null),
            (HttpMethod.Get, $"/api/v1/trading/lots/{lotId}/bids", null),
            (HttpMethod.Post, $"/api/v1/trading/lots/{lotId}/opening/sign-in", new { }),
            (HttpMethod.Post, $"/api/v1/trading/lots/{lotId}/opening/decrypt", new { contentKey = new string('a', 32) }),
            (HttpMethod.Post, $"/api/v1/trading/lots/{lotId}/opening/decryption/close", new { }),
            (HttpMethod.Post, $"/api/v1/trading/lots/{lotId}/opening/read-out", new { }),
            (HttpMethod.Post, $"/api/v1/trading/lots/{lotId}/opening/confirm", new { }),
            (HttpMethod.Post, $"/api/v1/trading/lots/{lotId}/opening/objections", new { text = "异议" }),
            (HttpMethod.Post, $"/api/v1/trading/lots/{lotId}/opening/close", new { }),
            (HttpMethod.Get, $"/api/v1/trading/openings/published/{lotId}", null),
        };

        var refusedByRule = 0;
        foreach (var (who, client) in visitors)
        {
            foreach (var (method, path, body) in calls)
            {
                using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
                if (body is not null)
                {
                    request.Content = System.Net.Http.Json.JsonContent.Create(body);
                }

                using var response = await client.SendAsync(request, Ct);
                var text = await response.Content.ReadAsStringAsync(Ct);
                var status = (int)response.StatusCode;
                status.ShouldBeOneOf([401, 403, 404, 302], $"{who} {method} {path}: {status} {text}");
                foreach (var name in bidderNames)
                {
                    text.ShouldNotContain(name, Case.Sensitive, $"{who} {method} {path}");
                }

                // A role that holds the permission is refused by the rule itself; the others by the permission table.
                if (status == 403 && path.Contains("/opening", StringComparison.Ordinal) && text.Length > 0
                    && JsonDocument.Parse(text).RootElement.TryGetProperty("code", out var code))
                {
                    code.GetString().ShouldBe("OPEN_NOT_YET", $"{who} {method} {path}");
                    refusedByRule++;
                }
            }
        }

        refusedByRule.ShouldBeGreaterThan(DemoAccounts.Accounts.Count);
        var published = await app.CreateAnonymousClient().GetPathAsync("/api/v1/trading/openings/published");
        published.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await published.Content.ReadAsStringAsync(Ct)).ShouldNotContain(lotId);
    }
}
