namespace Ggzy.Trading.Domain.Award;

/// <summary>
/// What follows a lot's signed evaluation report, one row per lot: the candidate publicity (工程招标), the winner and the
/// signed award notice (中标通知书 / 成交通知书), and the result announcement. The report itself stays the evaluation
/// room's; its id and digest are kept so every step cites the report it rests on.
/// </summary>
internal sealed class LotAward
{
    public Guid LotId { get; init; }

    public Guid ReportId { get; init; }

    /// <summary>SM3 of the report document (lowercase hex).</summary>
    public required string ReportDigest { get; init; }

    /// <summary>When the tenderer received the report (its last signature).</summary>
    public DateTimeOffset ReportReceivedAt { get; init; }

    /// <summary>The publicity's content as published (JSON: candidates, objection channel, period), fixed once published.</summary>
    public string? PublicityJson { get; set; }

    public DateTimeOffset? PublicityStartsAt { get; set; }

    public DateTimeOffset? PublicityEndsAt { get; set; }

    public string? PublicityBy { get; set; }

    public Guid? WinnerBidId { get; set; }

    public Guid? WinnerEntityId { get; set; }

    public string? WinnerName { get; set; }

    public int? WinnerRank { get; set; }

    public decimal? AwardedPrice { get; set; }

    /// <summary>When a candidate other than the first was chosen: the statutory reason (<see cref="SkipReason"/>) and its account.</summary>
    public SkipReason? SkipReason { get; set; }

    public string? SkipExplanation { get; set; }

    public DateTimeOffset? AwardedAt { get; set; }

    public string? AwardedBy { get; set; }

    /// <summary>The award notice exactly as signed (UTF-8 JSON, ggzy.award-notice.v1).</summary>
    public string? NoticeJson { get; set; }

    public string? NoticeSignature { get; set; }

    public string? NoticeDigest { get; set; }

    public string? KeyFingerprint { get; set; }

    /// <summary>The result announcement (中标结果公示 / 中标（成交）结果公告) goes out with the award notice.</summary>
    public DateTimeOffset? ResultPublishedAt { get; set; }

    /// <summary>工程招标: the day the written report on the tender reached the supervisory department (招标投标法 第四十七条).</summary>
    public DateOnly? SupervisorReportOn { get; set; }

    /// <summary>The supervisory department that received the written report.</summary>
    public string? SupervisorReportRecipient { get; set; }

    /// <summary>The receipt's or the report's number, where there is one.</summary>
    public string? SupervisorReportReference { get; set; }

    public string? SupervisorReportRecordedBy { get; set; }

    public DateTimeOffset? SupervisorReportRecordedAt { get; set; }

    /// <summary>政府采购: the day the agency sent the evaluation report to the purchaser (87号令 第六十八条; 采购条例 第四十三条).</summary>
    public DateOnly? ReportDeliveredOn { get; set; }

    /// <summary>Who at the purchaser received it, or how it was sent.</summary>
    public string? ReportDeliveredTo { get; set; }

    public string? ReportDeliveryRecordedBy { get; set; }

    public DateTimeOffset? ReportDeliveryRecordedAt { get; set; }

    public int Revision { get; set; }
}

/// <summary>Why the first-ranked candidate is passed over (实施条例 第五十五条; 87号令 第六十八条、第四十九条).</summary>
internal enum SkipReason
{
    /// <summary>放弃中标.</summary>
    Declined = 1,

    /// <summary>因不可抗力不能履行合同.</summary>
    ForceMajeure = 2,

    /// <summary>不按照招标文件要求提交履约保证金.</summary>
    NoPerformanceSecurity = 3,

    /// <summary>被查实存在影响中标结果的违法行为等情形，不符合中标条件.</summary>
    Disqualified = 4,
}

/// <summary>An objection to the evaluation result (对评标结果的异议), raised by a bidder during the candidate publicity.</summary>
internal sealed class AwardObjection
{
    public Guid Id { get; init; }

    public Guid LotId { get; init; }

    public Guid BidderEntityId { get; init; }

    public required string BidderName { get; init; }

    public required string RaisedBy { get; init; }

    public required string Text { get; init; }

    public DateTimeOffset ReceivedAt { get; init; }

