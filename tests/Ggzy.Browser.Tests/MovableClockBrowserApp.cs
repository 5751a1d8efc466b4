using Ggzy.Platform.Data;
using Ggzy.TestKit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Ggzy.Browser.Tests;

/// <summary>
/// A host of its own on a loopback port and an embedded SQLite database, whose platform clock the test moves forward
/// (as <see cref="MovableClockApp"/> does). The procedure clock runs every second by itself; with
/// <see cref="ManualProcedureClock"/> it runs only when the test calls <see cref="RunProcedureClockAsync"/>, so that a page
/// can be seen between a deadline and the pass that acts on it.
/// </summary>
public sealed class MovableClockBrowserApp : GgzyApp
{
    private Uri? _address;

    public MovableClock Clock { get; } = new();

    /// <summary>The procedure clock makes no pass of its own; the test runs each one.</summary>
    public bool ManualProcedureClock { get; init; }

    public Uri Address => _address ?? throw new InvalidOperationException("Call InitializeAsync first.");

    protected override DatabaseProvider? Provider => DatabaseProvider.Sqlite;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        _address = StartOnLoopback();
    }

    /// <summary>Sets the platform clock to <paramref name="at"/>; it runs on from there.</summary>
    public void MoveTo(DateTimeOffset at) => Clock.Ahead = at - TimeProvider.System.GetUtcNow();

    /// <summary>One pass of the procedure clock, now (by the platform clock).</summary>
    public Task<int> RunProcedureClockAsync(CancellationToken ct) => ProcedureClockPass.RunAsync(Services, ct);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Trading:ProcedureClock:IntervalSeconds", "1");
        if (ManualProcedureClock)
        {
            builder.UseSetting("Trading:ProcedureClock:Enabled", "false");
        }

        builder.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(Clock));
    }
}
