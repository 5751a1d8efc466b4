using System.Net;
using Ggzy.Platform.Demo;
using Ggzy.TestKit;
using Shouldly;
using Xunit;

namespace Ggzy.Web.Tests;

public sealed class HostTests(GgzyApp app) : IClassFixture<GgzyApp>
{
    [Fact]
    public async Task HomePage_IsChinese()
    {
        var client = app.CreateAnonymousClient();
        var html = await client.GetStringAsync(new Uri("/", UriKind.Relative), TestContext.Current.CancellationToken);
        html.ShouldContain("<html lang=\"zh-CN\">");
        html.ShouldContain("安和市公共资源交易平台");
    }

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task HealthChecks_AreHealthy(string path)
    {
        var client = app.CreateAnonymousClient();
        var response = await client.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldBe("Healthy");
    }

    public static TheoryData<string> DemoUsers => [.. DemoAccounts.Accounts.Select(a => a.UserName)];

    [Theory]
    [MemberData(nameof(DemoUsers))]
    public async Task EveryDemoAccount_SignsIn_AndSeesItsWorkbench(string userName)
    {
        var client = await app.SignInAsync(userName);
        var html = await client.GetStringAsync(new Uri("/Workbench", UriKind.Relative), TestContext.Current.CancellationToken);
        var account = DemoAccounts.Accounts.Single(a => a.UserName == userName);
        html.ShouldContain(account.DisplayName);
    }

    [Fact]
    public async Task UnknownPage_Is404_InChinese()
    {
        var client = app.CreateAnonymousClient();
        var response = await client.GetAsync(new Uri("/no-such-page", UriKind.Relative), TestContext.Current.CancellationToken);
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldContain("页面不存在");
    }
}
