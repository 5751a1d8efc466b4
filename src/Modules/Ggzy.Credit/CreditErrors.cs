namespace Ggzy.Credit;

/// <summary>The Credit module's messages, in Chinese, in one place.</summary>
internal static class CreditErrors
{
    public const string RegisterOnceCitation = "《武汉市公共资源交易平台服务管理细则（试行）》第三十一条、《天津市公共资源交易平台服务管理细则（试行）》第二十六条";

    public const string CommitmentCitation = "《武汉市公共资源交易平台服务管理细则（试行）》第三十六条、《天津市公共资源交易平台服务管理细则（试行）》第三十一条、《吉林市公共资源交易管理暂行办法》第四十三条";

    public const string CreditCodeRequired = "请填写统一社会信用代码（18 位，见营业执照，GB 32100-2015）。";
    public const string LegalNameRequired = "请填写名称，与营业执照上的名称一致，不超过 200 个字符。";
    public const string KindRequired = "请选择主体类型：法人、非法人组织或个体工商户。";
    public const string RegionCodeInvalid = "请填写登记机关所在地的 6 位行政区划代码（GB/T 2260），如 420100。";
    public const string LegalRepresentativeRequired = "请填写法定代表人（负责人、经营者）姓名，不超过 50 个字符。";
    public const string ContactPersonRequired = "请填写联系人姓名，不超过 50 个字符。";
    public const string ContactPhoneInvalid = "请填写联系电话：手机号或带区号的固定电话（7–20 位数字，可含 + 和 -）。";
    public const string RolesRequired = "请至少选择一种拟参与的角色：招标人/采购人、招标代理机构、投标人/供应商或竞买人。";
    public const string AdminUserNameInvalid = "管理员用户名为 3–32 个字符，以字母或数字开头，只能使用字母、数字和 . _ -（如 hongyuan.admin）。";
    public const string AdminDisplayNameRequired = "请填写管理员姓名，不超过 50 个字符。";
    public const string AdminPasswordRequired = "请设置管理员密码：至少 8 个字符，须同时包含大写字母、小写字母、数字和符号。";
    public const string CommitmentNotSigned = "请阅读信用承诺书并勾选“我已阅读并签署”，未签署信用承诺书不能注册。";

    public static string CommitmentOutdated(string current) =>
        $"信用承诺书已更新为 {current} 版，请重新阅读当前版本后签署。";

    public static string AlreadyRegistered(string code, string name) =>
        $"统一社会信用代码 {code} 已由“{name}”注册，无需也不能重复注册。请在市场主体名录中查看该主体，或联系其管理员为您开通账户。";
}
