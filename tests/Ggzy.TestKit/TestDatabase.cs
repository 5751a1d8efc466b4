using Ggzy.Platform.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Ggzy.TestKit;

/// <summary>
/// A fresh, empty database for one test host. The provider comes from GGZY_TEST_DATABASE (Sqlite by default), so the
/// same tests run on both providers.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private TestDatabase(DatabaseProvider provider, string connectionString, string dataDirectory)
    {
        Provider = provider;
        ConnectionString = connectionString;
        DataDirectory = dataDirectory;
    }

    public DatabaseProvider Provider { get; }

    public string ConnectionString { get; }

    public string DataDirectory { get; }

    public static DatabaseProvider ConfiguredProvider =>
        Enum.TryParse<DatabaseProvider>(Environment.GetEnvironmentVariable("GGZY_TEST_DATABASE"), ignoreCase: true, out var p)
            ? p
            : DatabaseProvider.Sqlite;

    /// <summary>
    /// Where test databases (SQLite files) and data directories are made: GGZY_TEST_DIRECTORY when set, else in memory
    /// (/dev/shm) when it has room, else the temp directory. A test host commits and flushes often (SQLite with
    /// synchronous=FULL, the bid vault's flushes); on a shared disk those flushes are a large part of a test run's time,
    /// in memory they cost nothing. The databases and their settings are the same wherever the files are.
    /// </summary>
    public static string Root { get; } = ChooseRoot();

    private static string ChooseRoot()
    {
        var configured = Environment.GetEnvironmentVariable("GGZY_TEST_DIRECTORY");
        if (!string.IsNullOrEmpty(configured))
        {
            return configured;
        }

        const string memory = "/dev/shm";
        const long room = 4L << 30;
        try
        {
            if (OperatingSystem.IsLinux() && Directory.Exists(memory) && new DriveInfo(memory).AvailableFreeSpace > room)
            {
                return Path.Combine(memory, "ggzy-tests");
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            // No usable memory file system: the temp directory below.
        }

        return Path.Combine(Path.GetTempPath(), "ggzy-tests");
    }

    public static async Task<TestDatabase> CreateAsync(DatabaseProvider? provider = null)
    {
        var directory = Path.Combine(Root, Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        if ((provider ?? ConfiguredProvider) == DatabaseProvider.Postgres)
        {
            var cluster = await PostgresCluster.SharedAsync();
            return new TestDatabase(DatabaseProvider.Postgres, await cluster.CreateDatabaseAsync(), directory);
        }

        var connectionString = new SqliteConnectionStringBuilder { DataSource = Path.Combine(directory, "ggzy.db"), DefaultTimeout = 60 }.ToString();
        return new TestDatabase(DatabaseProvider.Sqlite, connectionString, directory);
    }

    /// <summary>
    /// A copy of the migrated and seeded demo (<see cref="DemoTemplate"/>), for a host — also one run as its own process —
    /// that would otherwise migrate and seed the demo itself.
    /// </summary>
    public static Task<TestDatabase> DemoCopyAsync(DatabaseProvider? provider = null) =>
        DemoTemplate.CopyAsync(provider ?? ConfiguredProvider);

    /// <summary>
    /// A copy of this database and its data directory, for a host to start from. Every connection to this one must be
    /// closed (its host disposed).
    /// </summary>
    public async Task<TestDatabase> CopyAsync()
    {
        var directory = Path.Combine(Root, Guid.NewGuid().ToString("N"));
        CopyDirectory(DataDirectory, directory);
        if (Provider == DatabaseProvider.Postgres)
        {
            NpgsqlConnection.ClearPool(new NpgsqlConnection(ConnectionString));
            var cluster = await PostgresCluster.SharedAsync();
            return new TestDatabase(DatabaseProvider.Postgres, await cluster.CreateDatabaseAsync(template: ConnectionString), directory);
        }

        var file = new SqliteConnectionStringBuilder(ConnectionString).DataSource;
        var connectionString = new SqliteConnectionStringBuilder(ConnectionString) { DataSource = Path.Combine(directory, Path.GetFileName(file)) }.ToString();
        return new TestDatabase(DatabaseProvider.Sqlite, connectionString, directory);
    }

    private static void CopyDirectory(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    /// <summary>The settings that point the platform's services at this database, for hosts without the web host.</summary>
    public IConfiguration Configuration() => new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["Database:Provider"] = Provider.ToString(),
        ["Database:DataDirectory"] = DataDirectory,
        ["ConnectionStrings:Ggzy"] = ConnectionString,
    }).Build();

    /// <summary>Migrates every module context registered with the services, as the host does at start.</summary>
    public static async Task MigrateAllAsync(IServiceProvider services, CancellationToken ct)
    {
        foreach (var context in services.GetServices<MigratedContext>())
        {
            await ((DbContext)services.GetRequiredService(context.ContextType)).Database.MigrateAsync(ct);
        }
    }

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a finishing host; the temp directory is cleaned by the OS.
        }

        return ValueTask.CompletedTask;
    }
}
