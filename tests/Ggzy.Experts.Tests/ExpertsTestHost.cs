using System.Security.Claims;
using Ggzy.Credit;
using Ggzy.Experts.Contracts;
using Ggzy.Experts.Features.Pool;
using Ggzy.Platform;
using Ggzy.Platform.Data;
using Ggzy.Platform.Identity;
using Ggzy.Platform.Ledger;
using Ggzy.TestKit;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Ggzy.Experts.Tests;

/// <summary>
/// The kernel, Credit and Experts over a fresh, migrated database (SQLite, or PostgreSQL when GGZY_TEST_DATABASE says
/// so), with the start-up tasks run (the specialty table installed), a fake clock and no demo data.
/// </summary>
public sealed class ExpertsTestHost : IAsyncDisposable
{
    private readonly TestDatabase _database;
    private readonly ServiceProvider _services;

    private ExpertsTestHost(TestDatabase database)
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
        services.AddExperts();
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }

    /// <summary>2026-11-23 10:00 China time.</summary>
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 23, 2, 0, 0, TimeSpan.Zero));

    public DateOnly Today => DateOnly.FromDateTime(Clock.GetUtcNow().AddHours(8).DateTime);

    public static async Task<ExpertsTestHost> CreateAsync(CancellationToken ct)
    {
        var host = new ExpertsTestHost(await TestDatabase.CreateAsync());
        await using var scope = host.Scope();
        await TestDatabase.MigrateAllAsync(scope.ServiceProvider, ct);
        await RoleSetup.EnsureRolesAsync(scope.ServiceProvider.GetRequiredService<RoleManager<PlatformRole>>());
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

    public async Task RunAsync(Func<IServiceProvider, Task> work)
    {
        await using var scope = Scope();
        await work(scope.ServiceProvider);
    }

    public Task<Guid> AddAsync(ExpertInput input, CancellationToken ct) =>
        RunAsync(async sp => (await sp.GetRequiredService<AddExpertHandler>().HandleAsync(input, ct)).Id);

    public Task<List<LedgerEntry>> LedgerAsync(string type, CancellationToken ct) => RunAsync(sp =>
        sp.GetRequiredService<PlatformDbContext>().LedgerEntries.AsNoTracking().Where(e => e.Type == type).OrderBy(e => e.Sequence).ToListAsync(ct));

    public Task<long> LedgerCountAsync(CancellationToken ct) =>
        RunAsync(sp => sp.GetRequiredService<PlatformDbContext>().LedgerEntries.LongCountAsync(ct));

    public static ClaimsPrincipal User(string role, string name = "tester") =>
        new(new ClaimsIdentity([new(ClaimTypes.Name, name), new(ClaimTypes.Role, role)], "test"));

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await _database.DisposeAsync();
    }
}
