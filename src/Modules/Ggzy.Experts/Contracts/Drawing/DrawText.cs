using System.Globalization;

namespace Ggzy.Experts.Contracts.Drawing;

/// <summary>The tokens the canonical draw texts allow (docs/expert-draw.md §3).</summary>
internal static class DrawText
{
    public const int PseudonymLength = 32;
    public const int MaxSpecialtyLength = 32;

    /// <summary>32 lowercase hexadecimal digits.</summary>
    public static bool IsPseudonym(string? s) => s is { Length: PseudonymLength } && s.All(c => c is (>= '0' and <= '9') or (>= 'a' and <= 'f'));

    /// <summary>1–32 characters of ASCII letters, digits, '.', '-' and '_'.</summary>
    public static bool IsSpecialty(string? s) =>
        s is { Length: > 0 and <= MaxSpecialtyLength } && s.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_');

    public static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);

    /// <summary>A decimal number without sign, leading zeros or other characters, in 1..max.</summary>
    public static bool TryNumber(string s, int max, out int value)
    {
        value = 0;
        if (s.Length is 0 or > 9 || s[0] == '0' || !s.All(char.IsAsciiDigit))
        {
            return false;
        }

        value = int.Parse(s, NumberStyles.None, CultureInfo.InvariantCulture);
        return value <= max;
    }
}
