using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Ggzy.Platform.Data;

namespace Ggzy.TestKit.Bidders;

/// <summary>Where an out-of-process platform keeps its data, and any further settings (configuration keys with ':').</summary>
public sealed record PlatformProcessSettings(
    DatabaseProvider Provider, string ConnectionString, string DataDirectory, IReadOnlyDictionary<string, string>? Extra = null)
{
    public static PlatformProcessSettings For(TestDatabase database) =>
        new(database.Provider, database.ConnectionString, database.DataDirectory);
}

/// <summary>
/// The built web host (<c>artifacts/bin/Ggzy.Web/{configuration}/Ggzy.Web.dll</c>) run as its own process on a free
/// loopback port, in the Production environment, migrating and seeding the demo on first start. It can be killed with
/// SIGKILL (no shutdown code runs, as in a power cut of the process) and started again on the same database and data
/// directory. The host's console output goes to <c>platform.log</c> in the data directory.
/// </summary>
public sealed class PlatformProcess : IAsyncDisposable
{
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromMinutes(3);
    private readonly PlatformProcessSettings _settings;
    private readonly ConcurrentQueue<string> _tail = new();
    private readonly Lock _logLock = new();
    private readonly StreamWriter _log;
    private readonly List<string> _output = [];
    private readonly List<(Func<string, bool> Match, TaskCompletionSource<string> Found)> _waiters = [];
    private IReadOnlyDictionary<string, string> _overrides = new Dictionary<string, string>(StringComparer.Ordinal);
    private Process? _process;
    private bool _closed;

    private PlatformProcess(PlatformProcessSettings settings)
    {
        _settings = settings;
        Directory.CreateDirectory(settings.DataDirectory);
        _log = new StreamWriter(Path.Combine(settings.DataDirectory, "platform.log"), append: true) { AutoFlush = true };
    }

    /// <summary>The address the host listens on; a new port after each start.</summary>
    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    public int ProcessId => _process?.Id ?? 0;

    public bool IsRunning => _process is { HasExited: false };

    /// <summary>Starts the host and returns once <c>/health/ready</c> answers.</summary>
    public static async Task<PlatformProcess> StartAsync(PlatformProcessSettings settings, CancellationToken ct = default)
    {
        var platform = new PlatformProcess(settings);
        try
        {
            await platform.StartAgainAsync(ct);
        }
        catch
        {
            await platform.DisposeAsync();
            throw;
        }

        return platform;
    }

    /// <summary>The web host's entry assembly, next to this assembly's build output (GGZY_WEB_DLL overrides).</summary>
    public static string WebHostAssembly()
    {
        if (Environment.GetEnvironmentVariable("GGZY_WEB_DLL") is { Length: > 0 } configured)
        {
            return configured;
        }

        // This assembly runs from artifacts/bin/{project}/{configuration}/; the host is built to artifacts/bin/Ggzy.Web/{configuration}/.
        var own = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var bin = own.Parent?.Parent?.FullName ?? throw new InvalidOperationException($"Unexpected output directory {own.FullName}");
        var candidates = new[] { own.Name, "release", "debug" }.Distinct(StringComparer.Ordinal)
            .Select(c => Path.Combine(bin, "Ggzy.Web", c, "Ggzy.Web.dll"));
        return candidates.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException($"Ggzy.Web.dll not found under {bin}/Ggzy.Web: build the solution first, or set GGZY_WEB_DLL.");
    }

    /// <summary>
    /// (Re)starts the host on the same database and data directory with these settings over those it was created with
    /// (e.g. <c>Clock:Ahead</c> to take it past a deadline); they hold for later restarts until given again.
    /// </summary>
    public Task StartAgainAsync(IReadOnlyDictionary<string, string> overrides, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(overrides);
        if (IsRunning)
        {
            throw new InvalidOperationException("The platform process is still running.");
        }

        _overrides = new Dictionary<string, string>(overrides, StringComparer.Ordinal);
        return StartAgainAsync(ct);
    }

    /// <summary>
    /// Waits until the host (as started last) writes a line that <paramref name="match"/> accepts — also one it wrote
    /// already — and returns it; fails if the host exits or <paramref name="timeout"/> passes first.
    /// </summary>
    public async Task<string> WaitForOutputAsync(Func<string, bool> match, TimeSpan timeout, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(match);
        var found = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_logLock)
        {
            if (_output.FirstOrDefault(match) is { } line)
            {
                return line;
            }

            _waiters.Add((match, found));
        }

