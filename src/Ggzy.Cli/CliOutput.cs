using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace Ggzy.Cli;

/// <summary>Writes a command's result as Chinese text for people, or as one JSON object for scripts (<c>--json</c>).</summary>
internal static class CliOutput
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    public static Task WriteJsonAsync<T>(TextWriter writer, T value) =>
        writer.WriteLineAsync(JsonSerializer.Serialize(value, Json));

    public static string Seconds(TimeSpan elapsed) =>
        elapsed.TotalSeconds.ToString(elapsed.TotalSeconds < 10 ? "0.00" : "0.0", System.Globalization.CultureInfo.InvariantCulture) + " 秒";

    public static string Count(long n) => n.ToString("N0", System.Globalization.CultureInfo.InvariantCulture);
}
