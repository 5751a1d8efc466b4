using System.Text.Json;

namespace Ggzy.Credit.Features.ImportCreditRecords;

/// <summary>The line on which each element of the top-level <c>records</c> array starts, for error messages.</summary>
internal static class JsonItemLines
{
    public static IReadOnlyList<int> Of(ReadOnlySpan<byte> json)
    {
        var lines = new List<int>();
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var inRecords = false;
        var line = 1;
        var counted = 0;
        try
        {
            while (reader.Read())
            {
                if (reader.CurrentDepth == 1 && reader.TokenType == JsonTokenType.PropertyName)
                {
                    inRecords = reader.ValueTextEquals("records");
                }
                else if (inRecords && reader.CurrentDepth == 2 && reader.TokenType is JsonTokenType.StartObject or JsonTokenType.Null)
                {
                    var start = (int)reader.TokenStartIndex;
                    line += json[counted..start].Count((byte)'\n');
                    counted = start;
                    lines.Add(line);
                }
            }
        }
        catch (JsonException)
        {
            // The deserializer reports the syntax error with its position; the lines found so far still help.
        }

        return lines;
    }
}
