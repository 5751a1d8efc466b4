using Ggzy.Platform.Data;
using Ggzy.TestKit;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Ggzy.Bench;

/// <summary>
/// A fresh, migrated database configured as in production: SQLite as a file in WAL mode with synchronous=FULL (the
/// Platform's connection pragmas), PostgreSQL on a local cluster with fsync on. Both on loopback, removed afterwards.
/// </summary>
internal sealed class BenchDatabase : IAsyncDisposable
{
    private readonly string? _directory;

    private BenchDatabase(DatabaseProvider provider, string connectionString, string? directory)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _directory = directory;
    }

    public DatabaseProvider Provider { get; }

    public string ConnectionString { get; }

    public static async Task<BenchDatabase> CreateAsync(DatabaseProvider provider, Func<Task<PostgresCluster>> cluster)
    {
        BenchDatabase database;
        if (provider == DatabaseProvider.Postgres)
        {
            database = new BenchDatabase(provider, await (await cluster()).CreateDatabaseAsync(), null);
        }
        else
        {
            var directory = Directory.CreateTempSubdirectory("ggzy-bench-").FullName;
            var connectionString = new SqliteConnectionStringBuilder
            {
                DataSource = Path.Combine(directory, "ggzy.db"),
                Pooling = true,
                DefaultTimeout = 60,
            }.ToString();
            database = new BenchDatabase(provider, connectionString, directory);
        }

        await using var db = database.CreateContext();
        await db.Database.MigrateAsync();
        await db.Database.ExecuteSqlRawAsync(provider == DatabaseProvider.Sqlite
            ? "CREATE TABLE bench_plain_inserts (id INTEGER PRIMARY KEY AUTOINCREMENT, recorded_at INTEGER NOT NULL, actor TEXT NOT NULL, role TEXT NOT NULL, organization TEXT NOT NULL, client_ip TEXT NOT NULL, type TEXT NOT NULL, subject TEXT NOT NULL, payload TEXT NOT NULL)"
            : "CREATE TABLE bench_plain_inserts (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, recorded_at timestamptz NOT NULL, actor varchar(128) NOT NULL, role varchar(256) NOT NULL, organization varchar(64) NOT NULL, client_ip varchar(64) NOT NULL, type varchar(128) NOT NULL, subject varchar(256) NOT NULL, payload text NOT NULL)");
        return database;
    }

    public PlatformDbContext CreateContext() => new(new DbContextOptionsBuilder<PlatformDbContext>()
        .UseGgzyDatabase(Provider, ConnectionString, PlatformDbContext.HistoryTable)
        .Options);

    public async Task<string> ServerVersionAsync()
    {
        await using var db = CreateContext();
        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = Provider == DatabaseProvider.Sqlite ? "SELECT 'SQLite ' || sqlite_version()" : "SELECT 'PostgreSQL ' || current_setting('server_version') || ', fsync=' || current_setting('fsync') || ', synchronous_commit=' || current_setting('synchronous_commit')";
        return (string)(await command.ExecuteScalarAsync())!;
    }

    public ValueTask DisposeAsync()
    {
        if (_directory is not null)
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(_directory, recursive: true);
        }

        return ValueTask.CompletedTask;
    }
}
