using System.Globalization;
using Ggzy.Trading.Contracts;

namespace Ggzy.Trading.Domain.Projects;

/// <summary>
/// The unified trade code (统一交易标识码, R39; docs/trade-code.md). A project's code has 20 characters: the sector
/// letter, the 6-digit 行政区划代码 of the project's place, the 4-digit year of registration, an 8-digit sequence number
/// within that region and year, and a check character computed like the GB 32100 one (weights 3^i mod 31, letters A=10 … Z=35 taken
/// mod 31, the result written in the 31-character alphabet of GB 32100). A lot's code is the project's code and its 3-digit lot number (23 characters), the lengths
/// of the national data standard's TENDER_PROJECT_CODE and BID_SECTION_CODE.
/// </summary>
internal static class TradeCodes
{
    public const int ProjectLength = 20;
    public const int LotLength = 23;
    public const int MaxLots = 999;

    private const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    /// <summary>The sector letter: E 工程建设, Z 政府采购, T 土地使用权, K 矿业权, C 国有产权, Q 其他.</summary>
    public static char SectorLetter(string sector) => sector switch
    {
        CatalogNames.Construction => 'E',
        CatalogNames.GovernmentProcurement => 'Z',
        CatalogNames.LandUseRights => 'T',
        CatalogNames.MiningRights => 'K',
        CatalogNames.StateOwnedEquity => 'C',
        _ => 'Q',
    };

    /// <summary>The code of the <paramref name="sequence"/>-th project registered in the region in the year.</summary>
    public static string ForProject(string sector, string regionCode, int year, int sequence)
    {
        if (regionCode.Length != 6 || !regionCode.All(char.IsAsciiDigit))
        {
            throw new ArgumentException("行政区划代码应为 6 位数字。", nameof(regionCode));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(year, 2000);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, 9999);
        ArgumentOutOfRangeException.ThrowIfLessThan(sequence, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(sequence, 99_999_999);
        var body = string.Create(CultureInfo.InvariantCulture, $"{SectorLetter(sector)}{regionCode}{year:D4}{sequence:D8}");
        return body + CheckCharacter(body);
    }

    /// <summary>The code of lot <paramref name="number"/> of the project.</summary>
    public static string ForLot(string projectCode, int number)
    {
        if (!IsValidProject(projectCode))
        {
            throw new ArgumentException("项目的统一交易标识码无效。", nameof(projectCode));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(number, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(number, MaxLots);
        return projectCode + number.ToString("D3", CultureInfo.InvariantCulture);
    }

    /// <summary>Whether a string is a well-formed project code with a correct check character.</summary>
    public static bool IsValidProject(string? code) =>
        code is { Length: ProjectLength }
        && "ETKCZQ".Contains(code[0], StringComparison.Ordinal)
        && code.AsSpan(1, 18).ToString().All(char.IsAsciiDigit)
        && code[19] == CheckCharacter(code[..19]);

    /// <summary>Whether a string is a well-formed lot code.</summary>
    public static bool IsValidLot(string? code) =>
        code is { Length: LotLength } && IsValidProject(code[..ProjectLength]) && code[ProjectLength..].All(char.IsAsciiDigit)
        && code[ProjectLength..] != "000";

    private static char CheckCharacter(string body)
    {
        var sum = 0;
        var weight = 1;
        foreach (var c in body)
        {
            weight = weight * 3 % 31;
            var value = char.IsAsciiDigit(c) ? c - '0' : (c - 'A' + 10) % 31;
            sum += value * weight;
        }

        return Alphabet[(31 - (sum % 31)) % 31];
    }
}
