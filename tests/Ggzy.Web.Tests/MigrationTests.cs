using System.Globalization;
using System.Reflection;
using Ggzy.Platform.Data;
using Ggzy.TestKit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace Ggzy.Web.Tests;

/// <summary>
/// Each context's model matches the last migration of each provider (the drift check), and a fresh database is
/// migrated at start-up. A module's context is checked by adding one line to <see cref="Contexts"/>.
/// </summary>
public sealed class MigrationTests(GgzyApp app) : IClassFixture<GgzyApp>
{
    /// <summary>
    /// Every context with migrations, and its history table. Module contexts are internal, so name them by type:
    /// <c>(Type.GetType("Ggzy.Trading.Data.TradingDbContext, Ggzy.Trading", throwOnError: true)!, "__trading_migrations")</c>.
    /// </summary>
    private static readonly IReadOnlyList<(Type Context, string HistoryTable)> Contexts =
    [
        (typeof(PlatformDbContext), PlatformDbContext.HistoryTable),
        (Type.GetType("Ggzy.Credit.Data.CreditDbContext, Ggzy.Credit", throwOnError: true)!, "__credit_migrations"),
        (Type.GetType("Ggzy.Experts.Data.ExpertsDbContext, Ggzy.Experts", throwOnError: true)!, "__experts_migrations"),
        (Type.GetType("Ggzy.Trading.Data.TradingDbContext, Ggzy.Trading", throwOnError: true)!, "__trading_migrations"),
    ];

    private static readonly Dictionary<DatabaseProvider, string> DummyConnections = new()
    {
        [DatabaseProvider.Sqlite] = "Data Source=drift-check.db",
        [DatabaseProvider.Postgres] = "Host=127.0.0.1;Database=drift_check",
    };

    public static TheoryData<string, DatabaseProvider> ContextsOnEveryProvider =>
        [.. Contexts.SelectMany(c => Enum.GetValues<DatabaseProvider>().Select(p => (c.Context.Name, p)))];

    [Theory]
    [MemberData(nameof(ContextsOnEveryProvider))]
    public void Model_ComparedWithTheProvidersMigrations_HasNoPendingChanges(string context, DatabaseProvider provider)
    {
        var (type, historyTable) = Contexts.Single(c => c.Context.Name == context);
        using var db = Create(type, provider, historyTable);

        db.Database.HasPendingModelChanges().ShouldBeFalse(
            $"{context} has model changes without a {provider} migration: add one with dotnet ef migrations add (see the migrations projects).");
    }

    [Fact]
    public void DriftCheck_ComparedWithTheHost_CoversEveryMigratedContext()
    {
        var migrated = app.Services.GetServices<MigratedContext>().Select(c => c.ContextType.FullName).Order(StringComparer.Ordinal);

        Contexts.Select(c => c.Context.FullName).Order(StringComparer.Ordinal).ShouldBe(migrated);
    }

    [Fact]
    public async Task FreshDatabase_AtStartup_HasEveryMigrationApplied()
    {
        await using var scope = app.Services.CreateAsyncScope();
        foreach (var (type, historyTable) in Contexts)
        {
            var db = (DbContext)scope.ServiceProvider.GetRequiredService(type);
            var known = db.Database.GetMigrations().ToList();
            known.ShouldNotBeEmpty();

            var history = await db.Database
                .SqlQueryRaw<string>(string.Concat("SELECT \"MigrationId\" AS \"Value\" FROM \"", historyTable, "\""))
                .ToListAsync(TestContext.Current.CancellationToken);

            history.ShouldBe(known, ignoreOrder: true);
            (await db.Database.GetPendingMigrationsAsync(TestContext.Current.CancellationToken)).ShouldBeEmpty();
        }
    }

    [Fact]
    public async Task FreshDatabase_AtStartup_RecordsTheInitialPlatformMigration()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();

        var history = await db.Database
            .SqlQueryRaw<string>("SELECT \"MigrationId\" AS \"Value\" FROM \"__platform_migrations\"")
            .ToListAsync(TestContext.Current.CancellationToken);

        history.ShouldContain(m => m.EndsWith("_Initial", StringComparison.Ordinal));
    }

    private static DbContext Create(Type contextType, DatabaseProvider provider, string historyTable)
    {
        var builder = (DbContextOptionsBuilder)Activator.CreateInstance(typeof(DbContextOptionsBuilder<>).MakeGenericType(contextType))!;
        builder.UseGgzyDatabase(provider, DummyConnections[provider], historyTable);
        return (DbContext)Activator.CreateInstance(contextType, BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic,
            binder: null, args: [builder.Options], CultureInfo.InvariantCulture)!;
    }
}