    /// <summary>The last day to answer (实施条例 第五十四条).</summary>
    public DateOnly AnswerBy { get; init; }

    public string? Answer { get; set; }

    public DateTimeOffset? AnsweredAt { get; set; }

    public string? AnsweredBy { get; set; }
}

/// <summary>
/// The contract drafted from the award and signed on the platform by both parties: the purchaser (the tenderer's
/// authorised user) and the winner (its authorised user), each an explicit act over the contract's SM3 digest.
/// </summary>
internal sealed class LotContract
{
    public Guid LotId { get; init; }

    /// <summary>The contract exactly as drafted (UTF-8 JSON, ggzy.contract.v1): parties, amount, main terms.</summary>
    public required string DocumentJson { get; set; }

    public required string Digest { get; set; }

    public decimal Amount { get; init; }

    public required string Terms { get; set; }

    public DateTimeOffset DraftedAt { get; set; }

    public required string DraftedBy { get; set; }

    public DateTimeOffset? PurchaserSignedAt { get; set; }

    public string? PurchaserSignedBy { get; set; }

    public DateTimeOffset? SupplierSignedAt { get; set; }

    public string? SupplierSignedBy { get; set; }

    /// <summary>When the second party signed: the contract's conclusion.</summary>
    public DateTimeOffset? SignedAt { get; set; }

    /// <summary>When its main terms were published (合同公告).</summary>
    public DateTimeOffset? PublishedAt { get; set; }

    public string? PublishedBy { get; set; }

    public int Revision { get; set; }
}

/// <summary>A dated performance record of a contract (履约记录).</summary>
internal sealed class PerformanceRecord
{
    public Guid Id { get; init; }

    public Guid LotId { get; init; }

    public PerformanceKind Kind { get; init; }

    public DateOnly On { get; init; }

    public decimal? Amount { get; init; }

    public required string Text { get; init; }

    public required string RecordedBy { get; init; }

    public DateTimeOffset RecordedAt { get; init; }
}

/// <summary>What a performance record is about.</summary>
internal enum PerformanceKind
{
    /// <summary>验收.</summary>
    Acceptance = 1,

    /// <summary>支付.</summary>
    Payment = 2,

    /// <summary>质量缺陷.</summary>
    Defect = 3,

    /// <summary>其他.</summary>
    Other = 4,
}

internal static class AwardNames
{
    public static string Label(this SkipReason reason) => reason switch
    {
        SkipReason.Declined => "排名在前的中标候选人放弃中标",
        SkipReason.ForceMajeure => "排名在前的中标候选人因不可抗力不能履行合同",
        SkipReason.NoPerformanceSecurity => "排名在前的中标候选人不按照招标文件要求提交履约保证金",
        SkipReason.Disqualified => "排名在前的中标候选人被查实存在影响中标结果的违法行为等情形，不符合中标条件",
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, null),
    };

    public static string Label(this PerformanceKind kind) => kind switch
    {
        PerformanceKind.Acceptance => "验收",
        PerformanceKind.Payment => "支付",
        PerformanceKind.Defect => "质量缺陷",
        PerformanceKind.Other => "其他",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}

/// <summary>Which filing a correction concerns.</summary>
internal enum AwardFilingKind
{
    /// <summary>工程招标: the written report to the supervisory department (招标投标法 第四十七条).</summary>
    SupervisorReport = 1,

    /// <summary>政府采购: the evaluation report delivered to the purchaser (87号令 第六十八条).</summary>
    ReportDelivery = 2,
}

/// <summary>
/// A correction of a recorded filing's date by the center's staff, with its reason. Appended, never changed: the award
/// row holds the date now in force, each correction the date it replaced (the original one first), so the record of
/// what was entered stays whole.
/// </summary>
internal sealed class AwardFilingCorrection
{
    public Guid Id { get; init; }

    public Guid LotId { get; init; }

    public AwardFilingKind Kind { get; init; }

    public DateOnly PreviousOn { get; init; }

    public DateOnly CorrectedOn { get; init; }

    public required string Reason { get; init; }

    public required string CorrectedBy { get; init; }

    public DateTimeOffset CorrectedAt { get; init; }
}
