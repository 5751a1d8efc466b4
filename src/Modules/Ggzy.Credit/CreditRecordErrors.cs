using Ggzy.Credit.Contracts;
using Ggzy.Credit.Domain;
using Ggzy.Platform.Time;
using static System.FormattableString;

namespace Ggzy.Credit;

/// <summary>The messages of credit records, debarment and grade (R28–R30), in Chinese, in one place.</summary>
internal static class CreditRecordErrors
{
    public const string RecordsCitation = "《天津市公共资源交易平台服务管理细则（试行）》第二十四条、第二十五条，《吉林市公共资源交易平台服务管理细则》第三十四条、第三十五条";

    public const string DebarmentCitation = "《天津市公共资源交易平台服务管理细则（试行）》第三十二条、《吉林市公共资源交易平台服务管理细则》第四十四条";

    public const string SubjectRequired = "请填写信用记录的对象：市场主体的统一社会信用代码，或专家的居民身份证号码（二者只填其一）。";
    public const string SubjectBoth = "统一社会信用代码和专家身份证号码只能填写其一：记录对象是市场主体还是专家？";
    public const string ExpertNameRequired = "请填写专家姓名，不超过 50 个字符。";
    public const string KindRequired = "请选择记录类别：奖励、行政处罚、违法违规、失信惩戒、解除失信惩戒或履约信息。";
    public const string ActionInvalid = "记录操作只能是录入（Original）、更正（Correction）或撤销（Revocation）。";
    public const string DecisionNumberRequired = "请填写决定文号，不超过 100 个字符，如“安建罚〔2026〕12号”。";
    public const string DecidingBodyRequired = "请填写作出决定的机关名称，不超过 200 个字符。";
    public const string DecisionDateRequired = "请填写决定日期（yyyy-MM-dd）。";
    public const string FactsRequired = "请填写事实和依据，不超过 2000 个字符。";
    public const string SourceSystemRequired = "请填写来源系统名称，不超过 100 个字符；在本平台直接录入的填“本平台录入”。";
    public const string ConfidentialBasisRequired = "标为依法不予公开的记录，请填写不予公开的法律依据（不超过 200 个字符），如“《中华人民共和国保守国家秘密法》第××条”；否则请取消“依法不予公开”。";
    public const string ReasonRequired = "更正或撤销记录须说明理由，不超过 500 个字符。";
    public const string RefersToRequired = "更正或撤销须指明原记录（记录编号或原决定文号）。";

    public static string DecisionDateInFuture(DateOnly date, DateOnly today) =>
        Invariant($"决定日期 {date:yyyy-MM-dd} 晚于今天（{today:yyyy-MM-dd}，北京时间）。信用记录只能录入已经作出的决定，请核对决定书上的日期。");

    public static string EffectiveUntilBeforeFrom(DateOnly from, DateOnly until) =>
        Invariant($"有效期至 {until:yyyy-MM-dd} 早于生效日期 {from:yyyy-MM-dd}，请更正有效期。");

    public static string EntityNotRegistered(string code) =>
        $"统一社会信用代码 {code} 未在本平台注册，不能为其录入信用记录。请核对代码；该主体须先在本平台注册（市场主体名录中可查）。";

    public static string RecordNotFound(string reference) =>
        $"未找到该对象的原记录“{reference}”，不能更正、撤销或解除。请核对记录编号或决定文号（须为同一对象的记录）。";

    public static string AmbiguousDecisionNumber(string number) =>
        $"该对象有多条文号为“{number}”的记录，请改用记录编号指明原记录。";

    public static string AlreadyReplaced(CreditRecord replacedBy) =>
        $"原记录已被{CreditRecordNames.Of(replacedBy.Action)}（{replacedBy.DecisionNumber}），请针对其最新版本操作。";

    public const string RevocationCannotBeReplaced = "撤销记录不能再被更正或撤销；如撤销有误，请录入新的原始记录。";

    public static string KindMismatch(CreditRecordKind original) =>
        $"更正不能改变记录类别：原记录为“{CreditRecordNames.Of(original)}”。类别有误的，请撤销原记录后重新录入。";

    public const string NoDebarmentInForce = "该对象在解除生效日没有正在执行的失信惩戒，无需解除。请核对生效日期，或指明要解除的失信惩戒记录。";

    public static string NotADebarment(string number) => $"记录“{number}”不是失信惩戒记录，不能解除。";

    public static string Duplicate(string source, string number, CreditRecordKind kind, CreditRecordAction action) =>
        $"来源系统“{source}”的决定文号“{number}”（{CreditRecordNames.Of(kind)}，{CreditRecordNames.Of(action)}）已经录入，不能重复录入。如需修改，请录入更正记录。";

    public const string OtherDepartmentsRecord = "只有录入原记录的部门或公管办可以更正、撤销该记录。";

    public static string Debarred(DebarredAction action, DebarmentInForce d) =>
        $"该主体正在被限制参与公共资源交易（{d.DecidingBody} {d.DecisionNumber}，{Period(d)}），不能{CreditRecordNames.Of(action)}";

    /// <summary>The period in China time: from 00:00 of the first day to 24:00 of the last.</summary>
    public static string Period(DebarmentInForce d) =>
        Invariant($"北京时间 {Day(d.From)} 00:00 起") + (d.Until is { } until ? Invariant($"至 {Day(until.AddTicks(-1))} 24:00 止") : "，未定期限，至解除之日止");

    private static string Day(DateTimeOffset instant) =>
        instant.ToOffset(ChinaTime.Offset).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
