using static Ggzy.Platform.Rules.RuleConfidence;
using static Ggzy.Platform.Rules.RuleUnit;

namespace Ggzy.Platform.Rules;

/// <summary>
/// Every number the law fixes that the platform enforces, in one place, with the article and the confidence label of
/// national-rules.md §B.1–B.2. A region may only tighten them (<see cref="StatutoryRuleRegistry"/>).
/// </summary>
public static class StatutoryRules
{
    public const string TenderLaw = "《中华人民共和国招标投标法》";
    public const string TenderRegulations = "《中华人民共和国招标投标法实施条例》";
    public const string ProcurementLaw = "《中华人民共和国政府采购法》";
    public const string ProcurementRegulations = "《中华人民共和国政府采购法实施条例》";
    public const string Order87 = "《政府采购货物和服务招标投标管理办法》（财政部令第87号）";
    public const string TianjinRules = "《天津市公共资源交易平台服务管理细则（试行）》";
    public const string Order12 = "《评标委员会和评标方法暂行规定》（七部委令第12号）";
    public const string Opinions1117 = "《关于严格执行招标投标法规制度进一步规范招标投标主体行为的若干意见》（发改法规规〔2022〕1117号）";

    public const string DayCounting =
        "开始当天不计入，从次日开始计算；期限的最后一日是法定节假日或休息日的，顺延至其后第一个工作日（" + Order87 + "第八十五条）";

    public const string WorkingDayCounting =
        "开始当天不计入，从次日起只计工作日，法定节假日和休息日不计，调休上班日计入（" + Order87 + "第八十五条）";

    public const string BoundCounting = "“以上”“以下”“内”“以内”包括本数，“不足”不包括本数（" + Order87 + "第八十六条）";

    public static readonly StatutoryRule TenderInvitees = Min("tender.invitation.min-invitees",
        "邀请招标发出投标邀请书的对象数量", 3, Count, TenderLaw + "第十七条");

    public static readonly StatutoryRule TenderDocumentsSale = Min("tender.documents-sale.min-days",
        "资格预审文件或者招标文件的发售期", 5, CalendarDays, TenderRegulations + "第十六条");

    public static readonly StatutoryRule TenderDocumentsToDeadline = Min("tender.documents-to-deadline.min-days",
        "依法必须进行招标的项目自招标文件开始发出之日起至提交投标文件截止之日止的期限", 20, CalendarDays, TenderLaw + "第二十四条");

    public static readonly StatutoryRule TenderClarificationToDeadline = Min("tender.clarification-to-deadline.min-days",
        "澄清或者修改招标文件距投标截止时间的期限", 15, CalendarDays, TenderLaw + "第二十三条；" + TenderRegulations + "第二十一条");

    public static readonly StatutoryRule TenderPrequalificationApplication = Min("tender.prequalification-application.min-days",
        "自资格预审文件停止发售之日起至提交资格预审申请文件截止之日止的期限", 5, CalendarDays, TenderRegulations + "第十七条");

    public static readonly StatutoryRule TenderPrequalificationClarification = Min("tender.prequalification-clarification.min-days",
        "澄清或者修改资格预审文件距提交资格预审申请文件截止时间的期限", 3, CalendarDays, TenderRegulations + "第二十一条");

    // How long before the deadline a potential bidder must raise an objection (异议) is a limit on the bidder's right:
    // a region may only ask for less, so these are maximums of the lead time the platform may require.
    public static readonly StatutoryRule TenderDocumentsObjection = Max("tender.documents-objection.lead-days",
        "对招标文件提出异议须早于投标截止时间的天数", 10, CalendarDays, TenderRegulations + "第二十二条");

    public static readonly StatutoryRule TenderPrequalificationObjection = Max("tender.prequalification-objection.lead-days",
        "对资格预审文件提出异议须早于提交资格预审申请文件截止时间的天数", 2, CalendarDays, TenderRegulations + "第二十二条");

