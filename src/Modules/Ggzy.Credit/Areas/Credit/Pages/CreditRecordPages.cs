using System.Globalization;
using Ggzy.Credit.Contracts;

namespace Ggzy.Credit.Areas.Credit.Pages;

/// <summary>Small formatting shared by the credit record pages.</summary>
internal static class CreditRecordPages
{
    public static string StatusName(CreditRecordStatus status) => status switch
    {
        CreditRecordStatus.Current => "现行",
        CreditRecordStatus.Corrected => "已更正",
        CreditRecordStatus.Revoked => "已撤销",
        _ => status.ToString(),
    };

    public static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Period(CreditRecordInfo r) =>
        $"{Day(r.EffectiveFrom)} 起" + (r.EffectiveUntil is { } until ? $"至 {Day(until)}" : (r.Kind == CreditRecordKind.Debarment ? "，未定期限" : ""));
}
