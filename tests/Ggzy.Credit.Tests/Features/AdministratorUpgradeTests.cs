using Ggzy.Credit.Contracts;
using Ggzy.Credit.Data;
using Ggzy.Platform.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;

namespace Ggzy.Credit.Tests.Features;

/// <summary>A database from before administrators were recorded gets each entity's administrator on upgrade.</summary>
public sealed class AdministratorUpgradeTests : IAsyncLifetime
{
    private CreditTestHost _host = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _host = await CreditTestHost.CreateAsync(Ct);

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task MigratingUp_FromTheFirstCreditMigration_SetsTheAccountRegistrationCreatedAsAdministrator()
    {
        await _host.RunAsync(sp => sp.GetRequiredService<IMarketEntities>().RegisterAsync(RegisterMarketEntityTests.Valid(), Ct));
        await _host.RunAsync(async sp =>
        {
            var db = sp.GetRequiredService<CreditDbContext>();
            var migrator = db.GetInfrastructure().GetRequiredService<IMigrator>();
            var initial = db.Database.GetMigrations().Single(m => m.EndsWith("_CreditInitial", StringComparison.Ordinal));
            await migrator.MigrateAsync(initial, Ct);
            await migrator.MigrateAsync(null, Ct);
            return true;
        });

        var (administrator, admin) = await _host.RunAsync(async sp =>
            (await sp.GetRequiredService<CreditDbContext>().MarketEntities.Select(e => e.AdministratorUserId).SingleAsync(Ct),
                (await sp.GetRequiredService<UserManager<PlatformUser>>().FindByNameAsync("hongyuan.admin"))!.Id));

        administrator.ShouldBe(admin);
    }
}