    public static readonly StatutoryRule TenderObjectionReply = Max("tender.objection-reply.max-days",
        "自收到异议之日起作出答复的期限（作出答复前暂停招标投标活动）", 3, CalendarDays, TenderRegulations + "第二十二条");

    public static readonly StatutoryRule TenderBidSecurity = Max("tender.bid-security.max-percent",
        "投标保证金占招标项目估算价的比例", 2, Percent, TenderRegulations + "第二十六条");

    public static readonly StatutoryRule TenderBidSecurityWithdrawalRefund = Max("tender.bid-security-refund.withdrawal.max-days",
        "投标截止时间前撤回投标文件的，自收到书面撤回通知之日起退还投标保证金的期限", 5, CalendarDays, TenderRegulations + "第三十五条");

    public static readonly StatutoryRule TenderBidSecurityRefund = Max("tender.bid-security-refund.contract.max-days",
        "自书面合同签订之日起向中标人和未中标的投标人退还投标保证金及银行同期存款利息的期限", 5, CalendarDays,
        TenderRegulations + "第五十七条");

    public static readonly StatutoryRule TenderOpeningBidders = Min("tender.opening.min-bidders",
        "开标所需的投标人数量（少于 3 个的不得开标）", 3, Count, TenderLaw + "第二十八条；" + TenderRegulations + "第四十四条");

    public static readonly StatutoryRule TenderCommitteeMembers = Min("tender.committee.min-members",
        "评标委员会成员人数（五人以上单数）", 5, Count, TenderLaw + "第三十七条");

    public static readonly StatutoryRule TenderCandidatePublicity = Min("tender.candidate-publicity.min-days",
        "中标候选人公示期", 3, CalendarDays, TenderRegulations + "第五十四条");

    public static readonly StatutoryRule TenderAwardToContract = Max("tender.award-to-contract.max-days",
        "自中标通知书发出之日起订立书面合同的期限", 30, CalendarDays, TenderLaw + "第四十六条");

    public static readonly StatutoryRule TenderPerformanceSecurity = Max("tender.performance-security.max-percent",
        "履约保证金占中标合同金额的比例", 10, Percent, TenderRegulations + "第五十八条");

    // The windows in which a party may challenge or complain are its statutory rights: a region may lengthen them,
    // never shorten them, so they are minimums of the time the platform must accept a challenge or complaint.
    public static readonly StatutoryRule TenderComplaint = Min("tender.complaint.window-days",
        "自知道或者应当知道之日起提出投诉的期限", 10, CalendarDays, TenderRegulations + "第六十条");

    // Evaluation and award (docs/evaluation.md): how many candidates, how many valid bids keep the competition, and
    // the timings after the report (Ggzy.Trading Domain/Award).
    public static readonly StatutoryRule TenderValidBids = Min("tender.evaluation.min-valid-bids",
        "有效投标的数量（不足 3 个使得投标明显缺乏竞争的，评标委员会可以否决全部投标，并在评标报告中记载论证过程和结果）", 3, Count,
        Order12 + "第二十七条；" + Opinions1117 + "（十三）", Curated);

    public static readonly StatutoryRule TenderCandidates = Max("tender.candidates.max-count",
        "评标委员会推荐的中标候选人数量（标明排序）", 3, Count, TenderRegulations + "第五十三条");

    public static readonly StatutoryRule TenderCandidatePublicityStart = Max("tender.candidate-publicity.start.max-days",
        "自收到评标报告之日起公示中标候选人的期限", 3, CalendarDays, TenderRegulations + "第五十四条");

    public static readonly StatutoryRule TenderResultObjectionReply = Max("tender.result-objection-reply.max-days",
        "自收到对评标结果的异议之日起作出答复的期限（作出答复前暂停招标投标活动）", 3, CalendarDays, TenderRegulations + "第五十四条");

    public static readonly StatutoryRule TenderAwardReport = Max("tender.award-report.max-days",
        "自确定中标人之日起向有关行政监督部门提交招标投标情况书面报告的期限", 15, CalendarDays, TenderLaw + "第四十七条");

