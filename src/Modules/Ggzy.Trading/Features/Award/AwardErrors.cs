using Ggzy.Platform.Rules;

namespace Ggzy.Trading.Features.Award;

/// <summary>The refusals of the award (Chinese, saying what to fix), their stable codes (docs/award.md) and provisions.</summary>
internal static class AwardErrors
{
    public const string PublicityCitation = StatutoryRules.TenderRegulations + "第五十四条；《招标公告和公示信息发布管理办法》（国家发展改革委令第10号）第六条";
    public const string ObjectionCitation = StatutoryRules.TenderRegulations + "第五十四条";
    public const string AwardCitation = StatutoryRules.TenderRegulations + "第五十五条";
    public const string ProcurementAwardCitation = StatutoryRules.Order87 + "第六十八条";
    public const string NoticeCitation = StatutoryRules.TenderLaw + "第四十五条；" + StatutoryRules.Order87 + "第六十九条";
    public const string ContractCitation = StatutoryRules.TenderLaw + "第四十六条；" + StatutoryRules.ProcurementLaw + "第四十六条";
    public const string ContractPublicationCitation = StatutoryRules.ProcurementRegulations + "第五十条";
    public const string ProcurementChallengeCitation = StatutoryRules.ProcurementLaw + "第五十二条";

    public const string ObjectionChannel =
        "投标人或者其他利害关系人对评标结果有异议的，应当在中标候选人公示期间通过本平台该标段的“定标与合同”页面提出；"
        + "招标人自收到异议之日起 3 日内作出答复，作出答复前暂停招标投标活动（依据：" + ObjectionCitation + "）。";

    public const string LotNotFound = "没有找到该标段。";
    public const string NoReport = "该标段的评标报告尚未签署完成：评标委员会签署评标报告后，才能公示中标候选人或者确定中标人。";
    public const string AllRejected = "评标委员会否决了全部投标，没有中标候选人：招标人应当依法重新招标（" + StatutoryRules.TenderLaw + "第二十八条、第四十二条）。";
    public const string NotYours = "只有该项目的招标人（采购人）、代理机构、交易中心、监管部门和参加评标的投标人可以查看定标与合同。";
    public const string NotRunning = "只有该项目的招标人（采购人）或其委托的代理机构可以进行此项操作。";
    public const string NotABidder = "只有参加了该标段评标的投标人可以对评标结果提出异议。";
    public const string State = "标段处于“{0}”状态，不能{1}。";
    public const string ProcurementNoPublicity = "政府采购项目不进行中标候选人公示：采购人确定中标（成交）供应商后，公告中标（成交）结果并同时发出中标（成交）通知书（依据："
        + StatutoryRules.Order87 + "第六十九条）。";
    public const string ProcurementObjection = "政府采购项目不适用对评标结果的异议：供应商认为采购过程或者中标、成交结果使其权益受到损害的，可以在知道或者应知其权益受到损害之日起 7 个工作日内以书面形式向采购人提出质疑（依据："
        + ProcurementChallengeCitation + "）。";
    public const string ChallengeCitation = StatutoryRules.ProcurementLaw + "第五十二条、第五十三条；" + StatutoryRules.ProcurementRegulations + "第五十三条";
    public const string ChallengeBeforeResult = "中标结果尚未公告：对中标结果的质疑在结果公告后提出（对采购文件、采购过程的质疑请以书面形式向采购人或者采购代理机构提出）（依据：" + ChallengeCitation + "）。";
    public const string ChallengeOutOfTime = "对中标结果的质疑应当在知道或者应知其权益受到损害之日（中标结果公告期限届满之日，{0}）起 7 个工作日内提出，即最迟 {1}；现在已超过期限（依据：" + ChallengeCitation + "）。";
    public const string ChallengeText = "请填写质疑内容（1–2000 字）：质疑事项、具体请求、事实依据和理由（依据：" + ChallengeCitation + "）。";
    public const string ChallengeOpen = "有 {0} 件对中标结果的质疑尚未答复：答复前暂缓签订合同（依据：" + ChallengeCitation + "）。";
    public const string ObjectionOutOfTime = "对评标结果的异议应当在中标候选人公示期间（{0} 至 {1}）提出，现在（{2}）不在公示期内（依据：" + ObjectionCitation + "）。";
    public const string ObjectionText = "请填写异议内容（1–2000 字），写明异议的事项和理由（依据：" + ObjectionCitation + "）。";
    public const string AnswerText = "请填写答复内容（1–2000 字）（依据：" + ObjectionCitation + "）。";
    public const string ObjectionNotFound = "没有找到该异议。";
    public const string Answered = "该异议已经答复，不能重复答复。";
    public const string CandidateRequired = "请选择中标人：只能在评标委员会推荐的中标候选人中确定（依据：" + AwardCitation + "）。";
    public const string SkipReasonRequired = "确定排名第 {0} 的中标候选人为中标人，须写明排名在前的中标候选人不能中标的法定理由："
        + "放弃中标、因不可抗力不能履行合同、不按照招标文件要求提交履约保证金，或者被查实存在影响中标结果的违法行为等情形，并说明情况（5–1000 字）（依据：{1}）。";
    public const string SkipReasonNotNeeded = "确定排名第一的中标候选人为中标人，无需填写不能中标的理由，请清空后提交。";
    public const string DeemedFirst = "采购人应当自收到评审报告之日起 5 个工作日内确定中标人，最迟 {0}；逾期未确定又不能说明合法理由的，视同确定排名第一的中标候选人，现在只能确定排名第一的中标候选人（依据："
        + ProcurementAwardCitation + "）。";
    public const string NoAward = "该标段尚未定标（尚未发出中标通知书）。";
    public const string TermsText = "请填写合同主要条款（1–4000 字）：标的、数量、质量、履行期限和地点、付款方式、违约责任等，不得与招标文件和中标人的投标文件的实质性内容相背离（依据："
        + StatutoryRules.TenderLaw + "第四十六条；" + StatutoryRules.ProcurementLaw + "第四十六条）。";
    public const string ContractSigned = "合同已有一方签署，不能再修改；如需变更，双方应当另行协商签订补充合同。";
    public const string NoContract = "招标人尚未起草合同。";
    public const string NotAParty = "只有合同的当事人——采购人（招标人）本单位或者中标人本单位的用户——可以签署合同；代理机构不能代为签署。";
    public const string DigestMismatch = "签署的合同摘要与平台保存的合同不一致：合同可能已被修改，请刷新页面核对最新的合同后再签署。";
    public const string AlreadySigned = "本单位已经签署该合同。";
    public const string NotSigned = "合同尚未由双方签署。";
    public const string ContractPublished = "合同已经公告。";
    public const string PerformanceKind = "请选择履约记录类型：验收、支付、质量缺陷或其他。";
    public const string PerformanceOn = "请填写履约事项的日期：不早于合同签订之日（{0}），不晚于今天（{1}，北京时间）。";
    public const string PerformanceAmount = "金额须为正数（元），最多两位小数；支付记录须填写金额。";
    public const string PerformanceText = "请填写履约情况（1–2000 字）。";

