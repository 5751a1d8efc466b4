using Ggzy.Trading.Contracts;
using Ggzy.Trading.Data;
using Ggzy.Trading.Demo;
using Ggzy.Trading.Domain.Schedule;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ggzy.Trading.Tests.Announcements;

public sealed class AnnouncementDemoSeederTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Seed_Twice_GivesThePublishedNotices_AnAmendment_AndAScheduledNotice_Once()
    {
        await using var host = await TradingTestHost.CreateAsync(Ct);
        await host.RunAsync(sp => ActivatorUtilities.CreateInstance<ProjectDemoSeeder>(sp).SeedAsync(Ct));

        await host.RunAsync(sp => ActivatorUtilities.CreateInstance<AnnouncementDemoSeeder>(sp).SeedAsync(Ct));
        await host.RunAsync(sp => ActivatorUtilities.CreateInstance<AnnouncementDemoSeeder>(sp).SeedAsync(Ct));

        var all = await host.RunAsync(sp => sp.GetRequiredService<TradingDbContext>().Announcements.AsNoTracking().Include(a => a.Lots).ToListAsync(Ct));
        all.Count(a => a.Status == AnnouncementStatus.Published && a.Kind != AnnouncementKind.Amendment && a.Kind != AnnouncementKind.Invitation).ShouldBe(2);
        all.Single(a => a.Kind == AnnouncementKind.Amendment).AmendsId.ShouldNotBeNull();
        var scheduled = all.Single(a => a.Status == AnnouncementStatus.Scheduled);
        var lot = await host.RunAsync(sp => sp.GetRequiredService<TradingDbContext>().Lots.AsNoTracking().SingleAsync(l => l.Id == scheduled.Lots[0].LotId, Ct));
        lot.State.ShouldBe(LotState.Draft);
        lot.AnnouncedAt.ShouldBe(scheduled.PublishAt);
        var portal = await host.RunAsync(sp => sp.GetRequiredService<IPublishedAnnouncements>().SearchAsync(new AnnouncementQuery(), Ct));
        portal.Total.ShouldBe(3);
        (await host.LedgerAsync("trading.announcement.", Ct)).Count.ShouldBe(all.Count);
    }
}
