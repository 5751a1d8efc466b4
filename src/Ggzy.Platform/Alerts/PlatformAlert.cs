namespace Ggzy.Platform.Alerts;

/// <summary>Something a role must attend to, raised by the platform itself (e.g. a year missing from the calendar).</summary>
public sealed class PlatformAlert
{
    public Guid Id { get; set; }

    /// <summary>Raising the same key twice yields one alert.</summary>
    public required string Key { get; set; }

    public required string Kind { get; set; }

    public required string Message { get; set; }

    /// <summary>The role that must act on it.</summary>
    public required string Audience { get; set; }

    public DateTimeOffset RaisedAt { get; set; }

    public DateTimeOffset? AcknowledgedAt { get; set; }

    public string? AcknowledgedBy { get; set; }
}
