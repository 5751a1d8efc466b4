using Ggzy.Platform.Data;
using Ggzy.Platform.Demo;
using Ggzy.TestKit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace Ggzy.Web.Tests;

public sealed class DemoSeedTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EmptyDatabase_IsSeeded_AndASecondStartAddsNothing()
    {
        await using var database = await TestDatabase.CreateAsync();
        int users, organizations, ledger;
        await using (var first = new HostOn(database, seedDemo: true))
        {
            (users, organizations, ledger) = await CountsAsync(first);
            users.ShouldBe(DemoAccounts.Accounts.Count);
            organizations.ShouldBe(DemoAccounts.Organizations.Count);
        }

        await using var second = new HostOn(database, seedDemo: true);
        var (usersAfter, organizationsAfter, ledgerAfter) = await CountsAsync(second);
        usersAfter.ShouldBe(users);
        organizationsAfter.ShouldBe(organizations);
        ledgerAfter.ShouldBe(ledger);
    }

    [Fact]
    public async Task SeedDemoFalse_LeavesTheDatabaseWithoutDemoData_ButWithTheShippedCalendar()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var host = new HostOn(database, seedDemo: false);
        var (users, organizations, _) = await CountsAsync(host);
        users.ShouldBe(0);
        organizations.ShouldBe(0);
        await using var scope = host.Services.CreateAsyncScope();
        (await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().CalendarYears.CountAsync(Ct)).ShouldBeGreaterThanOrEqualTo(3);
    }

    private static async Task<(int Users, int Organizations, int Ledger)> CountsAsync(HostOn host)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        return (await db.Users.CountAsync(Ct), await db.Organizations.CountAsync(Ct), await db.LedgerEntries.CountAsync(Ct));
    }

    private sealed class HostOn(TestDatabase database, bool seedDemo) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Testing");
            builder.UseSetting("Database:Provider", database.Provider.ToString());
            builder.UseSetting("ConnectionStrings:Ggzy", database.ConnectionString);
            builder.UseSetting("Database:DataDirectory", database.DataDirectory);
            builder.UseSetting("Database:MigrateOnStartup", "true");
            builder.UseSetting("Seed:Demo", seedDemo ? "true" : "false");
        }
    }
}
