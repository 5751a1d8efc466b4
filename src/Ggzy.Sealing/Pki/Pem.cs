using System.Text;

namespace Ggzy.Sealing.Pki;

/// <summary>Reads and writes PEM blocks (RFC 7468): <c>-----BEGIN LABEL-----</c>, base64, <c>-----END LABEL-----</c>.</summary>
public static class Pem
{
    /// <summary>The blocks in <paramref name="data"/> with the given label, or none when it is not PEM text.</summary>
    public static IReadOnlyList<byte[]> Blocks(ReadOnlySpan<byte> data, params string[] labels)
    {
        if (!LooksLikePem(data))
        {
            return [];
        }

        var text = Encoding.ASCII.GetString(data);
        var found = new List<byte[]>();
        var at = 0;
        while ((at = text.IndexOf("-----BEGIN ", at, StringComparison.Ordinal)) >= 0)
        {
            var labelStart = at + "-----BEGIN ".Length;
            var labelEnd = text.IndexOf("-----", labelStart, StringComparison.Ordinal);
            if (labelEnd < 0)
            {
                break;
            }

            var label = text[labelStart..labelEnd];
            var end = text.IndexOf("-----END " + label + "-----", labelEnd, StringComparison.Ordinal);
            if (end < 0)
            {
                throw new FormatException($"PEM 块“{label}”缺少结束行。");
            }

            if (labels.Contains(label, StringComparer.Ordinal))
            {
                var body = text[(labelEnd + 5)..end];
                found.Add(Convert.FromBase64String(string.Concat(body.Where(c => !char.IsWhiteSpace(c)))));
            }

            at = end + 1;
        }

        return found;
    }

    public static bool LooksLikePem(ReadOnlySpan<byte> data)
    {
        // DER starts with a SEQUENCE tag (0x30); PEM text carries a BEGIN line somewhere.
        return data.Length > 0 && data[0] != 0x30 && data.IndexOf("-----BEGIN "u8) >= 0;
    }

    public static string Write(string label, ReadOnlySpan<byte> der)
    {
        var base64 = Convert.ToBase64String(der);
        var text = new StringBuilder();
        text.Append("-----BEGIN ").Append(label).Append("-----\n");
        for (var i = 0; i < base64.Length; i += 64)
        {
            text.Append(base64.AsSpan(i, Math.Min(64, base64.Length - i))).Append('\n');
        }

        return text.Append("-----END ").Append(label).Append("-----\n").ToString();
    }
}
