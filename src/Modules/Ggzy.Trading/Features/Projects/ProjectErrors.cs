namespace Ggzy.Trading.Features.Projects;

/// <summary>The refusals of project registration and acceptance (Chinese, saying what to fix) and the provisions they rest on.</summary>
internal static class ProjectErrors
{
    public const string Measures15 = "《吉林市公共资源交易管理暂行办法》第十五条";
    public const string Measures16 = "《吉林市公共资源交易管理暂行办法》第十六条";
    public const string Measures18 = "《吉林市公共资源交易管理暂行办法》第十八条";
    public const string Rules10 = "《吉林市公共资源交易平台服务管理细则》第十条";
    public const string Rules11 = "《吉林市公共资源交易平台服务管理细则》第十一条";
    public const string Rules15 = "《吉林市公共资源交易平台服务管理细则》第十五条第（一）项";
    public const string Order16Article5 = "《必须招标的工程项目规定》（国家发展改革委令第16号）第五条";

    public const string NameRequired = "请填写项目名称（1–200 字）（依据：" + Rules15 + "）。";
    public const string RegimeInvalid = "请选择适用的交易制度：工程建设招标投标或政府采购（依据：" + Measures16 + "）。";
    public const string IndustryInvalid = "请选择工程建设项目的行业：房屋建筑和市政工程、交通运输工程或水利工程；行业决定项目的行政监督部门（依据：《国务院有关部门实施招标投标活动行政监督的职责分工的意见》（国办发〔2000〕34号）第三条；《吉林市公共资源交易平台服务管理细则》第九条）。";
    public const string FundingSourceRequired = "请填写资金来源（1–200 字），如“财政资金”“企业自筹资金”（依据：" + Rules15 + "）。";
    public const string FundingAmountInvalid = "请填写已落实的资金金额（元），不能为负数，最多两位小数（依据：" + Rules15 + "）。";
    public const string ApprovalNumberRequired = "依法需要审批、核准的项目，请填写审批（核准）文号（1–100 字）（依据：" + Measures16 + "第二款；" + Rules11 + "第（一）项）。";
    public const string ApprovalAuthorityRequired = "依法需要审批、核准的项目，请填写审批（核准）部门（1–200 字）（依据：" + Measures16 + "第二款）。";
    public const string ApprovalFileRequired = "依法需要审批、核准的项目，请上传审批（核准）文件的扫描件（依据：" + Rules15 + "；" + Rules11 + "第（一）项）。";
    public const string EntrustmentFileRequired = "由招标代理机构登记的项目，请上传招标人与代理机构签订的委托合同扫描件（依据：" + Rules15 + "）。";
    public const string TendererCodeRequired = "请填写招标人（采购人）的统一社会信用代码（18 位），该单位须已在本平台注册为市场主体（依据：" + Rules15 + "）。";
    public const string TendererNotRegistered = "该统一社会信用代码未在本平台注册为市场主体，请核对代码，或请招标人先行注册（依据：" + Rules15 + "）。";
    public const string NoOrganization = "您的账户不属于任何已注册的市场主体，不能登记项目；请由本单位管理员在“本单位人员”中邀请您（依据：" + Rules15 + "）。";
    public const string LotsRequired = "请至少填写一个标段（包），最多 999 个（依据：" + Rules15 + "）。";
    public const string LotNameRequired = "请填写标段（包）名称（1–200 字）（依据：" + Rules15 + "）。";
    public const string LotAmountInvalid = "请填写标段（包）的估算价（元），须大于 0，最多两位小数（依据：" + Order16Article5 + "）。";
    public const string LotMethodInvalid = "请选择交易方式：公开招标或邀请招标（依据：" + Measures16 + "第一款）。";
    public const string FileType = "只接受 PDF、OFD、JPG、PNG 格式的扫描件，请转换格式后重新上传（依据：" + Rules15 + "）。";
    public const string FileEmpty = "上传的文件为空，请重新选择（依据：" + Rules15 + "）。";

    public const string NotFound = "没有找到该项目。";
    public const string FileNotFound = "该项目没有这个文件，或文件已不在存储中。";
    public const string NotYours = "只有本项目的招标人、其委托的代理机构、受理的交易中心、公管办和行政监督部门可以查看该项目。";
    public const string NotYourCenter = "该项目由其他交易中心（分中心）受理，只有受理中心或其上级市中心的工作人员可以作出受理决定（依据：" + TradingErrors.R2 + "）。";
    public const string NotSubmitted = "只有已提交、待受理的登记可以受理、不予受理或登记豁免；该项目已有决定（依据：" + Rules15 + "）。";
    public const string NotAwaitingRegulator = "只有待公管办确认的项目可以确认或不予确认（依据：" + Measures16 + "第三款；" + Rules10 + "第二款）。";
    public const string RefusalReasonRequired = "不予受理须选择法定理由之一：未依法审批核准、权属有争议、被依法采取限制（强制）措施、法律法规禁止交易（依据：" + Measures18 + "；" + Rules11 + "）。";
    public const string RefusalFactsRequired = "不予受理须写明事实（1–1000 字），以便登记人补正或申辩（依据：" + Measures18 + "；" + Rules11 + "）。";
    public const string NoteTooLong = "说明不超过 1000 字。";
    public const string ExemptionReasonRequired = "登记豁免须选择法定理由之一：国家安全、保密、应急抢险、救灾（依据：" + Measures15 + "）。";
    public const string ExemptionBasisRequired = "登记豁免须写明所依据的批准文件名称及文号（1–500 字）（依据：" + Measures15 + "）。";

    public static string FileTooLarge(long max) =>
        $"单个文件不得超过 {max / (1024 * 1024)} MB，请压缩或拆分后重新上传（依据：{Rules15}）。";

    public static string LotField(int index, string message) => $"第 {index + 1} 个标段（包）：{message}";
}
