using Ggzy.Platform;
using Ggzy.Platform.Calendar;
using Ggzy.Platform.Data;
using Ggzy.Platform.Ledger;
using Ggzy.Platform.Rules;
using Ggzy.TestKit;
using Ggzy.Trading.Domain.Schedule;
using Ggzy.Trading.Domain.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static Ggzy.Trading.Tests.Schedule.Schedules;

namespace Ggzy.Trading.Tests.Schedule;

/// <summary>The rules and the calendar as the database holds them: the shipped calendar and a region's override.</summary>
public sealed class StatutoryTimingSourceTests : IAsyncDisposable
{
    private const string Basis = "《安和市公共资源交易管理办法》第十二条";

    private TestDatabase? _database;
    private ServiceProvider? _services;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ForRegion_WithATighterLocalRule_RefusesWhatTheNationalRuleAllows()
    {
        var services = await StartAsync();
        await using (var scope = services.CreateAsyncScope())
        {
            var sp = scope.ServiceProvider;
            await sp.GetRequiredService<ShippedCalendar>().EnsureShippedYearsAsync(
                sp.GetRequiredService<PlatformDbContext>(), sp.GetRequiredService<LedgerWriter>(), Ct);
            await sp.GetRequiredService<StatutoryRuleRegistry>().AddOverrideAsync(
                StatutoryRules.TenderDocumentsToDeadline.Key, "990100", 25, Basis, "regulator", Ct);
        }

        await using var check = services.CreateAsyncScope();
        var source = new StatutoryTimingSource(
            check.ServiceProvider.GetRequiredService<StatutoryRuleRegistry>(), check.ServiceProvider.GetRequiredService<WorkCalendar>());
        var local = await source.ForRegionAsync("990101", Ct);
        var elsewhere = await source.ForRegionAsync("120101", Ct);

        // Across the Spring Festival: 20 days from 01-27 end in 春节 → 02-24; 25 days end on Saturday 02-21, also in it.
        var schedule = Tender("2026-01-27 09:00", "2026-02-03 17:00", "2026-02-24 09:30");
        new ScheduleValidator(elsewhere).Check(schedule).Violations.ShouldBeEmpty();
        new ScheduleValidator(local).Check(schedule).Violations.ShouldBeEmpty();

        var violation = new ScheduleValidator(local).Check(ValidTender()).Violations.ShouldHaveSingleItem();
        violation.EarliestAllowed.ShouldBe(Day("2026-03-27"));
        violation.Citation.ShouldBe(Basis);
        new ScheduleValidator(elsewhere).Check(ValidTender()).Violations.ShouldBeEmpty();
        local.Calendar.Knows(2026).ShouldBeTrue();
    }

    [Fact]
    public async Task ForRegion_WithATighterBidSecurityCap_RefusesWhatTheNationalCapAllows()
    {
        var services = await StartAsync();
        await using (var scope = services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<StatutoryRuleRegistry>().AddOverrideAsync(
                StatutoryRules.TenderBidSecurity.Key, "990100", 1.5m, Basis, "regulator", Ct);
        }

        await using var check = services.CreateAsyncScope();
        var source = new StatutoryTimingSource(
            check.ServiceProvider.GetRequiredService<StatutoryRuleRegistry>(), check.ServiceProvider.GetRequiredService<WorkCalendar>());
        var terms = new BidSecurityTerms(Regime.Tender, 1_000_000m, 20_000m, [BidSecurityForm.ElectronicGuarantee], null, 90, 90);

        new BidSecurityValidator(await source.ForRegionAsync("120101", Ct)).Check(terms).Violations.ShouldBeEmpty();
        var violation = new BidSecurityValidator(await source.ForRegionAsync("990101", Ct)).Check(terms).Violations.ShouldHaveSingleItem();
        violation.Citation.ShouldBe(Basis);
        violation.Message.ShouldContain("即 15,000.00 元");
    }

    public async ValueTask DisposeAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    private async Task<ServiceProvider> StartAsync()
    {
        _database = await TestDatabase.CreateAsync();
        var services = new ServiceCollection();
        services.AddSingleton(_database.Configuration());
        services.AddLogging();
        services.AddSingleton<TimeProvider>(new FakeTimeProvider(new DateTimeOffset(2026, 1, 5, 2, 0, 0, TimeSpan.Zero)));
        services.AddPlatform();
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
        await using var scope = _services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().Database.MigrateAsync(Ct);
        return _services;
    }
}
