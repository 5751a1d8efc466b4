using Ggzy.Platform;
using Ggzy.Platform.Data;
using Ggzy.Platform.Identity;
using Ggzy.Platform.Ledger;
using Ggzy.TestKit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Ggzy.Trading.Tests.Catalog;

/// <summary>
/// The kernel and the Trading module over a fresh, migrated database (SQLite, or PostgreSQL when GGZY_TEST_DATABASE
/// says so), with a fake clock, the city center of 安和市 (990100) and its 东湖 branch center (990102), and the start-up
/// tasks run (so the national catalog is installed). No web host and no demo data.
/// </summary>
public sealed class CatalogTestHost : IAsyncDisposable
{
    private readonly TestDatabase _database;
    private readonly ServiceProvider _services;

    private CatalogTestHost(TestDatabase database)
    {
        _database = database;
        var services = new ServiceCollection();
        services.AddSingleton(database.Configuration());
        services.AddLogging();
        services.AddSingleton<TimeProvider>(Clock);
        services.AddPlatform();
        services.AddTrading();
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 23, 2, 0, 0, TimeSpan.Zero));

    public Guid CityCenterId { get; } = Guid.NewGuid();

    public Guid EastBranchId { get; } = Guid.NewGuid();

    public static async Task<CatalogTestHost> CreateAsync(CancellationToken ct)
    {
        var host = new CatalogTestHost(await TestDatabase.CreateAsync());
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
            });
        await platform.SaveChangesAsync(ct);
        foreach (var task in scope.ServiceProvider.GetServices<IStartupTask>().OrderBy(t => t.Order))
        {
            await task.RunAsync(ct);
        }

        return host;
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
