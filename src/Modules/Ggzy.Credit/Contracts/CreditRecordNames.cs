namespace Ggzy.Credit.Contracts;

/// <summary>Chinese names of the credit record enumerations, for pages and messages.</summary>
public static class CreditRecordNames
{
    public static readonly IReadOnlyList<CreditRecordKind> Kinds =
    [
        CreditRecordKind.Reward, CreditRecordKind.Penalty, CreditRecordKind.Violation, CreditRecordKind.Debarment,
        CreditRecordKind.DebarmentLifted, CreditRecordKind.Performance,
    ];

    public static string Of(CreditRecordKind kind) => kind switch
    {
        CreditRecordKind.Reward => "奖励",
        CreditRecordKind.Penalty => "行政处罚",
        CreditRecordKind.Violation => "违法违规",
        CreditRecordKind.Debarment => "失信惩戒（限制交易）",
        CreditRecordKind.DebarmentLifted => "解除失信惩戒",
        CreditRecordKind.Performance => "履约信息",
        _ => kind.ToString(),
    };

    public static string Of(CreditRecordAction action) => action switch
    {
        CreditRecordAction.Original => "录入",
        CreditRecordAction.Correction => "更正",
        CreditRecordAction.Revocation => "撤销",
        _ => action.ToString(),
    };

    public static string Of(DebarredAction action) => action switch
    {
        DebarredAction.ObtainTenderDocuments => "获取招标（采购）文件",
        DebarredAction.SubmitBid => "递交投标（响应）文件",
        DebarredAction.Award => "确定为中标（成交）人",
        _ => action.ToString(),
    };

    public static string Of(CreditGradeLevel level) => level switch
    {
        CreditGradeLevel.A => "A 级（信用优良）",
        CreditGradeLevel.B => "B 级（信用良好）",
        CreditGradeLevel.C => "C 级（信用一般）",
        CreditGradeLevel.D => "D 级（信用较差）",
        _ => level.ToString(),
    };
}
