using Ggzy.Credit;
using Ggzy.Platform;
using Ggzy.Platform.Data;
using Ggzy.Platform.Demo;
using Ggzy.Platform.Identity;
using Ggzy.Platform.Ledger;
using Ggzy.TestKit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Ggzy.Trading.Tests;

/// <summary>
/// The kernel, Credit and Trading over a fresh, migrated database (SQLite, or PostgreSQL when GGZY_TEST_DATABASE says
/// so), with a fake clock, the city center of 安和市 (990100) and its 东湖 branch center (990102), a tenderer, an agency
/// and two bidders as organisations with credit codes (not registered in Credit: a test that needs their credit records
/// registers them), and the start-up tasks run (so the national catalog is installed). No web host and no demo data.
/// </summary>
public sealed class TradingTestHost : IAsyncDisposable
{
    private readonly TestDatabase _database;
    private readonly ServiceProvider _services;

    private TradingTestHost(TestDatabase database)
    {
        _database = database;
        var services = new ServiceCollection();
        services.AddSingleton(database.Configuration());
        services.AddLogging();
        services.AddSingleton<TimeProvider>(Clock);
        services.AddPlatform();
        services.AddIdentityCore<PlatformUser>(AccountPolicy.Apply)
            .AddRoles<PlatformRole>()
            .AddEntityFrameworkStores<PlatformDbContext>();
        services.AddTestPasswordHashing();
        services.AddCredit();
        services.AddTrading();
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 23, 2, 0, 0, TimeSpan.Zero));

    public Guid CityCenterId { get; } = Guid.NewGuid();

    public Guid EastBranchId { get; } = Guid.NewGuid();

    public Organization Tenderer { get; } = Entity("owner");

    public Organization Agency { get; } = Entity("agency");

    public Organization Bidder { get; } = Entity("bidder1");

    public Organization Bidder2 { get; } = Entity("bidder2");

    public static async Task<TradingTestHost> CreateAsync(CancellationToken ct)
    {
        var host = new TradingTestHost(await TestDatabase.CreateAsync());
        await using var scope = host.Scope();
        await TestDatabase.MigrateAllAsync(scope.ServiceProvider, ct);

        var platform = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var now = host.Clock.GetUtcNow();
        platform.Organizations.AddRange(
            new Organization { Id = host.CityCenterId, Name = "安和市公共资源交易中心", Kind = OrganizationKind.TradingCenter, RegionCode = "990100", CreatedAt = now },
            new Organization
            {
                Id = host.EastBranchId,
                Name = "安和市公共资源交易中心东湖分中心",
                Kind = OrganizationKind.BranchCenter,
                RegionCode = "990102",
                ParentId = host.CityCenterId,
                CreatedAt = now,
            },
            host.Tenderer, host.Agency, host.Bidder, host.Bidder2);
        await platform.SaveChangesAsync(ct);
        foreach (var task in scope.ServiceProvider.GetServices<IStartupTask>().OrderBy(t => t.Order))
        {
            await task.RunAsync(ct);
        }

        return host;
    }

    private static Organization Entity(string key)
    {
        var demo = DemoAccounts.Organizations.Single(o => o.Key == key);
        return new Organization
        {
            Id = Guid.NewGuid(),
            Name = demo.Name,
            Kind = OrganizationKind.MarketEntity,
            RegionCode = demo.RegionCode,
            CreditCode = demo.CreditCode,
            CreatedAt = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero),
        };
    }

    public AsyncServiceScope Scope() => _services.CreateAsyncScope();

    /// <summary>Runs one unit of work in its own scope, as one request would.</summary>
    public async Task<T> RunAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Scope();
        return await work(scope.ServiceProvider);
    }

    public Task RunAsync(Func<IServiceProvider, Task> work) => RunAsync(async sp =>
    {
        await work(sp);
        return true;
    });

    public Task<List<LedgerEntry>> LedgerAsync(string typePrefix, CancellationToken ct) => RunAsync(sp =>
        sp.GetRequiredService<PlatformDbContext>().LedgerEntries.AsNoTracking().Where(e => e.Type.StartsWith(typePrefix))
            .OrderBy(e => e.Sequence).ToListAsync(ct));

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await _database.DisposeAsync();
    }
}
