using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Ggzy.TestKit;

/// <summary>
/// A throwaway PostgreSQL cluster started from the installed server binaries (initdb, pg_ctl) on a free loopback
/// port in a temporary directory, and removed when disposed or when the process exits. As root, the binaries run as
/// the postgres user (initdb refuses root).
/// </summary>
public sealed class PostgresCluster : IAsyncDisposable
{
    private static readonly Lazy<Task<PostgresCluster>> SharedCluster = new(() => StartAsync(durable: false));

    private readonly string _binaries;
    private readonly string _directory;
    private int _stopped;

    private PostgresCluster(string binaries, string directory, int port)
    {
        _binaries = binaries;
        _directory = directory;
        Port = port;
    }

    public int Port { get; }

    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port.ToString(CultureInfo.InvariantCulture)};Username=ggzy;Database={database};Pooling=true;Maximum Pool Size=64;Timeout=30;Command Timeout=120";

    /// <summary>One cluster for the whole test process; each test host gets its own database in it.</summary>
    public static Task<PostgresCluster> SharedAsync() => SharedCluster.Value;

    /// <param name="durable">false turns fsync off: faster tests, nothing to survive a power cut. Benchmarks keep it on.</param>
    public static async Task<PostgresCluster> StartAsync(bool durable)
    {
        var binaries = FindBinaries();
        var directory = Path.Combine(Path.GetTempPath(), "ggzy-pg-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(directory);
        var asRoot = Environment.UserName == "root";
        if (asRoot)
        {
            await RunAsync("chown", ["postgres:postgres", directory], asPostgres: false);
        }

        var data = Path.Combine(directory, "data");
        await RunAsync(Path.Combine(binaries, "initdb"), ["-D", data, "-U", "ggzy", "--auth=trust", "-E", "UTF8", "--locale=C", "--no-sync"], asRoot);
        var port = FreePort();
        var settings = $"-p {port.ToString(CultureInfo.InvariantCulture)} -k {directory} -c listen_addresses=127.0.0.1 -c max_connections=200"
            + (durable ? "" : " -c fsync=off -c synchronous_commit=off -c full_page_writes=off");
        await RunAsync(Path.Combine(binaries, "pg_ctl"), ["-D", data, "-o", settings, "-l", Path.Combine(directory, "server.log"), "-w", "-t", "60", "start"], asRoot);

        var cluster = new PostgresCluster(binaries, directory, port);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => cluster.Stop();
        return cluster;
    }

    /// <summary>A new database, empty or a copy of <paramref name="template"/> (which nobody may be connected to).</summary>
    public async Task<string> CreateDatabaseAsync(string? template = null)
    {
        var name = "ggzy_" + Guid.NewGuid().ToString("N")[..16];
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync();
        var copy = template is null ? "" : $" TEMPLATE {new NpgsqlConnectionStringBuilder(template).Database}";
        await using var command = new NpgsqlCommand($"CREATE DATABASE {name}{copy}", connection);
        await command.ExecuteNonQueryAsync();
        return ConnectionString(name);
    }

    public ValueTask DisposeAsync()
    {
        Stop();
        return ValueTask.CompletedTask;
    }

    private void Stop()
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 1)
        {
            return;
        }

        // Stopping runs at process exit too, after every test has passed. The test host gives the process about ten
        // seconds to end once the run is over, and removing a data directory that holds hundreds of databases can take
        // longer on a busy disk: so the server is stopped and its directory removed by a detached shell that outlives
        // this process, and a failure to start it is reported, never thrown (a green run must not turn red here).
        try
        {
            NpgsqlConnection.ClearAllPools();
            var pgCtl = Path.Combine(_binaries, "pg_ctl");
            var stop = Environment.UserName == "root"
                ? $"runuser -u postgres -- '{pgCtl}' -D '{Path.Combine(_directory, "data")}' -m immediate -w stop"
                : $"'{pgCtl}' -D '{Path.Combine(_directory, "data")}' -m immediate -w stop";
            var start = new ProcessStartInfo("sh") { UseShellExecute = false, RedirectStandardOutput = false, RedirectStandardError = false };
            start.ArgumentList.Add("-c");
            start.ArgumentList.Add($"exec </dev/null >/dev/null 2>&1; {stop}; rm -rf '{_directory}'");
            using var process = Process.Start(start);
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or UnauthorizedAccessException or System.ComponentModel.Win32Exception)
        {
            Console.Error.WriteLine($"The throwaway PostgreSQL cluster in {_directory} did not stop cleanly: {e.Message}");
        }
    }

    private static string FindBinaries()
    {
        var configured = Environment.GetEnvironmentVariable("GGZY_PG_BIN");
        if (!string.IsNullOrEmpty(configured))
        {
            return configured;
        }

        var candidates = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).Where(d => File.Exists(Path.Combine(d, "initdb")))
                .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : 0).ToList()
            : [];
        return candidates.FirstOrDefault()
            ?? throw new InvalidOperationException("PostgreSQL server binaries not found: install the postgresql package (the test command does) or set GGZY_PG_BIN.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task RunAsync(string file, string[] args, bool asPostgres)
    {
        var start = new ProcessStartInfo(asPostgres ? "runuser" : file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (asPostgres)
        {
            foreach (var a in (string[])["-u", "postgres", "--", file])
            {
                start.ArgumentList.Add(a);
            }
        }

        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} failed ({process.ExitCode}): {await error}{await output}");
        }
    }
}