    public static readonly StatutoryRule ProcurementDocumentsToDeadline = Min("procurement.documents-to-deadline.min-days",
        "政府采购招标自招标文件开始发出之日起至投标人提交投标文件截止之日止的期限", 20, CalendarDays, ProcurementLaw + "第三十五条");

    public static readonly StatutoryRule ProcurementDocumentsProvision = Min("procurement.documents-provision.min-working-days",
        "政府采购招标文件的提供期限", 5, WorkingDays, Order87 + "第十八条");

    public static readonly StatutoryRule ProcurementClarificationToDeadline = Min("procurement.clarification-to-deadline.min-days",
        "政府采购澄清或者修改招标文件距投标截止时间的期限", 15, CalendarDays, Order87 + "第二十七条");

    public static readonly StatutoryRule ProcurementNoticePeriod = Min("procurement.notice-period.min-working-days",
        "政府采购招标公告、资格预审公告的公告期限", 5, WorkingDays, Order87 + "第十六条");

    public static readonly StatutoryRule ProcurementPrequalificationApplication = Min("procurement.prequalification-application.min-working-days",
        "自资格预审公告发布之日起至提交资格预审申请文件截止之日止的期限", 5, WorkingDays, ProcurementRegulations + "第二十一条");

    public static readonly StatutoryRule ProcurementPrequalificationClarification = Min("procurement.prequalification-clarification.min-days",
        "政府采购澄清或者修改资格预审文件距提交资格预审申请文件截止时间的期限", 3, CalendarDays, ProcurementRegulations + "第三十一条");

    public static readonly StatutoryRule ProcurementInvitees = Min("procurement.invitation.min-invitees",
        "政府采购邀请招标随机抽取并书面记录的供应商数量", 3, Count, ProcurementLaw + "第三十四条；" + Order87 + "第十四条");

    public static readonly StatutoryRule ProcurementBidSecurity = Max("procurement.bid-security.max-percent",
        "政府采购投标保证金占采购项目预算金额的比例", 2, Percent, ProcurementRegulations + "第三十三条");

    public static readonly StatutoryRule ProcurementBidSecurityRefund = Max("procurement.bid-security-refund.max-working-days",
        "政府采购退还投标保证金的期限（撤回投标文件的自收到书面撤回通知之日起，未中标人自中标通知书发出之日起，中标人自采购合同签订之日起）",
        5, WorkingDays, Order87 + "第三十八条；" + ProcurementRegulations + "第三十三条");

    public static readonly StatutoryRule ProcurementTerminationRefund = Max("procurement.bid-security-refund.termination.max-working-days",
        "终止招标的，自终止之日起退还所收取的投标保证金及其在银行产生的孳息的期限", 5, WorkingDays, Order87 + "第二十九条");

    public static readonly StatutoryRule ProcurementOpeningBidders = Min("procurement.opening.min-bidders",
        "政府采购公开招标开标所需的投标人数量（投标截止时间结束后参加投标的供应商不足 3 家的不得开标）", 3, Count,
        Order87 + "第四十一条；" + ProcurementLaw + "第三十六条");

    public static readonly StatutoryRule ProcurementCommitteeMembers = Min("procurement.committee.min-members",
        "政府采购评标委员会成员人数（五人以上单数）", 5, Count, Order87 + "第四十七条");

    // A region may tighten the threshold (lower it), so that more projects need the larger committee.
    public static readonly StatutoryRule ProcurementLargeCommitteeThreshold = Max("procurement.committee.large-budget.threshold",
        "采购预算金额达到该数额以上的，评标委员会成员人数应当为七人以上单数", 1000, Amount, Order87 + "第四十七条");

    public static readonly StatutoryRule ProcurementLargeCommitteeMembers = Min("procurement.committee.large.min-members",
        "采购预算金额在 1000 万元以上、技术复杂或者社会影响较大的项目，评标委员会成员人数（七人以上单数）", 7, Count, Order87 + "第四十七条");

