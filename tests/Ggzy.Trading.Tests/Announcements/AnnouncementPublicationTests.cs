using Ggzy.Platform.Errors;
using Ggzy.Trading.Contracts;
using Ggzy.Trading.Data;
using Ggzy.Trading.Domain.Schedule;
using Ggzy.Trading.Features.Procedures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Ggzy.Trading.Tests.Announcements.AnnouncementTestData;

namespace Ggzy.Trading.Tests.Announcements;

/// <summary>
/// Composing, publishing at a set time through the procedure clock, the clock's transitions, amendments and
/// concurrent nodes, on the test database (SQLite, or PostgreSQL with GGZY_TEST_DATABASE=Postgres).
/// </summary>
public sealed class AnnouncementPublicationTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ScheduledNotice_IsPublishedByTheClockAtItsTime_ThenTheLotMovesOnItsDates()
    {
        await using var host = await TradingTestHost.CreateAsync(Ct);
        var project = await AcceptedProjectAsync(host, Regime.Tender, Ct);
        var agency = User("agency", host.Agency.Id);
        var publishAt = host.Clock.GetUtcNow().AddDays(1).ToOffset(TimeSpan.FromHours(8)).DateTime.Date.AddHours(9);
        var id = await host.RunAsync(sp => sp.GetRequiredService<IAnnouncements>().ComposeAsync(agency, Input(host, project, publishAt), Ct));

        var status = await host.RunAsync(sp => sp.GetRequiredService<IAnnouncements>().PublishAsync(agency, id, Ct));

        status.ShouldBe(AnnouncementStatus.Scheduled);
        (await LotStateAsync(host, project.Lots[0].Id)).ShouldBe(LotState.Draft);
        (await RunClockAsync(host)).ShouldBe(0);
        (await PublicAsync(host)).Total.ShouldBe(0);

        host.Clock.Advance(TimeSpan.FromDays(1));
        (await RunClockAsync(host)).ShouldBe(1);
        (await LotStateAsync(host, project.Lots[0].Id)).ShouldBe(LotState.Announced);
        var published = await PublicAsync(host);
        published.Items.Single().Id.ShouldBe(id);
        (await RunClockAsync(host)).ShouldBe(0);

        host.Clock.Advance(TimeSpan.FromDays(3));
        (await RunClockAsync(host)).ShouldBe(1);
        (await LotStateAsync(host, project.Lots[0].Id)).ShouldBe(LotState.DocumentsOnSale);

        host.Clock.Advance(TimeSpan.FromDays(40));
        (await RunClockAsync(host)).ShouldBe(3, "the lot passes its deadline, its bids are closed, and with no bid it is not opened");
        (await LotStateAsync(host, project.Lots[0].Id)).ShouldBe(LotState.Failed);
        (await RunClockAsync(host)).ShouldBe(0);

        var steps = await host.RunAsync(sp => sp.GetRequiredService<TradingDbContext>().LotSteps.AsNoTracking()
            .Where(s => s.LotId == project.Lots[0].Id).OrderBy(s => s.At).ToListAsync(Ct));
        steps.Select(s => s.To).ShouldBe([LotState.Announced, LotState.DocumentsOnSale, LotState.BiddingOpen, LotState.DeadlinePassed, LotState.Failed]);
        steps.ShouldAllBe(s => s.Actor == ProcedureClock.Actor);
        (await host.LedgerAsync("trading.lot.advanced", Ct)).Count.ShouldBe(3);
        (await host.LedgerAsync("trading.announcement.published", Ct)).Count.ShouldBe(1);
        (await host.LedgerAsync("trading.bids.closed", Ct)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task Publish_ADeadlineTooSoon_IsRefusedCitingTheRule_AndNothingChanges()
    {
        await using var host = await TradingTestHost.CreateAsync(Ct);
        var project = await AcceptedProjectAsync(host, Regime.Tender, Ct);
        var agency = User("agency", host.Agency.Id);
        var input = Input(host, project);
        input.Lots[0].Deadline = input.Lots[0].DocumentsUntil!.Value.AddDays(1);
        var id = await host.RunAsync(sp => sp.GetRequiredService<IAnnouncements>().ComposeAsync(agency, input, Ct));
        var preview = await host.RunAsync(sp => sp.GetRequiredService<IAnnouncements>().PreviewAsync(agency, id, Ct));
        preview.Problems.ShouldContain(p => p.Field == "Deadline" && p.Citation != null && p.Citation.Contains("第二十四条"));
        var ledger = (await host.LedgerAsync("trading.", Ct)).Count;

        var refusal = await Should.ThrowAsync<InputValidationException>(() =>
            host.RunAsync(sp => sp.GetRequiredService<IAnnouncements>().PublishAsync(agency, id, Ct)));

        refusal.Errors["Deadline"].Single().ShouldContain("不足 20 日");
        (await LotStateAsync(host, project.Lots[0].Id)).ShouldBe(LotState.Draft);
        (await host.RunAsync(sp => sp.GetRequiredService<IAnnouncements>().PreviewAsync(agency, id, Ct))).Announcement.Status.ShouldBe(AnnouncementStatus.Draft);
        (await host.LedgerAsync("trading.", Ct)).Count.ShouldBe(ledger);
    }

    [Fact]
    public async Task PublishedNotice_IsNeverEdited_AnAmendmentLinksBothWays()
    {
        await using var host = await TradingTestHost.CreateAsync(Ct);
        var project = await AcceptedProjectAsync(host, Regime.Procurement, Ct);
        var agency = User("agency", host.Agency.Id);
        var announcements = (IServiceProvider sp) => sp.GetRequiredService<IAnnouncements>();
        var id = await host.RunAsync(sp => announcements(sp).ComposeAsync(agency, Input(host, project), Ct));
        (await host.RunAsync(sp => announcements(sp).PublishAsync(agency, id, Ct))).ShouldBe(AnnouncementStatus.Published);
        (await LotStateAsync(host, project.Lots[0].Id)).ShouldBe(LotState.Announced);

        var edit = Input(host, project);
        edit.Title = "改过的标题";
        var refusal = await Should.ThrowAsync<BusinessRuleException>(() => host.RunAsync(sp => announcements(sp).UpdateAsync(agency, id, edit, Ct)));
        refusal.Citation!.ShouldContain("第二十一条");

        var noReason = await Should.ThrowAsync<InputValidationException>(() => host.RunAsync(sp =>
            announcements(sp).AmendAsync(agency, id, new AmendAnnouncementInput { Changes = "联系电话更正为 0990-7654321" }, Ct)));
        noReason.Errors.Keys.ShouldBe(["ChangeReason"]);
        var amendment = await host.RunAsync(sp => announcements(sp).AmendAsync(agency, id,
            new AmendAnnouncementInput { Changes = "联系电话更正为 0990-7654321", ChangeReason = "原号码有误" }, Ct));
        (await host.RunAsync(sp => announcements(sp).PublishAsync(agency, amendment, Ct))).ShouldBe(AnnouncementStatus.Published);

        var original = await host.RunAsync(sp => sp.GetRequiredService<IPublishedAnnouncements>().FindAsync(id, Ct));
        original!.Title.ShouldBe(project.Name + "招标公告");
        original.Amendments.Single().Id.ShouldBe(amendment);
        var correction = await host.RunAsync(sp => sp.GetRequiredService<IPublishedAnnouncements>().FindAsync(amendment, Ct));
        correction!.Amends!.Id.ShouldBe(id);
    }

    [Fact]
    public async Task AnotherOrganisation_CannotComposeForTheProject()
    {
        await using var host = await TradingTestHost.CreateAsync(Ct);
        var project = await AcceptedProjectAsync(host, Regime.Tender, Ct);

        await Should.ThrowAsync<ForbiddenException>(() => host.RunAsync(sp =>
            sp.GetRequiredService<IAnnouncements>().ComposeAsync(User("bidder", host.Bidder.Id), Input(host, project), Ct)));
    }

    [Fact]
    public async Task TwoNodes_RunningTheClockAtOnce_MoveTheLotOnce()
    {
        await using var host = await TradingTestHost.CreateAsync(Ct);
        var project = await AcceptedProjectAsync(host, Regime.Tender, Ct);
        var agency = User("agency", host.Agency.Id);
        var id = await host.RunAsync(sp => sp.GetRequiredService<IAnnouncements>().ComposeAsync(agency, Input(host, project), Ct));
        await host.RunAsync(sp => sp.GetRequiredService<IAnnouncements>().PublishAsync(agency, id, Ct));
        host.Clock.Advance(TimeSpan.FromDays(4));

        // A node that loaded the lot before another node moved it cannot save over it.
        await using (var stale = host.Scope())
        {
            var db = stale.ServiceProvider.GetRequiredService<TradingDbContext>();
            var lot = await db.Lots.SingleAsync(l => l.Id == project.Lots[0].Id, Ct);
            (await RunClockAsync(host)).ShouldBe(1);
            var procedure = lot.Procedure(Regime.Tender)!;
            procedure.OpenDocumentSale(host.Clock.GetUtcNow());
            lot.Record(procedure, ProcedureClock.Actor);
            await Should.ThrowAsync<DbUpdateConcurrencyException>(() => db.SaveChangesAsync(Ct));
        }

        host.Clock.Advance(TimeSpan.FromDays(12));
        var runs = await Task.WhenAll(RunClockAsync(host), RunClockAsync(host));
        runs.Sum().ShouldBe(1);
        var steps = await host.RunAsync(sp => sp.GetRequiredService<TradingDbContext>().LotSteps.AsNoTracking()
            .Where(s => s.LotId == project.Lots[0].Id).CountAsync(Ct));
        steps.ShouldBe(3);
    }

    private static Task<int> RunClockAsync(TradingTestHost host) =>
        host.RunAsync(sp => ActivatorUtilities.CreateInstance<ProcedureClock>(sp).RunOnceAsync(Ct));

    private static Task<AnnouncementPage> PublicAsync(TradingTestHost host) =>
        host.RunAsync(sp => sp.GetRequiredService<IPublishedAnnouncements>().SearchAsync(new AnnouncementQuery(), Ct));

    private static Task<LotState> LotStateAsync(TradingTestHost host, Guid lotId) =>
        host.RunAsync(sp => sp.GetRequiredService<TradingDbContext>().Lots.AsNoTracking().Where(l => l.Id == lotId).Select(l => l.State).SingleAsync(Ct));
}
