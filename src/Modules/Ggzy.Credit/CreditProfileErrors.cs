namespace Ggzy.Credit;

/// <summary>Messages of the staff invitations, the entity profile and the code cross-checks, in Chinese.</summary>
internal static class CreditProfileErrors
{
    public const string EntityInfoCitation = "《吉林市公共资源交易管理暂行办法》第四十三条";

    public const string CodeStandard = "GB 32100-2015《法人和其他组织统一社会信用代码编码规则》";

    public const string NotAMember = "您的账户不属于在本平台注册的市场主体，不能维护单位信息或管理本单位人员。请使用本单位的账户登录，未注册的单位请先注册。";

    public const string OnlyAdministrator = "只有本单位管理员（注册时创建的账户）可以邀请人员、撤销邀请或停用账户，请联系本单位管理员办理。";

    public const string InvitationUnknown = "邀请链接无效：请核对链接是否完整复制；如仍无法打开，请联系邀请您的单位管理员重新发出邀请。";

    public const string InvitationRevoked = "该邀请已被单位管理员撤销，不能再使用。如需开通账户，请联系单位管理员重新邀请。";

    public const string InvitationUsed = "该邀请链接已经使用过（每个链接只能使用一次），账户已创建，请直接登录。忘记密码请联系单位管理员。";

    public static string InvitationExpired(string at) =>
        $"该邀请已于 {at} 过期，不能再使用。请联系单位管理员重新邀请。";

    public const string InvitationNotOpen = "该邀请已被接受或已撤销，无需再撤销。已接受的人员如需停用，请在人员列表中停用其账户。";

    public const string DisplayNameRequired = "请填写被邀请人姓名，不超过 50 个字符。";

    public const string ValidDaysInvalid = "有效天数应为 1 到 30 之间的整数，默认 7 天。";

    public static string RolesNotRegistered(string registered) =>
        $"请选择要授予的角色，且只能是本单位已注册的角色：{registered}。";

    public const string TokenRequired = "缺少邀请链接中的凭据，请完整打开单位管理员发给您的邀请链接。";

    public const string UserNameInvalid = "用户名为 3–32 个字符，以字母或数字开头，只能使用字母、数字和 . _ -（如 zhang.wei）。";

    public const string PasswordRequired = "请设置密码：至少 8 个字符，须同时包含大写字母、小写字母、数字和符号。";

    public const string CannotDisableAdministrator = "不能停用本单位管理员账户。";

    public const string MemberNotFound = "该账户不存在或不属于本单位，请从人员列表中选择。";

    public const string InvitationNotFound = "该邀请不存在或不属于本单位，请从邀请列表中选择。";

    public const string ProjectNameRequired = "请填写项目名称，不超过 200 个字符。";
    public const string ClientRequired = "请填写委托单位（招标人、采购人或发包人），不超过 200 个字符。";
    public const string AmountInvalid = "请填写合同金额（元）：大于 0，最多两位小数，不超过 999999999999.99。";
    public const string CompletedOnRequired = "请填写竣工（完成）日期。";
    public const string CompletedOnInFuture = "竣工（完成）日期不能晚于今天：尚未完成的项目不是业绩。";
    public const string DescriptionTooLong = "说明不超过 1000 个字符。";
    public const string QualificationNameRequired = "请填写资质名称（如“建筑工程施工总承包”），不超过 100 个字符。";
    public const string CertificateNumberRequired = "请填写资质证书编号，不超过 64 个字符。";
    public const string IssuingAuthorityRequired = "请填写发证机关，不超过 100 个字符。";
    public const string LevelTooLong = "资质等级不超过 50 个字符，如“一级”“甲级”；没有等级可不填。";
    public const string ValidFromRequired = "请填写资质有效期起始日期。";
    public const string ValidUntilInvalid = "请填写资质有效期截止日期，且不早于起始日期。";
    public const string PerformanceNotFound = "该业绩不存在、已撤回或不属于本单位，请从本单位业绩列表中选择。";
    public const string QualificationNotFound = "该资质不存在、已撤回或不属于本单位，请从本单位资质列表中选择。";

    public static string UnknownCategory(string firstTwo) =>
        $"统一社会信用代码第 1–2 位（登记管理部门代码和机构类别代码）“{firstTwo}”不是 {CodeStandard} 规定的组合，请核对营业执照。";

    public static string KindMismatch(string kind, string firstTwo, string category, string expected) =>
        $"所选主体类型“{kind}”与统一社会信用代码第 1–2 位“{firstTwo}”（{category}）不符：{kind}的代码第 1–2 位应为 {expected}（{CodeStandard}）。请核对主体类型或代码。";

    public static string RegionMismatch(string region, string fromCode) =>
        $"登记地行政区划代码应与统一社会信用代码第 3–8 位（登记管理机关行政区划码，{CodeStandard}）一致，应为 {fromCode}，所填为 {region}。请核对，或留空由代码自动填写。";
}
