using Ggzy.Platform.Rules;

namespace Ggzy.Trading.Features.Evaluation;

/// <summary>The refusals of the evaluation room (Chinese), their stable codes (docs/evaluation.md §11) and provisions.</summary>
internal static class EvaluationErrors
{
    public const string CodeNotFound = "EVALUATION_NOT_FOUND";
    public const string CodeNotYours = "EVALUATION_NOT_YOURS";
    public const string CodeNotSignedIn = "EVALUATION_NOT_SIGNED_IN";
    public const string CodeState = "EVALUATION_STATE";
    public const string CodeCriteria = "EVALUATION_CRITERIA";
    public const string CodeCommittee = "EVALUATION_COMMITTEE";
    public const string CodeVote = "EVALUATION_VOTE";
    public const string CodeReview = "EVALUATION_REVIEW";
    public const string CodeIncomplete = "EVALUATION_INCOMPLETE";
    public const string CodeScore = "EVALUATION_SCORE";
    public const string CodeChair = "EVALUATION_CHAIR_ONLY";
    public const string CodeFindings = "EVALUATION_FINDINGS";
    public const string CodeJustification = "EVALUATION_JUSTIFICATION";
    public const string CodeCorrection = "EVALUATION_CORRECTION";
    public const string CodeClarification = "EVALUATION_CLARIFICATION";
    public const string CodeCompetition = "EVALUATION_COMPETITION";
    public const string CodeSignature = "EVALUATION_SIGNATURE";
    public const string CodeRejection = "EVALUATION_REJECTION";
    public const string CodeAdjustment = "EVALUATION_ADJUSTMENT";

    public const string RoomCitation = "《电子招标投标办法》第三十三条；" + StatutoryRules.Opinions1117 + "（十五）";
    public const string IndependenceCitation = StatutoryRules.Order87 + "第五十五条、第六十二条";
    public const string MajorityCitation = "《政府采购评审专家管理办法》（财库〔2016〕198号）第十八条";
    public const string ShareCitation = StatutoryRules.TenderLaw + "第三十七条；" + StatutoryRules.Order87 + "第四十七条";
    public const string ReportCitation = StatutoryRules.Order12 + "第四十二条；" + StatutoryRules.Order87 + "第五十八条";
    public const string SignatureCitation = StatutoryRules.Order12 + "第四十三条；" + StatutoryRules.Order87 + "第五十八条";
    public const string ClarificationCitation = StatutoryRules.TenderRegulations + "第五十二条；" + StatutoryRules.Order87 + "第五十一条";
    public const string AdjustmentCitation = StatutoryRules.Order12 + "第三十二条、第三十三条；" + StatutoryRules.Order87 + "第五十四条";
    public const string RejectAllCitation = StatutoryRules.Order12 + "第二十七条；" + StatutoryRules.Opinions1117 + "（十三）";

    public const string NotFound = "没有找到该标段的评标。";
    public const string NotMember = "只有本标段评标委员会的成员可以进入评标室；评标室封闭运行，成员只能查看本标段（依据：" + RoomCitation + "）。";
    public const string NotSignedIn = "请先在评标现场签到：签到之前不能查看投标文件、评审或评分（依据：" + RoomCitation + "）。";
    public const string NotRunning = "只有该项目的招标人（采购人）或其委托的代理机构可以设定评标办法。";
    public const string NotOpener = "只有交易中心工作人员或该项目的招标人（采购人）、代理机构可以开启评标室。";
    public static string StageText(string stage, string what) => $"评标处于“{stage}”阶段，不能{what}。";

    public static string ChairOnlyText(string what) => $"只有评标委员会主任（组长）可以{what}：主任由评标委员会成员推选产生。";
}
