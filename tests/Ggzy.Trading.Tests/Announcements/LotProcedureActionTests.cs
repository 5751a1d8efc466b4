using Ggzy.Platform.Errors;
using Ggzy.Trading.Contracts;
using Ggzy.Trading.Domain.Schedule;
using Ggzy.Trading.Features.Procedures;
using Microsoft.Extensions.DependencyInjection;
using static Ggzy.Trading.Tests.Announcements.AnnouncementTestData;

namespace Ggzy.Trading.Tests.Announcements;

/// <summary>The tenderer's or agency's pause, resume and terminate of a lot, with a reason, and the clock's respect of a pause.</summary>
public sealed class LotProcedureActionTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Pause_WithoutAReason_IsRefused_WithOne_HoldsTheClock_UntilResumed()
    {
        await using var host = await TradingTestHost.CreateAsync(Ct);
        var project = await AcceptedProjectAsync(host, Regime.Tender, Ct);
        var agency = User("agency", host.Agency.Id);
        var id = await host.RunAsync(sp => sp.GetRequiredService<IAnnouncements>().ComposeAsync(agency, Input(host, project), Ct));
        await host.RunAsync(sp => sp.GetRequiredService<IAnnouncements>().PublishAsync(agency, id, Ct));
        var lotId = project.Lots[0].Id;
        IProcedures Procedures(IServiceProvider sp) => sp.GetRequiredService<IProcedures>();

        var noReason = await Should.ThrowAsync<InputValidationException>(() =>
            host.RunAsync(sp => Procedures(sp).PauseAsync(agency, lotId, new LotActionInput { Reason = " " }, Ct)));
        noReason.Errors.Keys.ShouldBe(["Reason"]);
        await Should.ThrowAsync<ForbiddenException>(() =>
            host.RunAsync(sp => Procedures(sp).PauseAsync(User("bidder", host.Bidder.Id), lotId, new LotActionInput { Reason = "x" }, Ct)));

        await host.RunAsync(sp => Procedures(sp).PauseAsync(agency, lotId, new LotActionInput { Reason = "处理对招标文件的异议" }, Ct));
        host.Clock.Advance(TimeSpan.FromDays(4));
        (await host.RunAsync(sp => ActivatorUtilities.CreateInstance<ProcedureClock>(sp).RunOnceAsync(Ct))).ShouldBe(0);
        var paused = await host.RunAsync(sp => Procedures(sp).LotAsync(agency, lotId, Ct));
        paused.State.ShouldBe(nameof(LotState.Paused));
        paused.AllowedActions.ShouldBe(["Resume", "Terminate"], ignoreOrder: true);

        await host.RunAsync(sp => Procedures(sp).ResumeAsync(agency, lotId, new LotActionInput { Reason = "异议已答复" }, Ct));
        (await host.RunAsync(sp => ActivatorUtilities.CreateInstance<ProcedureClock>(sp).RunOnceAsync(Ct))).ShouldBe(1);
        var resumed = await host.RunAsync(sp => Procedures(sp).LotAsync(agency, lotId, Ct));
        resumed.State.ShouldBe(nameof(LotState.DocumentsOnSale));
        resumed.Steps.Select(s => s.Reason).ShouldContain("处理对招标文件的异议");
        (await host.LedgerAsync("trading.lot.", Ct)).Select(e => e.Type).ShouldBe(["trading.lot.paused", "trading.lot.resumed", "trading.lot.advanced"]);
    }
}
