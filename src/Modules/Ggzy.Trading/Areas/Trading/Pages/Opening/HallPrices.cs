using System.Globalization;
using Ggzy.Trading.Contracts;

namespace Ggzy.Trading.Areas.Trading.Pages.Opening;

/// <summary>Display helpers of the opening hall.</summary>
internal static class HallPrices
{
    /// <summary>The read-out prices that are numbers, in the order the bids arrived (for the chart).</summary>
    public static IReadOnlyList<(string Bidder, decimal Price)> Of(OpeningView view) =>
        view.Stage is "read-out" or "closed"
            ? [.. view.Bids.Where(b => b.TotalPrice is not null && decimal.TryParse(b.TotalPrice, NumberStyles.Number, CultureInfo.InvariantCulture, out _))
                .Select(b => (b.BidderName, decimal.Parse(b.TotalPrice!, NumberStyles.Number, CultureInfo.InvariantCulture)))]
            : [];

    public static string Short(string name) => name.Length <= 12 ? name : name[..11] + "…";

    public static string StepState(string state) => state switch
    {
        "done" => "已完成",
        "current" => "进行中",
        "skipped" => "不进行",
        _ => "未开始",
    };

    public static string Outcome(string? outcome) => outcome switch
    {
        "decrypted" => "已解密",
        "revoked" => "撤销（解密失败，投标人原因）",
        "withdrawn" => "撤回（解密失败，非投标人原因）",
        "pending" => "待解密",
        _ => "—",
    };

    public static string OutcomeBadge(string outcome) => outcome switch
    {
        "decrypted" => "badge ok",
        "revoked" or "withdrawn" => "badge bad",
        _ => "badge",
    };
}