        using var timer = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timer.CancelAfter(timeout);
        var exited = _process is { } process ? process.WaitForExitAsync(timer.Token) : Task.CompletedTask;
        try
        {
            var first = await Task.WhenAny(found.Task, exited, Task.Delay(Timeout.Infinite, timer.Token));
            if (first == found.Task)
            {
                return await found.Task;
            }
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            // Timed out: said below.
        }
        finally
        {
            lock (_logLock)
            {
                _waiters.RemoveAll(w => w.Found == found);
            }
        }

        ct.ThrowIfCancellationRequested();
        throw new TimeoutException(IsRunning
            ? $"The platform process did not write the expected line within {timeout.TotalSeconds:0} s:\n{LogTail()}"
            : $"The platform process exited before it wrote the expected line:\n{LogTail()}");
    }

    /// <summary>(Re)starts the host on the same database and data directory, on a new free port.</summary>
    public async Task StartAgainAsync(CancellationToken ct = default)
    {
        if (IsRunning)
        {
            throw new InvalidOperationException("The platform process is still running.");
        }

        lock (_logLock)
        {
            _output.Clear();
        }

        _process?.Dispose();
        var port = FreePort();
        BaseAddress = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/");
        var dll = WebHostAssembly();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        foreach (var (key, value) in HostEnvironment())
        {
            start.Environment[key] = value;
        }

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        Keep($"--- starting {dll} on {BaseAddress} ---");
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
        await WaitUntilReadyAsync(process, ct);
    }

    /// <summary>SIGKILL to the host (and anything it started): nothing of its own shutdown runs.</summary>
    public async Task KillAsync()
    {
        if (_process is not { } process || process.HasExited)
        {
            return;
        }

        Keep("--- SIGKILL ---");
        process.Kill(entireProcessTree: true);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await process.WaitForExitAsync(timeout.Token);
    }

    /// <summary>The last lines the host wrote, for a failure message.</summary>
    public string LogTail() => string.Join('\n', _tail);

    public async ValueTask DisposeAsync()
    {
        try
        {
            await KillAsync();
        }
        finally
        {
            _process?.Dispose();
            lock (_logLock)
            {
                _closed = true;
                _log.Dispose();
            }
        }
    }

    private IEnumerable<KeyValuePair<string, string>> HostEnvironment()
    {
        var settings = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["ASPNETCORE_URLS"] = BaseAddress.ToString().TrimEnd('/'),
            ["Database:Provider"] = _settings.Provider.ToString(),
            ["ConnectionStrings:Ggzy"] = _settings.ConnectionString,
            ["Database:DataDirectory"] = _settings.DataDirectory,
            ["Database:MigrateOnStartup"] = "true",
            ["Seed:Demo"] = "true",

            // Every client of a test or benchmark comes from one loopback address.
            ["Web:AnonymousWritesPerMinute"] = "1000000",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:Console:FormatterName"] = "simple",
        };
        foreach (var (key, value) in (_settings.Extra ?? new Dictionary<string, string>()).Concat(_overrides))
        {
            settings[key] = value;
        }

        return settings.Select(s => new KeyValuePair<string, string>(s.Key.Replace(":", "__", StringComparison.Ordinal), s.Value));
    }

    private async Task WaitUntilReadyAsync(Process process, CancellationToken ct)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < ReadyTimeout)
        {
            ct.ThrowIfCancellationRequested();
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The platform process exited with code {process.ExitCode} before it was ready:\n{LogTail()}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri("/health/ready", UriKind.Relative), ct);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (Exception e) when ((e is HttpRequestException or TaskCanceledException) && !ct.IsCancellationRequested)
            {
                // Not listening yet.
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200), ct);
        }

        throw new TimeoutException($"The platform process was not ready after {ReadyTimeout.TotalSeconds:0} s:\n{LogTail()}");
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        _tail.Enqueue(line);
        while (_tail.Count > 60)
        {
            _tail.TryDequeue(out _);
        }

        lock (_logLock)
        {
            if (!_closed)
            {
                _log.WriteLine(line);
            }

            _output.Add(line);
            foreach (var (match, found) in _waiters.Where(w => w.Match(line)).ToList())
            {
                found.TrySetResult(line);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
