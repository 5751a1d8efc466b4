namespace Ggzy.Trading.Domain.Announcements;

/// <summary>The announcements' refusals (Chinese, saying what to fix) and the provisions they rest on.</summary>
internal static class AnnouncementErrors
{
    public const string TenderContent = "《招标公告和公示信息发布管理办法》（国家发展改革委令第10号）第五条、第六条";
    public const string ProcurementContent = "《政府采购货物和服务招标投标管理办法》（财政部令第87号）第十三条";
    public const string Immutable = "《招标投标法实施条例》第二十一条；《招标公告和公示信息发布管理办法》（国家发展改革委令第10号）第八条";
    public const string Amendment = "《招标投标法实施条例》第二十一条；《政府采购货物和服务招标投标管理办法》第二十七条";
    public const string Invitation = "《招标投标法》第十七条；《政府采购法》第三十四条；《政府采购货物和服务招标投标管理办法》第十四条";
    public const string Accepted = "《吉林市公共资源交易管理暂行办法》第十八条";

    public const string NotFound = "没有找到该公告。";
    public const string LotNotFound = "没有找到该标段。";
    public const string ProjectNotAccepted = "项目尚未受理，不能发布公告；请待交易中心受理登记后再编制公告（依据：" + Accepted + "）。";
    public const string NotYourProject = "只有该项目的招标人（采购人）或其委托的代理机构可以编制、发布公告。";
    public const string NoLots = "请至少选择一个处于草稿状态的标段（包）。";
    public static string LotNotDraft(string lot, string state) => $"标段（包）“{lot}”已处于“{state}”状态，已随其他公告发布，不能再列入新公告。";
    public static string LotInOtherAnnouncement(string lot, string title) => $"标段（包）“{lot}”已列入另一份未发布的公告“{title}”，请先在该公告中移除或删除该公告。";
    public static string LotMethodMismatch(string lot, string method) => $"标段（包）“{lot}”的招标方式为{method}，与所选公告类型不符：公开招标发布招标公告（采购公告、资格预审公告），邀请招标发送投标邀请书。";
    public const string PublishAtPast = "定时发布时间须晚于现在；立即发布请留空。";
    public const string AmendOnlyPublished = "只能对已发布的公告发布更正公告；草稿可以直接修改。";
    public const string AmendAmendment = "更正公告请针对原公告发布，不能更正更正公告。";
    public static string InviteeUnknown(string code) => $"统一社会信用代码“{code}”不是本平台已登记的市场主体，请核对或请其先登记。";
    public static string InviteeDuplicate(string code) => $"被邀请对象“{code}”重复，请删除重复的一项。";
    public static string DrawCandidatesTooFew(int candidates, int count) => $"符合资格条件的供应商名单应不少于拟抽取数量的两倍（现有 {candidates} 家，拟抽取 {count} 家），请补充候选供应商（依据：{Invitation}）。";
    public const string DrawWitnesses = "随机抽取须由采购人不少于两名工作人员在场监督并记录，请填写见证人姓名（至少两名，依据：" + Invitation + "）。";
    public const string DrawOnlyProcurement = "随机抽取被邀请供应商只适用于政府采购邀请招标；工程建设邀请招标请直接填写被邀请对象。";
    public const string ReasonRequired = "请写明原因（1–500 字），原因将记入标段的程序记录。";
    public const string NotInvitee = "该投标邀请书未发给贵单位，不能查看。";
}
