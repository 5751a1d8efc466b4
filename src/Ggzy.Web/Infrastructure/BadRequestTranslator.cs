using System.Text.Json;

namespace Ggzy.Web.Infrastructure;

/// <summary>
/// Turns the framework's input failures (malformed JSON, unknown fields, wrong types, wrong content type, oversize
/// bodies) into a status and a Chinese message that names the field and says what to fix.
/// </summary>
internal static class BadRequestTranslator
{
    public static (int Status, string Detail, string? Field) Translate(BadHttpRequestException exception)
    {
        if (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (413, "请求内容超过了允许的大小，请精简后重试。", null);
        }

        if (exception.StatusCode == StatusCodes.Status415UnsupportedMediaType)
        {
            return (415, "请求的内容类型不受支持：请以 application/json 提交，并设置请求头 Content-Type: application/json。", null);
        }

        if (exception.InnerException is JsonException json)
        {
            return Translate(json);
        }

        return (400, "请求格式有误：" + exception.Message, null);
    }

    public static (int Status, string Detail, string? Field) Translate(JsonException json)
    {
        var field = FieldOf(json.Path);
        var message = json.Message;
        if (message.Contains("could not be mapped to any .NET member", StringComparison.Ordinal))
        {
            return (400, $"请求中含有未知字段“{field}”，请删除该字段；可用字段见接口文档 /api/reference。", field);
        }

        if (field is null)
        {
            return (400, "请求内容不是有效的 JSON，请检查括号、引号和逗号。", null);
        }

        if (message.Contains("DateOnly", StringComparison.Ordinal) || message.Contains("DateTime", StringComparison.Ordinal))
        {
            return (400, $"字段“{field}”的日期无效，请使用 yyyy-MM-dd 格式的真实日期（如 2026-10-08）。", field);
        }

        return (400, $"字段“{field}”的值无效或类型不正确，请按接口文档填写。", field);
    }

    private static string? FieldOf(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "$")
        {
            return null;
        }

        return path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
    }
}
