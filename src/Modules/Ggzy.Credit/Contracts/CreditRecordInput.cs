namespace Ggzy.Credit.Contracts;

/// <summary>
/// 一条信用记录，由行政监督部门录入或由其系统导入（R28）。更正、撤销和解除失信惩戒均为新记录，引用原记录并说明理由。
/// Dates are calendar dates in China Standard Time (yyyy-MM-dd).
/// </summary>
public sealed class CreditRecordInput
{
    /// <summary>统一社会信用代码（市场主体）；与 expertIdNumber 二选一。</summary>
    public string? CreditCode { get; set; }

    /// <summary>专家居民身份证号码（18 位，GB 11643）；不公开。</summary>
    public string? ExpertIdNumber { get; set; }

    /// <summary>专家姓名（仅专家记录）。</summary>
    public string? ExpertName { get; set; }

    public CreditRecordKind? Kind { get; set; }

    /// <summary>Original（录入，默认）、Correction（更正）或 Revocation（撤销）。</summary>
    public CreditRecordAction? Action { get; set; }

    /// <summary>更正或撤销所针对的记录；解除失信惩戒时为被解除的失信惩戒记录（可省略：取解除生效时正在执行的那一条）。</summary>
    public Guid? RefersTo { get; set; }

    /// <summary>同 refersTo，以原记录的决定文号指明（批量导入时使用）。</summary>
    public string? RefersToDecisionNumber { get; set; }

    /// <summary>更正、撤销的理由。</summary>
    public string? Reason { get; set; }

    /// <summary>决定文号，如“安建罚〔2026〕12号”。</summary>
    public string? DecisionNumber { get; set; }

    /// <summary>作出决定的机关。</summary>
    public string? DecidingBody { get; set; }

    /// <summary>决定日期，不得晚于今天。</summary>
    public DateOnly? DecisionDate { get; set; }

    /// <summary>生效日期：当日 00:00（北京时间）起生效；省略时为决定日期。</summary>
    public DateOnly? EffectiveFrom { get; set; }

    /// <summary>有效期至：当日 24:00（北京时间）止；省略表示长期有效（失信惩戒须解除方止）。</summary>
    public DateOnly? EffectiveUntil { get; set; }

    /// <summary>事实和依据。</summary>
    public string? Facts { get; set; }

    /// <summary>来源系统，如“安和市住建局信用管理系统”；在本平台录入时为“本平台录入”。</summary>
    public string? SourceSystem { get; set; }

    /// <summary>依法不予公开。</summary>
    public bool Confidential { get; set; }

    /// <summary>不予公开的法律依据，confidential 为 true 时必填。</summary>
    public string? ConfidentialBasis { get; set; }
}
