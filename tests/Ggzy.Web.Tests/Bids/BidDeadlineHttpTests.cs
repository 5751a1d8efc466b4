using System.Net;
using System.Text.Json;
using Ggzy.TestKit;
using Ggzy.Web.Tests.Identity;
using Microsoft.AspNetCore.Hosting;
using Shouldly;
using Xunit;
using static Ggzy.Web.Tests.Bids.BidSteps;

namespace Ggzy.Web.Tests.Bids;

/// <summary>The demo host with a movable clock and a procedure clock that ticks every second.</summary>
public sealed class FastClockApp : GgzyApp
{
    public MovableClock Clock { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Trading:ProcedureClock:IntervalSeconds", "1");
        builder.ConfigureServices(s => Microsoft.Extensions.DependencyInjection.ServiceCollectionServiceExtensions.AddSingleton<TimeProvider>(s, Clock));
    }
}

/// <summary>
/// The deadline decides by the platform's clock: an upload begun before it cannot be finished after it and expires
/// (counted as withdrawn); afterwards those who run or supervise the lot see its bids, bidders still see only their own.
/// </summary>
public sealed class BidDeadlineHttpTests(FastClockApp app) : IClassFixture<FastClockApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AtTheDeadline_UnfinishedUploadsExpire_LateBytesAreRefused_AndTheBidsBecomeVisibleToStaff()
    {
        var (lotId, lotCode) = await SchoolLotAsync(app);
        var bidder = await app.SignInAsync("bidder");
        var receipt = await ReceiptOfAsync(await SubmitAsync(bidder, lotId, Seal(app, "bidder", lotCode)));
        var late = Seal(app, "bidder", lotCode, "截止前开始、截止后才完成的报价");
        var started = await (await StartAsync(bidder, lotId, late)).JsonAsync();
        var uploadId = started.GetProperty("uploadId").GetString()!;
        (await PutChunkAsync(bidder, uploadId, 0, late.AsSpan(0, 500))).StatusCode.ShouldBe(HttpStatusCode.OK);

        app.Clock.Ahead = TimeSpan.FromDays(32);
        try
        {
            bidder = await app.SignInAsync("bidder");
            await (await PutChunkAsync(bidder, uploadId, 500, late.AsSpan(500))).ShouldBeRefusedAsync("BID_AFTER_DEADLINE");
            await (await CompleteAsync(bidder, uploadId)).ShouldBeRefusedAsync("BID_AFTER_DEADLINE");
            await (await StartAsync(bidder, lotId, Seal(app, "bidder", lotCode))).ShouldBeRefusedAsync("BID_AFTER_DEADLINE");
            await (await bidder.PostJsonAsync($"/api/v1/trading/lots/{lotId}/bids/withdraw", new { })).ShouldBeRefusedAsync("BID_AFTER_DEADLINE");

            var state = "";
            for (var i = 0; i < 100 && state != "expired"; i++)
            {
                await Task.Delay(100, Ct);
                state = (await (await bidder.GetPathAsync($"/api/v1/trading/bids/uploads/{uploadId}")).JsonAsync()).GetProperty("state").GetString()!;
            }

            state.ShouldBe("expired");
            File.Exists(Path.Combine(app.Database.DataDirectory, "bids", lotId, uploadId + ".gse")).ShouldBeFalse();

            var bidId = JsonDocument.Parse(receipt.GetProperty("receiptJson").GetString()!).RootElement.GetProperty("bidId").GetString();
            foreach (var user in new[] { "tenderer", "agency", "clerk", "regulator", "supervisor.housing" })
            {
                var staff = await app.SignInAsync(user);
                var response = await staff.GetPathAsync($"/api/v1/trading/lots/{lotId}/bids");
                response.StatusCode.ShouldBe(HttpStatusCode.OK, user);
                var bids = (await response.JsonAsync()).EnumerateArray().ToList();
                bids.ShouldContain(b => b.GetProperty("bidId").GetString() == bidId && b.GetProperty("status").GetString() == "current", user);
                bids.ShouldNotContain(b => b.GetProperty("bidId").GetString() == uploadId, user);
            }

            (await bidder.GetPathAsync($"/api/v1/trading/lots/{lotId}/bids")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        }
        finally
        {
            app.Clock.Ahead = TimeSpan.Zero;
        }
    }
}
