using System.Globalization;
using System.Text.Json;
using Ggzy.Trading.Contracts;

namespace Ggzy.Portal.Areas.Portal.Pages.Openings;

/// <summary>
/// The signed opening record <c>ggzy.opening-record.v1</c> (docs/bid-opening.md §6) as the portal reads it: the times of
/// each step, the parties, the read-out items, the fallback, the 标底 and maximum price, and the sign-ins.
/// </summary>
internal sealed class OpeningRecordDocument
{
    public const string FormatV1 = "ggzy.opening-record.v1";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string? Format { get; init; }

    public string? ProjectCode { get; init; }

    public string? Tenderer { get; init; }

    public string? Agency { get; init; }

    public DateTimeOffset Deadline { get; init; }

    public DateTimeOffset ExtractedAt { get; init; }

    public RecordDecryption? Decryption { get; init; }

    public DateTimeOffset ReadOutAt { get; init; }

    public string? ReferencePrice { get; init; }

    public string? MaxPrice { get; init; }

    public List<string> Items { get; init; } = [];

    public string? Fallback { get; init; }

    public List<RecordAttendance> Attendance { get; init; } = [];

    /// <summary>The record, or null when it is not a v1 record (the page then offers only the original to download).</summary>
    public static OpeningRecordDocument? Parse(string recordJson)
    {
        try
        {
            return JsonSerializer.Deserialize<OpeningRecordDocument>(recordJson, Json) is { Format: FormatV1 } record ? record : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public sealed record RecordDecryption(DateTimeOffset? OpensAt, DateTimeOffset? EndsAt, DateTimeOffset? ClosedAt);

    /// <summary>A sign-in: the bidder's credit code, how (<c>certificate</c> or <c>session</c>) and when.</summary>
    public sealed record RecordAttendance(string Bidder, string Method, DateTimeOffset At);
}

/// <summary>Display helpers of the published opening record.</summary>
internal static class OpeningDisplay
{
    public static decimal? Amount(string? text) =>
        decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) ? value : null;

    /// <summary>An amount in 元 with thousands separators, or the text as it stands when it is not a plain decimal.</summary>
    public static string Yuan(string? text) => Amount(text) is { } value ? Yuan(value) : text ?? "—";

    public static string Yuan(decimal amount) => amount.ToString("#,##0.00", CultureInfo.InvariantCulture) + " 元";

    public static string Short(string name) => name.Length <= 12 ? name : name[..11] + "…";

    public static string Method(string method) => method == "certificate" ? "数字证书" : "账号";

    /// <summary>The read-out prices that are numbers, in the order the bids arrived (for the chart).</summary>
    public static IReadOnlyList<(string Bidder, decimal Price)> Prices(PublishedOpeningView view) =>
        [.. view.Bids.Where(b => Amount(b.TotalPrice) is not null).Select(b => (b.BidderName, Amount(b.TotalPrice)!.Value))];

    public static string OutcomeBadge(string outcome) => outcome switch
    {
        "decrypted" => "badge ok",
        "revoked" or "withdrawn" => "badge bad",
        _ => "badge",
    };
}
