using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Ggzy.Web.Infrastructure;

/// <summary>
/// Turns the framework's input failures (malformed JSON, unknown fields, wrong types, wrong content type, oversize
/// bodies, unparsable query or route values) into a status and a Chinese message that names the field and says what
/// to fix. The framework's English text is never shown.
/// </summary>
internal static partial class BadRequestTranslator
{
    public static (int Status, string Detail, string? Field) Translate(BadHttpRequestException exception)
    {
        if (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (413, ApiProblems.DetailFor(413), null);
        }

        if (exception.StatusCode == StatusCodes.Status415UnsupportedMediaType)
        {
            return (415, ApiProblems.DetailFor(415), null);
        }

        if (exception.InnerException is JsonException json)
        {
            return Translate(json);
        }

        var message = exception.Message;
        if (BindFailed().Match(message) is { Success: true } bind)
        {
            var name = bind.Groups["name"].Value;
            var value = bind.Groups["value"].Value;
            value = value.Length > 40 ? value[..40] + "…" : value;
            return (400, $"参数“{name}”的值“{value}”无效，应为{Expected(bind.Groups["type"].Value)}。", name);
        }

        if (RequiredMissing().Match(message) is { Success: true } missing)
        {
            var name = missing.Groups["name"].Value;
            return (400, $"缺少必填参数“{name}”（{SourceOf(missing.Groups["source"].Value)}），请补充后重试。", name);
        }

        if (BodyMissing().IsMatch(message))
        {
            return (400, "请求内容不能为空，请提交 JSON 对象。", "body");
        }

        if (message.Contains("anti-forgery", StringComparison.OrdinalIgnoreCase))
        {
            return (400, "表单已过期或缺少防伪令牌，请刷新页面后重新提交。", null);
        }

        return (400, "请求格式有误或内容不完整，请对照接口文档 /api/reference 检查后重新发送。", null);
    }

    public static (int Status, string Detail, string? Field) Translate(JsonException json)
    {
        if (UnknownMember().Match(json.Message) is { Success: true } unknown)
        {
            var name = unknown.Groups["name"].Value;
            return (400, $"请求中含有未知字段“{name}”，请删除该字段；可用字段见接口文档 /api/reference。", name);
        }

        // A syntax error comes from the reader (an inner JsonException); anything else is a value of the wrong kind.
        if (json.InnerException is JsonException || json.Path is null)
        {
            var line = (json.LineNumber ?? 0) + 1;
            return (400, string.Create(CultureInfo.InvariantCulture,
                $"请求内容不是有效的 JSON（第 {line} 行附近），请检查括号、引号和逗号。"), null);
        }

        var field = FieldOf(json.Path);
        if (field is null)
        {
            return (400, "请求内容应为一个 JSON 对象（{ … }），字段见接口文档 /api/reference。", null);
        }

        var type = ConvertTarget().Match(json.Message) is { Success: true } target ? target.Groups["type"].Value : "";
        return type.Contains("Date", StringComparison.Ordinal)
            ? (400, $"字段“{field}”的日期无效，请使用 yyyy-MM-dd 格式的真实日期（如 2026-10-08）。", field)
            : (400, $"字段“{field}”的值无效或类型不正确，应为{Expected(type)}。", field);
    }

    private static string Expected(string type) => type switch
    {
        _ when type.Contains("Guid", StringComparison.Ordinal) => "编号（GUID，如 3fa85f64-5717-4562-b3fc-2c963f66afa6）",
        _ when type.Contains("DateOnly", StringComparison.Ordinal) => "yyyy-MM-dd 格式的日期（如 2026-10-08）",
        _ when type.Contains("DateTime", StringComparison.Ordinal) => "带时区的日期时间（如 2026-10-08T09:30:00+08:00）",
        _ when type.Contains("Int", StringComparison.Ordinal) || type.Contains("long", StringComparison.Ordinal)
            || type.Contains("int", StringComparison.Ordinal) => "整数",
        _ when type.Contains("Decimal", StringComparison.OrdinalIgnoreCase) || type.Contains("Double", StringComparison.OrdinalIgnoreCase) => "数字",
        _ when type.Contains("Bool", StringComparison.OrdinalIgnoreCase) => "true 或 false",
        _ when type.Contains("String", StringComparison.OrdinalIgnoreCase) => "文本（用双引号括起）",
        _ => "接口文档 /api/reference 中说明的格式",
    };

    private static string SourceOf(string source) => source switch
    {
        "route" => "地址路径",
        "query string" => "查询字符串",
        "header" => "请求头",
        "form" => "表单",
        "body" => "请求内容",
        _ => source,
    };

    private static string? FieldOf(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "$")
        {
            return null;
        }

        return path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
    }

    [GeneratedRegex("""^Failed to bind parameter "(?<type>.+) (?<name>[^ "]+)" from "(?<value>.*)"\.$""", RegexOptions.Singleline)]
    private static partial Regex BindFailed();

    [GeneratedRegex("""^Required parameter "(?<type>.+) (?<name>[^ "]+)" was not provided from (?<source>[^.]+)\.""")]
    private static partial Regex RequiredMissing();

    [GeneratedRegex("""^Implicit body inferred for parameter "[^"]+" but no body was provided""")]
    private static partial Regex BodyMissing();

    [GeneratedRegex("""The JSON property '(?<name>.+?)' could not be mapped""")]
    private static partial Regex UnknownMember();

    [GeneratedRegex("""could not be converted to (?<type>[^ ]+?)\.? Path:""")]
    private static partial Regex ConvertTarget();
}
