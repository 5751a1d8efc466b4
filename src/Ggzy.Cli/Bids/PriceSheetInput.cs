using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Ggzy.Cli.Bids;

/// <summary>
/// The structured price sheet (开标一览表) <c>ggzy.price-sheet.v1</c> (docs/bid-opening.md §2): the envelope's first
/// section, which the platform reads out at the opening. Built from <c>--price</c> and <c>--item</c>, or checked when
/// given ready as a JSON file.
/// </summary>
internal static class PriceSheetInput
{
    public const string FormatV1 = "ggzy.price-sheet.v1";
    public const string FileName = "开标一览表.json";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = true,
    };

    /// <summary>The price sheet's UTF-8 JSON from the options.</summary>
    public static byte[] Build(string lotCode, string bidderCreditCode, string price, IReadOnlyList<string> items)
    {
        var total = price.Trim().Replace(",", "", StringComparison.Ordinal);
        if (!IsPrice(total))
        {
            throw new CliException($"--price {price} 不是有效的投标总价：请填写以元为单位、最多两位小数的正数，如 1234567.89。");
        }

        var named = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            var at = item.IndexOf('=', StringComparison.Ordinal);
            var name = at > 0 ? item[..at].Trim() : "";
            var value = at > 0 ? item[(at + 1)..].Trim() : "";
            if (name.Length is 0 or > 50 || value.Length is 0 or > 500 || !named.TryAdd(name, value))
            {
                throw new CliException($"--item {item} 不合规：请写成 名称=内容（如 工期=365日历天），名称 1–50 字、不重复，内容 1–500 字。");
            }
        }

        return JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["format"] = FormatV1,
            ["lotCode"] = lotCode,
            ["bidderCreditCode"] = bidderCreditCode,
            ["totalPrice"] = decimal.Parse(total, CultureInfo.InvariantCulture).ToString("0.00", CultureInfo.InvariantCulture),
            ["items"] = named,
        }, Json);
    }

    /// <summary>A ready price sheet file, checked to be a <c>ggzy.price-sheet.v1</c> for this lot and bidder.</summary>
    public static byte[] Read(string path, string lotCode, string bidderCreditCode)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"无法读取开标一览表 {path}：{e.Message}");
        }

        string? Problem()
        {
            try
            {
                using var document = JsonDocument.Parse(bytes);
                var root = document.RootElement;
                string? Text(string name) => root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String
                    ? v.GetString()
                    : null;
                if (Text("format") != FormatV1)
                {
                    return $"format 须为 {FormatV1}";
                }

                if (Text("lotCode") != lotCode || Text("bidderCreditCode") != bidderCreditCode)
                {
                    return $"lotCode、bidderCreditCode 须为 {lotCode}、{bidderCreditCode}";
                }

                return Text("totalPrice") is { } total && IsPrice(total) ? null : "totalPrice 须为以元为单位、最多两位小数的正数（文字），如 \"1234567.89\"";
            }
            catch (JsonException)
            {
                return "不是 UTF-8 JSON";
            }
        }

        return Problem() is { } problem
            ? throw new CliException($"{path} 不是有效的开标一览表（{problem}）。开标时平台按 {FormatV1} 唱标：可改用 --price 和 --item 生成；"
                + "其他格式的开标一览表（如 PDF）请作为投标文件用 --files 附上。")
            : bytes;
    }

    private static bool IsPrice(string text) =>
        text.Length is > 0 and <= 20 && text.All(c => char.IsAsciiDigit(c) || c == '.')
        && decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
        && value > 0 && decimal.Round(value, 2) == value;
}
