namespace Ggzy.Platform.Rules;

/// <summary>行政区划代码 (GB/T 2260): two digits of province, two of city, two of county.</summary>
public static class RegionCodes
{
    public static bool IsValid(string? code) => code is { Length: 6 } && code.All(char.IsAsciiDigit);

    /// <summary>
    /// Whether a rule set for <paramref name="scope"/> applies in <paramref name="region"/>: a province code (ending
    /// in 0000) covers every code with its first two digits, a city code (ending in 00) every code with its first
    /// four, and a county code only itself.
    /// </summary>
    public static bool Covers(string scope, string region) =>
        IsValid(scope) && IsValid(region) && string.CompareOrdinal(scope, 0, region, 0, 2 + (2 * Level(scope))) == 0;

    /// <summary>How local a code is: 0 province, 1 city, 2 county.</summary>
    public static int Level(string code) =>
        code.EndsWith("0000", StringComparison.Ordinal) ? 0 : code.EndsWith("00", StringComparison.Ordinal) ? 1 : 2;
}
