using System.Net;
using Ggzy.TestKit;
using Ggzy.Web.Tests.Identity;
using Shouldly;
using Xunit;

namespace Ggzy.Web.Tests.Trading;

/// <summary>
/// The download log over HTTP once the demo lot's deadline (30 days after the demo is installed) has passed: the
/// tenderer, the agency, the center and the authorities see who downloaded; bidders still do not.
/// </summary>
public sealed class TradingDownloadLogHttpTests(MovableClockApp app) : IClassFixture<MovableClockApp>
{
    [Fact]
    public async Task DownloadLog_AfterTheDeadline_IsShownToStaffAndAuthorities_ButNotToBidders()
    {
        var lotId = await SchoolLotAsync("agency");
        app.Clock.Ahead = TimeSpan.FromDays(32);
        try
        {
            foreach (var user in new[] { "tenderer", "agency", "clerk", "admin", "regulator", "supervisor.housing" })
            {
                var client = await app.SignInAsync(user);
                var response = await client.GetPathAsync($"/api/v1/trading/lots/{lotId}/downloads");

                response.StatusCode.ShouldBe(HttpStatusCode.OK, user);
                var log = await response.JsonAsync();
                log.GetProperty("organizations").GetInt32().ShouldBeGreaterThanOrEqualTo(2, user);
                log.GetProperty("records")[0].GetProperty("creditCode").GetString()!.Length.ShouldBe(18);
                (await (await client.GetPathAsync($"/Trading/Lots/Documents/{lotId}")).HtmlAsync()).ShouldContain("data-testid=\"download-log\"", Case.Sensitive, user);
            }

            foreach (var user in new[] { "bidder", "bidder2" })
            {
                var client = await app.SignInAsync(user);
                (await client.GetPathAsync($"/api/v1/trading/lots/{lotId}/downloads")).StatusCode.ShouldBe(HttpStatusCode.Forbidden, user);
                (await (await client.GetPathAsync($"/Trading/Lots/Documents/{lotId}")).HtmlAsync()).ShouldNotContain("data-testid=\"download-log\"", Case.Sensitive, user);
            }
        }
        finally
        {
            app.Clock.Ahead = TimeSpan.Zero;
        }
    }

    private async Task<string> SchoolLotAsync(string user)
    {
        var client = await app.SignInAsync(user);
        var lots = await (await client.GetPathAsync("/api/v1/trading/lots")).JsonAsync();
        return lots.EnumerateArray().First(l => l.GetProperty("projectName").GetString() == "安和市第三中学教学楼建设工程")
            .GetProperty("lotId").GetString()!;
    }
}