    public static readonly StatutoryRule ProcurementGroupMembers = Min("procurement.negotiation-group.min-members",
        "竞争性谈判小组、询价小组成员人数（三人以上单数）", 3, Count, ProcurementLaw + "第三十八条、第四十条");

    public static readonly StatutoryRule ProcurementAwardToContract = Max("procurement.award-to-contract.max-days",
        "自中标通知书发出之日起签订政府采购合同的期限", 30, CalendarDays, ProcurementLaw + "第四十六条；" + Order87 + "第七十一条");

    public static readonly StatutoryRule ProcurementPerformanceSecurity = Max("procurement.performance-security.max-percent",
        "政府采购履约保证金占合同金额的比例", 10, Percent, ProcurementRegulations + "第四十八条");

    public static readonly StatutoryRule ProcurementChallenge = Min("procurement.challenge.window-working-days",
        "自知道或者应知其权益受到损害之日起提出质疑的期限", 7, WorkingDays, ProcurementLaw + "第五十二条");

    public static readonly StatutoryRule ProcurementChallengeReply = Max("procurement.challenge-reply.max-working-days",
        "自收到书面质疑之日起答复质疑的期限", 7, WorkingDays, ProcurementLaw + "第五十三条");

    public static readonly StatutoryRule ProcurementComplaint = Min("procurement.complaint.window-working-days",
        "质疑答复期满后提起投诉的期限", 15, WorkingDays, ProcurementLaw + "第五十五条");

    public static readonly StatutoryRule ProcurementGoodsPriceWeight = Min("procurement.price-weight.goods.min-percent",
        "综合评分法中货物项目的价格分值占总分值的比重", 30, Percent, Order87 + "第五十五条");

    public static readonly StatutoryRule ProcurementServicesPriceWeight = Min("procurement.price-weight.services.min-percent",
        "综合评分法中服务项目的价格分值占总分值的比重", 10, Percent, Order87 + "第五十五条");

    public static readonly StatutoryRule ProcurementEvaluationBidders = Min("procurement.evaluation.min-bidders",
        "通过资格审查和符合性审查、可以评标的投标人数量（不足 3 家的不得评标）", 3, Count,
        Order87 + "第四十三条、第四十四条；" + ProcurementLaw + "第三十六条");

    public static readonly StatutoryRule ProcurementReportToPurchaser = Max("procurement.report-to-purchaser.max-working-days",
        "评标结束后采购代理机构将评标报告送采购人的期限", 2, WorkingDays, Order87 + "第六十八条");

    public static readonly StatutoryRule ProcurementAwardDecision = Max("procurement.award-decision.max-working-days",
        "采购人自收到评标报告之日起确定中标人的期限（逾期未确定又不能说明合法理由的，视同确定排名第一的中标候选人）", 5,
        WorkingDays, Order87 + "第六十八条");

    public static readonly StatutoryRule ProcurementResultNotice = Max("procurement.result-notice.max-working-days",
        "自中标人确定之日起公告中标结果的期限（同时发出中标通知书）", 2, WorkingDays,
        Order87 + "第六十九条；" + ProcurementRegulations + "第四十三条");

    public static readonly StatutoryRule ProcurementResultNoticePeriod = Min("procurement.result-notice.period-working-days",
        "中标公告期限", 1, WorkingDays, Order87 + "第六十九条");

    public static readonly StatutoryRule ProcurementContractPublication = Max("procurement.contract-publication.max-working-days",
        "自政府采购合同签订之日起公告合同的期限", 2, WorkingDays, ProcurementRegulations + "第五十条");

    public static readonly StatutoryRule ProcurementRecordRetention = Min("procurement.records.min-retention-years",
        "采购文件自采购结束之日起的保存期限", 15, Years, ProcurementLaw + "第四十二条");

    // Tianjin §24 and Jilin-Rules §34 are local rules, kept because the platform serves those cities (requirements.md R28).
    public static readonly StatutoryRule CreditRecordPublication = Max("credit.record-publication.max-working-days",
        "自作出行政决定之日起公开信用奖惩等信息并交换至交易电子服务系统的期限", 7, WorkingDays,
        TianjinRules + "第二十四条；《吉林市公共资源交易平台服务管理细则》第三十四条", Implementation);

