using System.Net;
using Ggzy.TestKit;
using Ggzy.Web.Tests.Identity;
using Microsoft.AspNetCore.Hosting;
using Shouldly;
using Xunit;

namespace Ggzy.Web.Tests;

/// <summary>A host that lets one address send only three anonymous writes a minute.</summary>
public sealed class LowWriteLimitApp : GgzyApp
{
    public const int Limit = 3;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Web:AnonymousWritesPerMinute", Limit.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}

/// <summary>Anonymous writes are limited per address: the one over the limit gets a Chinese 429 and stores nothing.</summary>
public sealed class AnonymousWriteLimitTests(LowWriteLimitApp app) : IClassFixture<LowWriteLimitApp>
{
    [Fact]
    public async Task AnonymousPosts_OverTheLimit_Get429InChinese_StoreNothing_WhileSignedInUsersAndReadsGoOn()
    {
        // The sign-in form's POST is itself an anonymous write: the first of the three.
        var signedIn = await app.SignInAsync("regulator");
        var anonymous = app.CreateAnonymousClient();
        for (var i = 2; i <= LowWriteLimitApp.Limit; i++)
        {
            (await anonymous.PostJsonAsync("/api/v1/credit/entities", new { })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        }

        var before = await app.CountsAsync();
        var refused = await anonymous.PostJsonAsync("/api/v1/credit/entities", new { });

        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        refused.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        refused.Headers.RetryAfter.ShouldNotBeNull();
        (await refused.JsonAsync()).GetProperty("detail").GetString()!.ShouldContain("一分钟后重试");
        (await app.CountsAsync()).ShouldBe(before);

        var page = await anonymous.PostAsync(new Uri("/Account/SignIn", UriKind.Relative), new FormUrlEncodedContent([]), Ct);
        page.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        (await page.Content.ReadAsStringAsync(Ct)).ShouldContain("提交过于频繁");

        (await anonymous.GetAsync(new Uri("/Credit/Entities", UriKind.Relative), Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await signedIn.PostJsonAsync("/api/v1/tokens", new { name = "限流测试", validDays = 1 })).StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;
}
