using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Ggzy.TestKit;

/// <summary>The host with a clock a test can move forward: for what happens once a challenge's minutes or an invitation's days are over.</summary>
public sealed class MovableClockApp : GgzyApp
{
    public MovableClock Clock { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(Clock));
    }
}

/// <summary>The real time, moved forward by <see cref="Ahead"/>.</summary>
public sealed class MovableClock : TimeProvider
{
    public TimeSpan Ahead { get; set; }

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Ahead;
}