    // Jilin-Rules §17: "经行政监督管理部门确认，应当终止交易活动" — read strictly, a 工程 lot is terminated only once the
    // department has confirmed; the platform holds the termination until then (Trading: FailurePaths). Value 1 = required.
    public static readonly StatutoryRule TenderTerminationConfirmation = Min("tender.termination.supervisor-confirmation",
        "终止工程建设项目交易活动前须经行政监督管理部门确认（1 为须经确认，终止公告在确认后发布）", 1, Count,
        "《吉林市公共资源交易平台服务管理细则》第十七条", Implementation);

    // 评标委员会的专家 “应当从事相关领域工作满八年并具有高级职称或者具有同等专业水平” (招标投标法 第三十七条): the years are
    // the number; the title is the rule's other half, checked beside it (Experts: ExpertQualificationRule).
    public static readonly StatutoryRule ExpertPracticeYears = Min("expert.engineering.min-practice-years",
        "工程建设项目评标专家从事相关领域工作的年限", 8, Years, TenderLaw + "第三十七条；《评标委员会和评标方法暂行规定》第十一条");

    public static readonly IReadOnlyList<StatutoryRule> All =
    [
        TenderInvitees, TenderDocumentsSale, TenderDocumentsToDeadline, TenderClarificationToDeadline,
        TenderPrequalificationApplication, TenderPrequalificationClarification, TenderDocumentsObjection,
        TenderPrequalificationObjection, TenderObjectionReply, TenderBidSecurity, TenderBidSecurityWithdrawalRefund,
        TenderBidSecurityRefund,
        TenderOpeningBidders, TenderCommitteeMembers, TenderCandidatePublicity, TenderAwardToContract,
        TenderPerformanceSecurity, TenderComplaint, ProcurementDocumentsToDeadline, ProcurementDocumentsProvision,
        ProcurementClarificationToDeadline, ProcurementNoticePeriod, ProcurementPrequalificationApplication,
        ProcurementPrequalificationClarification, ProcurementInvitees, ProcurementBidSecurity,
        ProcurementBidSecurityRefund, ProcurementTerminationRefund, ProcurementOpeningBidders, ProcurementCommitteeMembers,
        ProcurementLargeCommitteeThreshold, ProcurementLargeCommitteeMembers, ProcurementGroupMembers, ProcurementAwardToContract,
        ProcurementPerformanceSecurity, ProcurementChallenge, ProcurementChallengeReply, ProcurementComplaint, CreditRecordPublication,
        ExpertPracticeYears,
        TenderValidBids, TenderCandidates, TenderCandidatePublicityStart, TenderResultObjectionReply, TenderAwardReport,
        ProcurementGoodsPriceWeight, ProcurementServicesPriceWeight, ProcurementEvaluationBidders, ProcurementReportToPurchaser,
        ProcurementAwardDecision, ProcurementResultNotice, ProcurementResultNoticePeriod, ProcurementContractPublication,
        ProcurementRecordRetention, TenderTerminationConfirmation,
    ];

    private static readonly Dictionary<string, StatutoryRule> ByKey = All.ToDictionary(r => r.Key, StringComparer.Ordinal);

    public static StatutoryRule? Find(string key) => ByKey.GetValueOrDefault(key);

    private static StatutoryRule Min(string key, string name, decimal value, RuleUnit unit, string citation, RuleConfidence confidence = Official) =>
        new(key, name, value, unit, RuleDirection.Minimum, CountingFor(unit), citation, confidence);

    private static StatutoryRule Max(string key, string name, decimal value, RuleUnit unit, string citation, RuleConfidence confidence = Official) =>
        new(key, name, value, unit, RuleDirection.Maximum, CountingFor(unit), citation, confidence);

    private static string CountingFor(RuleUnit unit) => unit switch
    {
        CalendarDays => DayCounting,
        WorkingDays => WorkingDayCounting,
        _ => BoundCounting,
    };
}
