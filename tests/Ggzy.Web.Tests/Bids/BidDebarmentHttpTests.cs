using Ggzy.Credit.Contracts;
using Ggzy.Platform.Errors;
using Ggzy.TestKit;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using static Ggzy.Web.Tests.Bids.BidSteps;

namespace Ggzy.Web.Tests.Bids;

/// <summary>A bidder barred from bidding by a credit record in force is refused at the start and at completion.</summary>
public sealed class BidDebarmentHttpTests(GgzyApp app) : IClassFixture<GgzyApp>
{
    [Fact]
    public async Task ADebarredBidder_IsRefused_NamingTheDecision()
    {
        var (lotId, lotCode) = await SchoolLotAsync(app);
        var creditCode = CreditCodeOf(DemoIdentity(app, "bidder2").Certificate);
        using var barred = app.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
            s.AddScoped<ICreditStanding>(sp => new BarredFromBidding(creditCode))));
        var bidder = await SignInAsync(barred, "bidder2");

        var refused = await StartAsync(bidder, lotId, Seal(app, "bidder2", lotCode));

        await refused.ShouldBeRefusedAsync("BID_DEBARRED");
    }

    private static async Task<HttpClient> SignInAsync(Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> factory, string user)
    {
        var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var token = await GgzyApp.AntiforgeryTokenAsync(client, "/Account/SignIn");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.UserName"] = user,
            ["Input.Password"] = Ggzy.Platform.Demo.DemoAccounts.Password,
            ["__RequestVerificationToken"] = token,
        });
        var response = await client.PostAsync(new Uri("/Account/SignIn", UriKind.Relative), form, TestContext.Current.CancellationToken);
        Shouldly.ShouldBeTestExtensions.ShouldBe(response.StatusCode, System.Net.HttpStatusCode.Redirect);
        return client;
    }

    private sealed class BarredFromBidding(string code) : ICreditStanding
    {
        public Task EnsureNotDebarredAsync(string creditCode, DateTimeOffset at, DebarredAction action, CancellationToken ct) =>
            creditCode == code && action == DebarredAction.SubmitBid
                ? throw new BusinessRuleException("该主体被限制递交投标（响应）文件：安和市住房和城乡建设局 安建限〔2026〕9号，期限至 2027-06-30。")
                : Task.CompletedTask;

        public Task<DebarmentStatus> IsDebarredAsync(string creditCode, DateTimeOffset at, CancellationToken ct) => throw new NotSupportedException();

        public Task<CreditGrade> GradeOfAsync(string creditCode, DateTimeOffset at, CancellationToken ct) => throw new NotSupportedException();

        public Task<IReadOnlyList<CreditRecordInfo>> RecordsOfEntityAsync(string creditCode, bool includeConfidential, CancellationToken ct) =>
            throw new NotSupportedException();

        public Task<IReadOnlyList<CreditRecordInfo>> RecordsOfExpertAsync(string idNumber, bool includeConfidential, CancellationToken ct) =>
            throw new NotSupportedException();

        public Task<DebarmentStatus> IsExpertDebarredAsync(string idNumber, DateTimeOffset at, CancellationToken ct) => throw new NotSupportedException();

        public Task<IReadOnlySet<string>> DebarredExpertKeysAsync(DateTimeOffset at, CancellationToken ct) => throw new NotSupportedException();
    }
}
