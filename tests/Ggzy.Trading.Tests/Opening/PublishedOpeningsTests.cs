using Ggzy.Trading.Contracts;
using Ggzy.Trading.Domain.Schedule;
using Microsoft.Extensions.DependencyInjection;

namespace Ggzy.Trading.Tests.Opening;

/// <summary>
/// The portal's search of published opening records (<see cref="IPublishedOpenings"/>): a lot appears only once its
/// opening is closed — never while it is being decrypted or read out (a lot not opened for too few bids is tried on the
/// demo over HTTP) — and is found by a bidder's name, by its trade code in any case and by the day of its opening.
/// </summary>
public sealed class PublishedOpeningsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ALot_IsListedOnlyOnceItsOpeningIsClosed_AndIsFoundByBidderCodeAndDay()
    {
        await using var host = await TradingTestHost.CreateAsync(Ct);
        var s = await new OpeningScenario(host).CreateAsync(Regime.Tender, bidders: 3);
        var lots = new[] { s.Lot.Id, Guid.NewGuid() };

        await s.ClockAtAsync(s.Deadline.AddSeconds(10));
        (await SearchAsync(host, new())).Total.ShouldBe(0);
        (await PublishedLotsAsync(host, lots)).ShouldBeEmpty();

        foreach (var bid in s.Bids)
        {
            await s.OpeningsAsync(o => o.SignInAsync(bid.Principal, s.Lot.Id, new OpeningSignInInput(null, null), Ct));
            await s.OpeningsAsync(o => o.DecryptAsync(bid.Principal, s.Lot.Id, new OpeningDecryptInput(bid.ContentKey()), Ct));
        }

        await s.OpeningsAsync(o => o.ReadOutAsync(s.Clerk, s.Lot.Id, Ct));
        (await SearchAsync(host, new())).Total.ShouldBe(0);
        (await SearchAsync(host, new() { Keyword = s.Bids[1].Identity.LegalName })).Total.ShouldBe(0);
        (await PublishedLotsAsync(host, lots)).ShouldBeEmpty();

        host.Clock.Advance(TimeSpan.FromMinutes(5));
        await s.OpeningsAsync(o => o.CloseAsync(s.Clerk, s.Lot.Id, Ct));
        var all = await SearchAsync(host, new());
        var row = all.Items.ShouldHaveSingleItem();
        row.LotId.ShouldBe(s.Lot.Id);
        row.LotCode.ShouldBe(s.Lot.TradeCode);
        row.ProjectName.ShouldBe(s.Project.Name);
        row.OpenedAt.ShouldBe(s.Deadline);
        row.PublishedAt.ShouldBe(host.Clock.GetUtcNow());
        (row.Bids, row.Decrypted, row.Revoked, row.Withdrawn).ShouldBe((3, 3, 0, 0));
        (await PublishedLotsAsync(host, lots)).ShouldBe([s.Lot.Id]);

        (await SearchAsync(host, new() { Keyword = s.Bids[1].Identity.LegalName })).Total.ShouldBe(1);
        (await SearchAsync(host, new() { Keyword = s.Lot.TradeCode.ToLowerInvariant() })).Total.ShouldBe(1);
        (await SearchAsync(host, new() { Keyword = "没有这个项目" })).Total.ShouldBe(0);
        var day = DateOnly.FromDateTime(s.Deadline.ToOffset(TimeSpan.FromHours(8)).DateTime);
        (await SearchAsync(host, new() { From = day, Until = day })).Total.ShouldBe(1);
        (await SearchAsync(host, new() { From = day.AddDays(1) })).Total.ShouldBe(0);
        (await SearchAsync(host, new() { Until = day.AddDays(-1) })).Total.ShouldBe(0);
        (await SearchAsync(host, new() { Page = 2 })).Items.ShouldBeEmpty();
    }

    private static Task<PublishedOpeningPage> SearchAsync(TradingTestHost host, PublishedOpeningQuery query) =>
        host.RunAsync(sp => sp.GetRequiredService<IPublishedOpenings>().SearchAsync(query, Ct));

    private static Task<IReadOnlySet<Guid>> PublishedLotsAsync(TradingTestHost host, Guid[] lots) =>
        host.RunAsync(sp => sp.GetRequiredService<IPublishedOpenings>().PublishedLotsAsync(lots, Ct));
}
