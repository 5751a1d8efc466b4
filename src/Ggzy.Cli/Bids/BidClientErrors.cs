using System.Text.Json;

namespace Ggzy.Cli.Bids;

/// <summary>
/// The platform refused a call (4xx problem+json): <see cref="Code"/> is its stable code (e.g. <c>BID_LOT_CLOSED</c>),
/// the message its Chinese <c>detail</c>; <see cref="Received"/> is where an upload stands, when the answer says it.
/// </summary>
internal sealed class BidRefusedException(int status, string? code, string detail, long? received) : Exception(detail)
{
    public int Status { get; } = status;

    public string? Code { get; } = code;

    public long? Received { get; } = received;

    public static BidRefusedException From(int status, JsonElement? problem, string fallback)
    {
        string? Text(string name) =>
            problem is { ValueKind: JsonValueKind.Object } p && p.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String
                ? v.GetString()
                : null;

        long? received = problem is { ValueKind: JsonValueKind.Object } body && body.TryGetProperty("received", out var r)
            && r.TryGetInt64(out var at) ? at : null;
        return new BidRefusedException(status, Text("code"), Text("detail") ?? Text("title") ?? fallback, received);
    }
}

/// <summary>A failure worth retrying: the network, a timeout, or a 5xx/408/429 answer.</summary>
internal sealed class BidTransientException(string message, Exception? inner = null) : Exception(message, inner);
