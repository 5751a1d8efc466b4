using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Ggzy.Platform.Time;

/// <summary>Bound from <c>Clock</c>.</summary>
public sealed class ClockOptions
{
    public const string SectionName = "Clock";

    /// <summary>
    /// Runs the platform clock this far ahead of the real time (a time span such as <c>30.00:01:00</c>; zero by default).
    /// For drills and for tests that must take a running platform process past a deadline — the restart during the
    /// opening's extraction — never for production: every time the platform records is moved by it. A warning is
    /// logged at start when it is set.
    /// </summary>
    public TimeSpan Ahead { get; set; }
}

/// <summary>The platform's clock: the system's, or the system's moved ahead by <see cref="ClockOptions.Ahead"/>.</summary>
internal static partial class PlatformClock
{
    public static TimeProvider Create(IServiceProvider services)
    {
        var ahead = services.GetRequiredService<IOptions<ClockOptions>>().Value.Ahead;
        if (ahead == TimeSpan.Zero)
        {
            return TimeProvider.System;
        }

        if (ahead < TimeSpan.Zero)
        {
            throw new OptionsValidationException(ClockOptions.SectionName, typeof(ClockOptions), ["Clock:Ahead must not be negative: the platform clock never runs behind the real time."]);
        }

        if (services.GetService<ILoggerFactory>() is { } logging)
        {
            Ahead(logging.CreateLogger(typeof(PlatformClock).FullName!), ahead);
        }

        return new AheadClock(ahead);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The platform clock runs {Ahead} ahead of the real time (Clock:Ahead): for drills and tests only.")]
    private static partial void Ahead(ILogger logger, TimeSpan ahead);

    private sealed class AheadClock(TimeSpan ahead) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + ahead;
    }
}
