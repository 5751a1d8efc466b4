using System.Globalization;
using System.Text.Json;

namespace Ggzy.Trading.Domain.Opening;

/// <summary>
/// The structured price sheet (开标一览表) <c>ggzy.price-sheet.v1</c>: the first section of a sealed bid, UTF-8 JSON
/// with the lot's trade code, the bidder's credit code, the total price in 元 as a decimal string and named items
/// (工期, 质量, 项目负责人 …). What the opening reads out (docs/bid-opening.md §2).
/// </summary>
internal sealed record PriceSheet(string LotCode, string BidderCreditCode, decimal TotalPrice, IReadOnlyDictionary<string, string> Items)
{
    public const string FormatV1 = "ggzy.price-sheet.v1";
    public const int MaxBytes = 64 * 1024;
    public const int MaxItems = 50;

    /// <summary>Parses a price sheet, or says (Chinese) why it is not a valid one.</summary>
    public static (PriceSheet? Sheet, string? Problem) Parse(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length > MaxBytes)
        {
            return (null, $"开标一览表超过 {MaxBytes / 1024} KB，不是 {FormatV1} 格式。");
        }

        try
        {
            using var document = JsonDocument.Parse(utf8.ToArray());
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || Text(root, "format") != FormatV1)
            {
                return (null, $"开标一览表不是 {FormatV1} 格式（format 字段缺失或不符）。");
            }

            var lot = Text(root, "lotCode");
            var bidder = Text(root, "bidderCreditCode");
            var total = Text(root, "totalPrice");
            if (lot is null || bidder is null || total is null)
            {
                return (null, "开标一览表缺少 lotCode、bidderCreditCode 或 totalPrice。");
            }

            if (!TryPrice(total, out var price))
            {
                return (null, $"开标一览表的投标总价“{total}”不是以元为单位、最多两位小数的正数。");
            }

            var items = new Dictionary<string, string>(StringComparer.Ordinal);
            if (root.TryGetProperty("items", out var list) && list.ValueKind == JsonValueKind.Object)
            {
                foreach (var item in list.EnumerateObject())
                {
                    if (item.Value.ValueKind != JsonValueKind.String || item.Name.Length is 0 or > 50 || items.Count >= MaxItems)
                    {
                        return (null, $"开标一览表的项目“{item.Name}”不合规：项目名 1–50 字，值为文字，最多 {MaxItems} 项。");
                    }

                    items[item.Name] = Clip(item.Value.GetString()!, 500);
                }
            }

            return (new PriceSheet(lot, bidder, price, items), null);
        }
        catch (Exception e) when (e is JsonException or ArgumentException)
        {
            return (null, $"开标一览表不是有效的 UTF-8 JSON（{FormatV1}）。");
        }
    }

    /// <summary>A price in 元: a positive decimal with at most two places, no exponent, no group separators.</summary>
    public static bool TryPrice(string text, out decimal price)
    {
        price = 0;
        return text.Length is > 0 and <= 20
            && text.All(c => char.IsAsciiDigit(c) || c == '.')
            && decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out price)
            && price > 0 && decimal.Round(price, 2) == price;
    }

    public static string Format(decimal price) => price.ToString("0.00", CultureInfo.InvariantCulture);

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string Clip(string value, int length) => value.Length <= length ? value : value[..length];
}
