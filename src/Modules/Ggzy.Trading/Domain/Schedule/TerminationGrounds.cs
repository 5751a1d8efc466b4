using Ggzy.Platform.Rules;

namespace Ggzy.Trading.Domain.Schedule;

/// <summary>A ground on which a lot's procedure may be terminated (终止), with the provision that allows it.</summary>
/// <param name="Code">The stable code a client sends (e.g. <c>no-disposal-right</c>).</param>
/// <param name="Regime">The regime it applies to.</param>
/// <param name="Label">The ground as the 终止公告 states it.</param>
/// <param name="Citation">The provision that names the ground.</param>
internal sealed record TerminationGround(string Code, Regime Regime, string Label, string Citation)
{
    /// <summary>The ground and its provision as one line (the 终止公告's, the step's).</summary>
    public string Statement => $"{Label}（依据：{Citation}）";
}

/// <summary>
/// The grounds of termination (R18, T31). 工程招标: the three of Jilin-Rules §17 (a lot is terminated once the
/// supervisory department has confirmed the ground); the duty that follows (notice, refunds with interest) is
/// 实施条例 第三十一条's. 政府采购: once the notice is published the purchaser may terminate only when a major change
/// cancels the procurement task (87号令 第二十九条; 采购法 第三十六条 (四)).
/// </summary>
internal static class TerminationGrounds
{
    public const string JilinRules = "《吉林市公共资源交易平台服务管理细则》第十七条";

    public static readonly TerminationGround NoDisposalRight = new("no-disposal-right", Regime.Tender,
        "人民法院、仲裁机构或者有关行政执法机关确认项目单位对其委托的交易项目无处理权",
        JilinRules + "第一项");

    public static readonly TerminationGround ProjectIdle = new("project-idle", Regime.Tender,
        "项目自委托之日起因项目单位原因三个月内不进行交易，经催告后七日内无正当理由仍不进行交易",
        JilinRules + "第二项");

    public static readonly TerminationGround OtherTender = new("other", Regime.Tender,
        "其他应当终止交易的情形（须在说明中写明具体情形及其依据）",
        JilinRules + "第三项");

    public static readonly TerminationGround ProcurementCancelled = new("procurement-cancelled", Regime.Procurement,
        "因重大变故，采购任务取消",
        StatutoryRules.Order87 + "第二十九条；" + StatutoryRules.ProcurementLaw + "第三十六条第一款第（四）项");

    public static readonly IReadOnlyList<TerminationGround> All = [NoDisposalRight, ProjectIdle, OtherTender, ProcurementCancelled];

    /// <summary>The grounds open to a regime, in the order shown.</summary>
    public static IReadOnlyList<TerminationGround> Of(Regime regime) => [.. All.Where(g => g.Regime == regime)];

    /// <summary>The ground of this code in this regime, or null.</summary>
    public static TerminationGround? Find(Regime regime, string? code) =>
        All.SingleOrDefault(g => g.Regime == regime && string.Equals(g.Code, code?.Trim(), StringComparison.OrdinalIgnoreCase));
}
