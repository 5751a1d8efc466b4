using System.Globalization;
using System.Text;
using Ggzy.Sealing;

namespace Ggzy.Credit.Domain;

/// <summary>
/// 公民身份号码 (GB 11643-1999): region (6), date of birth (8), sequence (3), check character (ISO 7064 MOD 11-2).
/// The platform stores only <see cref="Digest"/> and <see cref="Masked"/>, never the number.
/// </summary>
internal static class ResidentIdNumber
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckCharacters = "10X98765432";

    public static bool TryNormalize(string? input, out string number, out string error)
    {
        number = (input ?? "").Trim().ToUpperInvariant();
        if (number.Length != 18 || !number[..17].All(char.IsAsciiDigit) || !(char.IsAsciiDigit(number[17]) || number[17] == 'X'))
        {
            error = "专家居民身份证号码应为 18 位：前 17 位为数字，最后一位为数字或 X（GB 11643-1999），请核对身份证。";
            return false;
        }

        if (!DateOnly.TryParseExact(number.Substring(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            error = "专家居民身份证号码第 7–14 位（出生日期）不是有效日期，请核对身份证。";
            return false;
        }

        if (number[17] != CheckCharacter(number.AsSpan(0, 17)))
        {
            error = "专家居民身份证号码第 18 位（校验码，GB 11643-1999）与前 17 位不符，请逐位核对身份证。";
            return false;
        }

        error = "";
        return true;
    }

    public static char CheckCharacter(ReadOnlySpan<char> first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += (first17[i] - '0') * Weights[i];
        }

        return CheckCharacters[sum % 11];
    }

    // An unkeyed digest keeps the number off pages, exports and the Ledger; it does not stop someone with the database
    // from trying every plausible number (ADR 0008).
    public static string Digest(string number) => Sm3.HashHex(Encoding.UTF8.GetBytes("ggzy.expert-id:" + number));

    public static string Masked(string number) => number[..6] + new string('*', 8) + number[14..];
}
