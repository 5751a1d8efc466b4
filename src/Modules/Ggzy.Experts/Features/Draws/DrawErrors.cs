using Ggzy.Platform.Errors;
using Ggzy.Platform.Rules;

namespace Ggzy.Experts.Features.Draws;

/// <summary>The draw's refusals in Chinese, their stable codes (docs/expert-draw.md §10) and the provisions they rest on.</summary>
internal static class DrawErrors
{
    public const string SecrecyCitation = StatutoryRules.TenderLaw + "第二十二条；《电子招标投标办法》第二十一条";
    public const string RandomCitation = StatutoryRules.TenderRegulations + "第四十六条；" + StatutoryRules.Order87 + "第四十八条";
    public const string ConfidentialCitation = StatutoryRules.TenderRegulations + "第四十六条；" + Drawing.RecusalReasons.Opinions1117 + "（十四）";

    public const string CodeInput = "DRAW_INPUT";
    public const string CodeLot = "DRAW_LOT";
    public const string CodeExists = "DRAW_EXISTS";
    public const string CodeTime = "DRAW_EVALUATION_TIME";
    public const string CodeState = "DRAW_STATE";
    public const string CodeBidders = "DRAW_BIDDERS_NOT_FINAL";
    public const string CodeShort = "DRAW_TOO_FEW_EXPERTS";
    public const string CodeAnswerCode = "DRAW_CODE";
    public const string CodeAnswerTime = "DRAW_ANSWER_TIME";
    public const string CodeSignInTime = "DRAW_SIGN_IN_TIME";
    public const string CodeCommitment = "DRAW_COMMITMENT";
    public const string CodeNotPublished = "DRAW_RECORD_NOT_PUBLISHED";

    public const string DrawNotFound = "没有找到该抽取，或您无权查看。";
    public const string SeatNotFound = "没有找到该抽取通知，或它不是发给您的。";
    public const string LotNotFound = "没有找到该标段，或您不是该项目的招标人（采购人）或代理机构。";
    public const string NotYourLot = "只有该项目的招标人（采购人）或其委托的代理机构可以申请或取消抽取评标专家。";
    public const string Exists = "该标段已有进行中的专家抽取（{0}）：一个标段同时只能有一次抽取；如需重新申请，请先取消原申请。";
    public const string LotClosed = "该标段的招标程序已失败或终止，不能抽取评标专家。";
    public const string NoDeadline = "该标段尚未确定投标截止时间：评标时间须在投标截止之后，请先发布公告确定时间安排。";
    public const string TimeBeforeDeadline = "评标开始时间（{0}）应晚于投标截止时间（{1}，北京时间）：专家在投标截止、投标人确定之后抽取，投标人名单截止前保密（依据：" + SecrecyCitation + "）。";
    public const string TimePast = "评标开始时间（{0}）已过，请填写将来的时间。";
    public const string Sites = "请填写 1 至 5 个评标地点（名称不超过 100 字，地址不超过 200 字）；远程异地评标的各地点分别填写。";
    public const string DemandSite = "第 {0} 行的评标地点序号 {1} 不存在：请选择已填写的评标地点。";
    public const string DemandSpecialty = "第 {0} 行的专业代码“{1}”不在评标专家专业分类表中：请按分类表选择专业。";
    public const string DemandCount = "第 {0} 行的人数应为 1 至 30 人。";
    public const string DemandDuplicate = "专业“{0}”在同一评标地点填写了两行：请合并为一行。";
    public const string DemandOverlap = "专业“{0}”与“{1}”相互包含：同一次抽取中不能同时申请一个专业及其下级专业。";
    public const string NotRequested = "抽取已处于“{0}”状态，不能{1}。";
    public const string BiddersNotFinal = "投标截止、投标人名单确定之前不抽取评标专家：回避须以确定的投标人名单为准，而投标人名单在截止前保密（依据：" + SecrecyCitation + "）。";
    public const string TooFew = "专业 {0}（{1}）经回避后符合条件的专家只有 {2} 人，需要抽取 {3} 人：请调整抽取专业，或由交易中心补充专家库后重新申请（依据：" + RandomCitation + "）。";
    public const string AnswerTime = "答复时间已过（{0}，北京时间）：未按时答复的视为不能参加，平台已另行补抽。";
    public const string NotAnswerable = "该抽取通知已处于“{0}”状态，无需再答复。";
    public const string WrongCode = "确认码不正确：请核对短信中的 6 位数字确认码；还可尝试 {0} 次。";
    public const string CodeVoid = "确认码错误次数过多，已失效：未在答复时间内答复的，视为不能参加。";
    public const string SignInTime = "签到时间为 {0} 至 {1}（北京时间）：请在评标开始前后到评标地点签到。";
    public const string NotConfirmed = "只有已确认参加评标的专家可以签到（当前状态：{0}）。";
    public const string WrongSignInCode = "签到码不正确：请核对确认参加后收到的短信中的 6 位数字签到码；还可尝试 {0} 次。";
    public const string SignInCodeVoid = "签到码错误次数过多，已失效：请到评标地点联系交易中心工作人员。";
    public const string Commitment = "签到前须阅读并签署评标专家信用承诺书（依据：《吉林市公共资源交易平台服务管理细则》第四十三条）；承诺书版本已更新的，请刷新页面后重新阅读。";
    public const string CloseEarly = "评标开始（{0}，北京时间）之前不能结束抽取：评标结束后才公开随机种子。";
    public const string NotPublished = "该抽取的随机种子尚未公开：评标结束、交易中心结束抽取后才发布抽取记录（依据：" + ConfidentialCitation + "）。";

    public static BusinessRuleException Refuse(string code, string message, int status = 422, string? citation = null, string? field = null) =>
        new(message, citation, field) { Code = code, Status = status };

    public static string Format(string template, params object?[] args) =>
        string.Format(System.Globalization.CultureInfo.InvariantCulture, template, args);
}
