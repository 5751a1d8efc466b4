using System.Security.Claims;
using Ggzy.Credit;
using Ggzy.Experts.Contracts;
using Ggzy.Experts.Data;
using Ggzy.Experts.Domain.Pool;
using Ggzy.Experts.Features.Identity;
using Ggzy.Platform;
using Ggzy.Platform.Data;
using Ggzy.Platform.Identity;
using Ggzy.Platform.Ledger;
using Ggzy.TestKit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Ggzy.Experts.Tests.Draws;

/// <summary>
/// The kernel, Credit and Experts over a fresh, migrated database (SQLite, or PostgreSQL when GGZY_TEST_DATABASE says
/// so), with a fake clock, the city center of 安和市 and its 东湖 branch, and a stand-in for Trading's lots
/// (<see cref="Lots"/>). Experts are added straight into the pool by <see cref="AddExpertAsync"/>.
/// </summary>
internal sealed class DrawTestHost : IAsyncDisposable
{
    private readonly TestDatabase _database;
    private readonly ServiceProvider _services;
    private int _number;

    private DrawTestHost(TestDatabase database, IReadOnlyDictionary<string, string?> settings)
    {
        _database = database;
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddConfiguration(database.Configuration()).AddInMemoryCollection(settings).Build());
        services.AddLogging();
        services.AddSingleton<TimeProvider>(Clock);
        services.AddPlatform();
        services.AddIdentityCore<PlatformUser>(AccountPolicy.Apply).AddRoles<PlatformRole>().AddEntityFrameworkStores<PlatformDbContext>();
        services.AddTestPasswordHashing();
        services.AddCredit();
        services.AddExperts();
        services.AddSingleton<IDrawLots>(Lots);
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 12, 1, 1, 0, 0, TimeSpan.Zero));

    public FakeDrawLots Lots { get; } = new();

    public Guid CityCenterId { get; } = Guid.NewGuid();

    public Guid EastBranchId { get; } = Guid.NewGuid();

    public static async Task<DrawTestHost> CreateAsync(CancellationToken ct, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var host = new DrawTestHost(await TestDatabase.CreateAsync(), settings ?? new Dictionary<string, string?>());
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

    /// <summary>Adds an expert to the pool (identity encrypted as the pool keeps it) and returns its id and account.</summary>
    public Task<PoolMember> AddExpertAsync(string specialties, Action<Expert>? shape = null, string region = "990103") => RunAsync(async sp =>
    {
        var db = sp.GetRequiredService<ExpertsDbContext>();
        var protector = sp.GetRequiredService<ExpertIdentityProtector>();
        var number = Interlocked.Increment(ref _number);
        var id = Guid.CreateVersion7();
        var idNumber = "99010319800101" + number.ToString("D3", System.Globalization.CultureInfo.InvariantCulture);
        var expert = new Expert
        {
            Id = id,
            Number = number,
            IdentityCipher = protector.Protect(new ExpertIdentity($"专家{number}", idNumber + "X", $"1380000{number:D4}", null)),
            IdentityKey = Credit.Contracts.ExpertIdNumbers.SubjectKey(idNumber + "X"),
            UserId = Guid.NewGuid(),
            TitleName = "高级工程师",
            TitleLevel = TitleLevel.DeputySenior,
            PractisingSince = new DateOnly(2005, 7, 1),
            RegionCode = region,
            CreatedAt = Clock.GetUtcNow(),
            UpdatedAt = Clock.GetUtcNow(),
            Specialties = [.. specialties.Split(',').Select(c => new ExpertSpecialty { ExpertId = id, SpecialtyCode = c })],
            Employments = [new ExpertEmployment { Id = Guid.NewGuid(), ExpertId = id, EmployerCreditCode = "91990100MA9Z9Z9Z0X", EmployerName = "安和某设计院", From = new DateOnly(2010, 1, 1) }],
        };
        shape?.Invoke(expert);
        db.Experts.Add(expert);
        await db.SaveChangesAsync();
        return new PoolMember(id, expert.UserId!.Value, expert.Code);
    });

    /// <summary>A signed-in user of the given role and organisation (the services read the claims only).</summary>
    public static ClaimsPrincipal User(string role, Guid? organization = null, string name = "user", Guid? userId = null) =>
        new(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.Name, name),
            new Claim(ClaimTypes.NameIdentifier, (userId ?? Guid.NewGuid()).ToString()),
            new Claim(ClaimTypes.Role, role),
            .. organization is { } org ? [new Claim(GgzyClaims.OrganizationId, org.ToString())] : Array.Empty<Claim>(),
        ], "test"));

    public Task<List<LedgerEntry>> LedgerAsync(string typePrefix, CancellationToken ct) => RunAsync(sp =>
        sp.GetRequiredService<PlatformDbContext>().LedgerEntries.AsNoTracking().Where(e => e.Type.StartsWith(typePrefix))
            .OrderBy(e => e.Sequence).ToListAsync(ct));

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await _database.DisposeAsync();
    }
}

internal sealed record PoolMember(Guid Id, Guid UserId, string Code);

/// <summary>Trading's lots as the draw sees them, set by the test.</summary>
internal sealed class FakeDrawLots : IDrawLots
{
    private readonly Dictionary<Guid, DrawLot> _lots = [];

    public void Set(DrawLot lot) => _lots[lot.LotId] = lot;

    public Task<DrawLot?> FindAsync(Guid lotId, CancellationToken ct) => Task.FromResult(_lots.GetValueOrDefault(lotId));

    public Task<IReadOnlyList<DrawLot>> ScheduledAsync(CancellationToken ct) => Task.FromResult<IReadOnlyList<DrawLot>>([.. _lots.Values]);
}
