using System.Net;
using Ggzy.TestKit;
using Ggzy.Web.Tests.Identity;
using Shouldly;
using Xunit;

namespace Ggzy.Web.Tests.Credit;

public sealed class InvitationExpiryTests(MovableClockApp app) : IClassFixture<MovableClockApp>
{
    private static readonly string[] BidderRole = ["Bidder"];

    [Fact]
    public async Task Accept_AfterTheInvitationsDays_Is422SayingItExpired_OnTheApiAndThePage_AndCreatesNothing()
    {
        var admin = await app.SignInAsync("bidder");
        var issued = await (await admin.PostJsonAsync("/api/v1/credit/staff/invitations", new { displayName = "过期人", roles = BidderRole, validDays = 2 })).JsonAsync();
        var token = issued.GetProperty("token").GetString()!;
        app.Clock.Ahead = TimeSpan.FromDays(2);
        var before = await app.CountsAsync();

        var refused = await app.CreateAnonymousClient().PostJsonAsync("/api/v1/credit/invitations/accept",
            new { token, userName = "expired.user", password = AccountSteps.StrongPassword });
        var page = await (await app.CreateAnonymousClient().GetPathAsync($"/Credit/Invitations/Accept?token={token}")).HtmlAsync();

        refused.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await refused.HtmlAsync()).ShouldContain("过期");
        page.ShouldContain("过期，不能再使用");
        (await app.CountsAsync()).ShouldBe(before);
        var adminNow = await app.SignInAsync("bidder");
        (await (await adminNow.GetPathAsync("/Credit/Staff")).HtmlAsync()).ShouldContain("已过期");
    }
}
