using Ggzy.Credit;
using Ggzy.Exchange;
using Ggzy.Experts;
using Ggzy.Platform;
using Ggzy.Platform.Data;
using Ggzy.Portal;
using Ggzy.Supervision;
using Ggzy.Trading;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Ggzy.Cli;

/// <summary>
/// The chosen database with the modules registered as the host registers them, so that the CLI sees the same
/// contexts (and migrates the same ones) as the host.
/// </summary>
internal sealed class CliDatabase(ServiceProvider services, DatabaseProvider provider, string connectionString) : IAsyncDisposable
{
    public IServiceProvider Services => services;

    public DatabaseProvider Provider => provider;

    /// <summary>The database as shown to the operator: the SQLite file, or the PostgreSQL server and database without the password.</summary>
    public string Description => provider switch
    {
        DatabaseProvider.Sqlite => "SQLite " + new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString).DataSource,
        DatabaseProvider.Postgres => PostgresDescription(connectionString),
        _ => provider.ToString(),
    };

    public static CliDatabase Create(IConfiguration configuration, DatabaseOptions options, string connectionString)
    {
        var overrides = new Dictionary<string, string?>
        {
            [$"{DatabaseOptions.SectionName}:{nameof(DatabaseOptions.Provider)}"] = options.Provider.ToString(),
            [$"{DatabaseOptions.SectionName}:{nameof(DatabaseOptions.DataDirectory)}"] = options.DataDirectory,
            ["ConnectionStrings:Ggzy"] = connectionString,
        };
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder()
            .AddConfiguration(configuration)
            .AddInMemoryCollection(overrides)
            .Build());
        services.AddLogging();
        services.AddPlatform();
        services.AddCredit();
        services.AddExperts();
        services.AddTrading();
        services.AddSupervision();
        services.AddPortal();
        services.AddExchange();
        return new CliDatabase(services.BuildServiceProvider(validateScopes: true), options.Provider, connectionString);
    }

    public ValueTask DisposeAsync() => services.DisposeAsync();

    private static string PostgresDescription(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        return $"PostgreSQL {builder.Host}:{builder.Port}/{builder.Database}";
    }
}
