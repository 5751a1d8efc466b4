using Ggzy.Experts.Contracts;
using Ggzy.Platform.Rules;

namespace Ggzy.Experts.Drawing;

/// <summary>The recusal reasons (回避及不得抽取的情形): stable codes, Chinese reasons and the provisions they rest on.</summary>
internal static class RecusalReasons
{
    public const string Opinions1117 = "《关于严格执行招标投标法规制度进一步规范招标投标主体行为的若干意见》（发改法规规〔2022〕1117号）";

    public const string Suspended = "suspended";
    public const string Blacklisted = "blacklisted";
    public const string Debarred = "debarred";
    public const string Inactive = "inactive";
    public const string NotQualified = "not-qualified";
    public const string OnLeave = "on-leave";
    public const string TendererEmployee = "employee-tenderer";
    public const string AgencyEmployee = "employee-agency";
    public const string BidderEmployee = "employee-bidder";
    public const string Relative = "relative";
    public const string Frequency = "frequency";
    public const string CenterPrefix = "center:";

    public const string StandingCitation = Opinions1117 + "（十四）";
    public const int EngineeringYears = 8;
    public const string QualificationCitation = StatutoryRules.TenderLaw + "第三十七条";
    public const string LeaveCitation = "本平台专家库管理规则：专家请假期间暂停抽取";

    public static string EmploymentCitation(DrawRegime regime, string party) => (regime, party) switch
    {
        (DrawRegime.Tender, BidderEmployee) => StatutoryRules.TenderLaw + "第三十七条；" + StatutoryRules.TenderRegulations + "第四十六条；"
            + "前三年内的劳动关系按" + StatutoryRules.ProcurementRegulations + "第九条的期限认定",
        (DrawRegime.Tender, _) => StatutoryRules.TenderLaw + "第三十七条（招标人、代理机构的人员只能作为招标人代表参加评标委员会）",
        (DrawRegime.Procurement, BidderEmployee) => StatutoryRules.ProcurementRegulations + "第九条",
        (DrawRegime.Procurement, _) => StatutoryRules.Order87 + "第四十七条；" + StatutoryRules.ProcurementRegulations + "第九条",
        _ => throw new ArgumentOutOfRangeException(nameof(regime), regime, null),
    };

    public static string RelativeCitation(DrawRegime regime) => regime == DrawRegime.Tender
        ? StatutoryRules.TenderLaw + "第三十七条；" + StatutoryRules.TenderRegulations + "第四十六条"
        : StatutoryRules.ProcurementRegulations + "第九条";

    /// <summary>The reason's name as the center's draw page counts it.</summary>
    public static string Label(string code) => code switch
    {
        Suspended => "暂停评标资格",
        Blacklisted => "列入黑名单",
        Debarred => "失信惩戒",
        Inactive => "不在库（已停用或退出）",
        NotQualified => "不满足评标专家条件（从业满八年并具有高级职称或者同等专业水平）",
        OnLeave => "请假",
        TendererEmployee => "招标人（采购人）的现任或三年内离任人员",
        AgencyEmployee => "代理机构的现任或三年内离任人员",
        BidderEmployee => "投标人（供应商）的现任或三年内离任人员",
        Relative => "近亲属在招标人、代理机构或投标人任职",
        Frequency => "为同一招标人评标次数超过限额",
        _ when code.StartsWith(CenterPrefix, StringComparison.Ordinal) => "交易中心规则：" + code[CenterPrefix.Length..],
        _ => code,
    };
}
