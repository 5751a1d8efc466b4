using Ggzy.Experts.Contracts;
using Ggzy.Experts.Features.Status;
using Ggzy.Platform.Errors;
using Ggzy.Platform.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Ggzy.Experts.Tests.Features;

/// <summary>Suspension and blacklisting (Hubei (6), (12)): who may decide, periods, liftings, append-only history.</summary>
public sealed class ExpertStatusTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static StatusInput Period(ExpertsTestHost host, int days) => new()
    {
        From = host.Today,
        Until = host.Today.AddDays(days),
        Reason = "一标一评两次不称职",
        Basis = "安公管〔2026〕12号",
    };

    private static Task<Guid> Impose(ExpertsTestHost host, string role, Guid id, ExpertStatus status, StatusInput input) =>
        host.RunAsync(async sp => (await sp.GetRequiredService<ChangeExpertStatusHandler>().ImposeAsync(ExpertsTestHost.User(role), id, status, input, Ct)).Id);

    private static async Task<ExpertStatus> StatusAsync(ExpertsTestHost host, Guid id, int daysAhead = 0) =>
        (await host.RunAsync(sp => sp.GetRequiredService<IExpertPool>().FindAsync(id, Ct)))!.StatusAt(host.Clock.GetUtcNow().AddDays(daysAhead));

    [Theory]
    [InlineData(Roles.CenterAdministrator, ExpertStatus.Suspended, true)]
    [InlineData(Roles.Regulator, ExpertStatus.Suspended, true)]
    [InlineData(Roles.CenterStaff, ExpertStatus.Suspended, false)]
    [InlineData(Roles.Supervisor, ExpertStatus.Suspended, false)]
    [InlineData(Roles.Regulator, ExpertStatus.Blacklisted, true)]
    [InlineData(Roles.Supervisor, ExpertStatus.Blacklisted, true)]
    [InlineData(Roles.CenterAdministrator, ExpertStatus.Blacklisted, false)]
    [InlineData(Roles.Tenderer, ExpertStatus.Blacklisted, false)]
    public async Task Decision_IsTakenOnlyByTheRolesTheRulesName(string role, ExpertStatus status, bool allowed)
    {
        await using var host = await ExpertsTestHost.CreateAsync(Ct);
        var id = await host.AddAsync(ExpertSamples.Engineer(host.Today), Ct);

        if (allowed)
        {
            await Impose(host, role, id, status, Period(host, 90));
            (await StatusAsync(host, id)).ShouldBe(status);
        }
        else
        {
            var refusal = await Should.ThrowAsync<ForbiddenException>(() => Impose(host, role, id, status, Period(host, 90)));
            refusal.Message.ShouldContain(status == ExpertStatus.Blacklisted ? "（十二）" : "（六）");
            (await StatusAsync(host, id)).ShouldBe(ExpertStatus.Active);
        }
    }

    [Fact]
    public async Task Suspension_WithoutAnEndDate_OrStartingYesterday_IsRefused()
    {
        await using var host = await ExpertsTestHost.CreateAsync(Ct);
        var id = await host.AddAsync(ExpertSamples.Engineer(host.Today), Ct);
        var input = Period(host, 30);
        input.Until = null;
        input.From = host.Today.AddDays(-1);

        var refusal = await Should.ThrowAsync<InputValidationException>(() => Impose(host, Roles.CenterAdministrator, id, ExpertStatus.Suspended, input));

        refusal.Errors.Keys.ShouldBe(["from", "until"], ignoreOrder: true);
    }

    [Fact]
    public async Task Suspension_EndsByItself_AndALiftingEndsItEarly_Once()
    {
        await using var host = await ExpertsTestHost.CreateAsync(Ct);
        var id = await host.AddAsync(ExpertSamples.Engineer(host.Today), Ct);
        var suspension = await Impose(host, Roles.CenterAdministrator, id, ExpertStatus.Suspended, Period(host, 30));
        (await StatusAsync(host, id, 30)).ShouldBe(ExpertStatus.Suspended);
        (await StatusAsync(host, id, 31)).ShouldBe(ExpertStatus.Active);

        var lift = new StatusInput { From = host.Today.AddDays(10), Reason = "复核后撤销", Basis = "安公管〔2026〕15号" };
        await host.RunAsync(sp => sp.GetRequiredService<ChangeExpertStatusHandler>().LiftAsync(ExpertsTestHost.User(Roles.Regulator), id, suspension, lift, Ct));

        (await StatusAsync(host, id, 9)).ShouldBe(ExpertStatus.Suspended);
        (await StatusAsync(host, id, 10)).ShouldBe(ExpertStatus.Active);
        var again = await Should.ThrowAsync<BusinessRuleException>(() => host.RunAsync(sp =>
            sp.GetRequiredService<ChangeExpertStatusHandler>().LiftAsync(ExpertsTestHost.User(Roles.Regulator), id, suspension, lift, Ct)));
        again.Code.ShouldBe("EXPERT_STATUS_LIFTED");
    }

    [Fact]
    public async Task LiftingABlacklisting_NeedsTheBlacklistPermission()
    {
        await using var host = await ExpertsTestHost.CreateAsync(Ct);
        var id = await host.AddAsync(ExpertSamples.Engineer(host.Today), Ct);
        var blacklisting = await Impose(host, Roles.Supervisor, id, ExpertStatus.Blacklisted, Period(host, 365));

        await Should.ThrowAsync<ForbiddenException>(() => host.RunAsync(sp => sp.GetRequiredService<ChangeExpertStatusHandler>()
            .LiftAsync(ExpertsTestHost.User(Roles.CenterAdministrator), id, blacklisting, Period(host, 0), Ct)));

        (await StatusAsync(host, id, 100)).ShouldBe(ExpertStatus.Blacklisted);
    }

    [Fact]
    public async Task Suspending_ABlacklistedExpert_IsRefusedAsAlreadyInForce()
    {
        await using var host = await ExpertsTestHost.CreateAsync(Ct);
        var id = await host.AddAsync(ExpertSamples.Engineer(host.Today), Ct);
        await Impose(host, Roles.Regulator, id, ExpertStatus.Blacklisted, Period(host, 365));

        var refusal = await Should.ThrowAsync<BusinessRuleException>(() => Impose(host, Roles.Regulator, id, ExpertStatus.Suspended, Period(host, 30)));

        refusal.Code.ShouldBe("EXPERT_STATUS_IN_FORCE");
        refusal.Status.ShouldBe(409);
    }
}
