using Ggzy.Credit.Data;
using Ggzy.Platform;
using Ggzy.Platform.Data;
using Ggzy.Platform.Identity;
using Ggzy.Platform.Ledger;
using Ggzy.TestKit;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Ggzy.Credit.Tests;

/// <summary>
/// The kernel and the Credit module over a fresh, migrated database (SQLite, or PostgreSQL when GGZY_TEST_DATABASE
/// says so), with Identity as the host configures it and a fake clock. No web host and no demo data.
/// </summary>
public sealed class CreditTestHost : IAsyncDisposable
{
    private readonly TestDatabase _database;
    private readonly ServiceProvider _services;

    private CreditTestHost(TestDatabase database)
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
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 23, 2, 0, 0, TimeSpan.Zero));

    public static async Task<CreditTestHost> CreateAsync(CancellationToken ct)
    {
        var host = new CreditTestHost(await TestDatabase.CreateAsync());
        await using var scope = host.Scope();
        await TestDatabase.MigrateAllAsync(scope.ServiceProvider, ct);

        await RoleSetup.EnsureRolesAsync(scope.ServiceProvider.GetRequiredService<RoleManager<PlatformRole>>());
        return host;
    }

    public AsyncServiceScope Scope() => _services.CreateAsyncScope();

    /// <summary>Runs one unit of work in its own scope, as one request would.</summary>
    public async Task<T> RunAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Scope();
        return await work(scope.ServiceProvider);
    }

    /// <summary>How many rows each table the registration writes holds: what "stores nothing" is checked against.</summary>
    public Task<StoredCounts> CountsAsync(CancellationToken ct) => RunAsync(async sp =>
    {
        var platform = sp.GetRequiredService<PlatformDbContext>();
        var credit = sp.GetRequiredService<CreditDbContext>();
        return new StoredCounts(
            await platform.Organizations.CountAsync(ct),
            await platform.Users.CountAsync(ct),
            await credit.MarketEntities.CountAsync(ct),
            await credit.CommitmentSignatures.CountAsync(ct),
            await platform.LedgerEntries.CountAsync(ct));
    });

    public Task<List<LedgerEntry>> LedgerAsync(string type, CancellationToken ct) => RunAsync(sp =>
        sp.GetRequiredService<PlatformDbContext>().LedgerEntries.AsNoTracking().Where(e => e.Type == type).OrderBy(e => e.Sequence).ToListAsync(ct));

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await _database.DisposeAsync();
    }
}

public sealed record StoredCounts(int Organizations, int Users, int Entities, int Signatures, int LedgerEntries);