    public const string SupervisorReportRegime = "向行政监督部门提交招标投标情况书面报告的期限（自确定中标人之日起 15 日内）适用于工程建设项目招标；政府采购项目请登记评标报告送采购人的日期（依据："
        + StatutoryRules.TenderLaw + "第四十七条）。";
    public const string SupervisorReportBeforeAward = "尚未确定中标人：书面报告自确定中标人之日起 15 日内提交，请在定标后登记（依据：" + StatutoryRules.TenderLaw + "第四十七条）。";
    public const string SupervisorReportRecipient = "请填写接收书面报告的有关行政监督部门（1–200 字），如“安和市住房和城乡建设局”。";
    public const string ReportDeliveryRegime = "评标报告送采购人的期限（评标结束后 2 个工作日内）适用于政府采购项目；工程建设项目请在定标后登记向行政监督部门提交书面报告的日期（依据："
        + StatutoryRules.Order87 + "第六十八条）。";
    public const string ReportDeliveryRecipient = "请填写接收评标报告的采购人（或其经办人、送达方式）（1–200 字）。";
    public const string FilingOn = "请填写提交（送达）日期：不早于{0}之日（{1}），不晚于今天（{2}，北京时间）（依据：{3}）。";
    public const string FilingReference = "回执或报告编号最多 100 字。";
    public const string Filed = "已经登记，不能重复登记；如登记有误，请联系交易中心更正。";
    public const string CorrectionCenterOnly = "登记的日期只能由交易中心工作人员更正（写明理由，原登记保留并记入交易记录）；如登记有误，请联系交易中心。";
    public const string CorrectionKind = "没有这种登记事项：只能更正 supervisor-report（向行政监督部门提交书面报告）或 report-to-purchaser（评标报告送采购人）。";
    public const string CorrectionNothing = "该事项尚未登记，无可更正；请由招标人（采购人）或代理机构先行登记。";
    public const string CorrectionSame = "更正后的日期与现登记的日期（{0}）相同，无需更正。";
    public const string CorrectionReason = "请写明更正的理由（5–300 字），如“依据行政监督部门出具的回执，实际提交日期为……”。";

    public const string CodeNotFound = "AWARD_NOT_FOUND";
    public const string CodeNoReport = "AWARD_NO_REPORT";
    public const string CodeNotYours = "AWARD_NOT_YOURS";
    public const string CodeState = "AWARD_STATE";
    public const string CodeRegime = "AWARD_REGIME";
    public const string CodePublicityTiming = "AWARD_PUBLICITY_TIMING";
    public const string CodeObjectionTime = "AWARD_OBJECTION_OUT_OF_TIME";
    public const string CodeText = "AWARD_TEXT";
    public const string CodeAnswered = "AWARD_ANSWERED";
    public const string CodeGate = "AWARD_GATE";
    public const string CodeCandidate = "AWARD_CANDIDATE";
    public const string CodeSkipReason = "AWARD_SKIP_REASON";
    public const string CodeDeemedFirst = "AWARD_DEEMED_FIRST";
    public const string CodeContractLocked = "CONTRACT_LOCKED";
    public const string CodeNotAParty = "CONTRACT_NOT_A_PARTY";
    public const string CodeDigest = "CONTRACT_DIGEST";
    public const string CodeAlreadySigned = "CONTRACT_ALREADY_SIGNED";
    public const string CodeNoContract = "CONTRACT_NONE";
    public const string CodePerformance = "CONTRACT_PERFORMANCE";
    public const string CodeFiled = "AWARD_FILED";
}
