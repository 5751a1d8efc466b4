using System.Globalization;
using Ggzy.Platform.Errors;
using Ggzy.Trading.Contracts;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Ggzy.Trading.Areas.Trading.Pages;

/// <summary>Display helpers of the catalog pages, and refusals put on a form in Chinese.</summary>
internal static class CatalogPages
{
    /// <summary>
    /// A version's status as a reader needs it: a version published with a later effective day is 待生效 until that
    /// day, and the version it will replace stays 现行 until then.
    /// </summary>
    public static string Status(CatalogVersionInfo version) => (version.Status, version.IsCurrent) switch
    {
        (CatalogVersionStatus.Published, true) => "已发布（现行）",
        (CatalogVersionStatus.Superseded, true) => "已发布（现行，新版本生效后被取代）",
        (CatalogVersionStatus.Published, false) => "已发布，待生效",
        _ => Status(version.Status),
    };

    public static string Status(CatalogVersionStatus status) => status switch
    {
        CatalogVersionStatus.Draft => "草稿",
        CatalogVersionStatus.Submitted => "待审批",
        CatalogVersionStatus.Approved => "已审批，待发布",
        CatalogVersionStatus.Rejected => "已退回",
        CatalogVersionStatus.Published => "已发布",
        CatalogVersionStatus.Superseded => "已被取代",
        _ => "",
    };

    public static string Verdict(CatalogVerdict verdict) => verdict switch
    {
        CatalogVerdict.MustEnter => "必须进场交易",
        CatalogVerdict.MayEnterVoluntarily => "可自愿进场交易",
        CatalogVerdict.NotInCatalog => "不在交易目录之内",
        _ => "",
    };

    public static string Yuan(decimal amount) => amount.ToString("#,0.##", CultureInfo.InvariantCulture) + " 元";

    public static string Region(string code) => CatalogNames.RegionName(code);

    public static string Day(DateTimeOffset? at) => at is { } t ? ChinaDay(t) : "—";

    private static string ChinaDay(DateTimeOffset t) =>
        t.ToOffset(Platform.Time.ChinaTime.Offset).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    internal static void AddErrors(ModelStateDictionary modelState, Exception refusal, string prefix)
    {
        switch (refusal)
        {
            case InputValidationException invalid:
                foreach (var (field, messages) in invalid.Errors)
                {
                    modelState.AddModelError($"{prefix}.{char.ToUpperInvariant(field[0])}{field[1..]}", string.Concat(messages));
                }

                break;
            case BusinessRuleException rule:
                modelState.AddModelError(string.Empty, rule.Citation is null || rule.Message.Contains(rule.Citation, StringComparison.Ordinal)
                    ? rule.Message : $"{rule.Message}（依据：{rule.Citation}）");
                break;
            default:
                modelState.AddModelError(string.Empty, refusal.Message);
                break;
        }
    }
}
