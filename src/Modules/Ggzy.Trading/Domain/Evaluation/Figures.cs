using System.Globalization;

namespace Ggzy.Trading.Domain.Evaluation;

/// <summary>How evaluation figures read in Chinese text and how they are rounded (四舍五入, docs/evaluation.md §5).</summary>
internal static class Figures
{
    /// <summary>Points without trailing zeros: 27.5, 30.</summary>
    public static string Points(decimal points) => points.ToString("0.####", CultureInfo.InvariantCulture);

    /// <summary>A price in 元 with two places and thousands separators: 1,234,567.80 元.</summary>
    public static string Yuan(decimal amount) => amount.ToString("#,##0.00", CultureInfo.InvariantCulture) + " 元";

    public static string Percent(decimal percent) => percent.ToString("0.####", CultureInfo.InvariantCulture) + "%";

    /// <summary>Half away from zero (四舍五入) to <paramref name="decimals"/> places.</summary>
    public static decimal Round(decimal value, int decimals) => decimal.Round(value, decimals, MidpointRounding.AwayFromZero);

    /// <summary>A price rounded to the 分 (四舍五入).</summary>
    public static decimal Fen(decimal amount) => decimal.Round(amount, 2, MidpointRounding.AwayFromZero);
}
