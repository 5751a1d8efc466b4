using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace Ggzy.Platform.Data;

/// <summary>The one place that turns configuration into a database provider, for the host, the CLI and the tests.</summary>
public static class DatabaseSetup
{
    public const string SqliteMigrationsAssembly = "Ggzy.Migrations.Sqlite";
    public const string PostgresMigrationsAssembly = "Ggzy.Migrations.Postgres";

    public static string ResolveConnectionString(DatabaseOptions options, IConfiguration configuration)
    {
        var configured = configuration.GetConnectionString("Ggzy");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }

        if (options.Provider == DatabaseProvider.Postgres)
        {
            throw new InvalidOperationException("使用 PostgreSQL 时必须设置连接字符串 ConnectionStrings__Ggzy。");
        }

        Directory.CreateDirectory(options.DataDirectory);
        return new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(options.DataDirectory, "ggzy.db"),
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = 60,
        }.ToString();
    }

    public static TBuilder UseGgzyDatabase<TBuilder>(this TBuilder builder, DatabaseProvider provider,
        string connectionString, string historyTable)
        where TBuilder : DbContextOptionsBuilder
    {
        _ = provider switch
        {
            DatabaseProvider.Sqlite => builder
                .UseSqlite(connectionString, o => o.MigrationsAssembly(SqliteMigrationsAssembly).MigrationsHistoryTable(historyTable))
                .AddInterceptors(SqlitePragmas.Instance),
            DatabaseProvider.Postgres => builder
                .UseNpgsql(connectionString, o => o.MigrationsAssembly(PostgresMigrationsAssembly).MigrationsHistoryTable(historyTable)),
            _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "未知的数据库类型。"),
        };
        return builder;
    }
}
