namespace Ggzy.Trading.Domain.Documents;

/// <summary>
/// A file of a lot's documents (招标文件、资格预审文件、采购文件), or a file attached to a clarification. The content is
/// in the blob store under its SM3 digest.
/// </summary>
internal sealed class LotDocument
{
    public Guid Id { get; init; }

    public Guid LotId { get; init; }

    public LotDocumentKind Kind { get; init; }

    /// <summary>The clarification the file belongs to; null for the documents themselves.</summary>
    public Guid? ClarificationId { get; init; }

    public required string FileName { get; init; }

    public required string ContentType { get; init; }

    public long Size { get; init; }

    /// <summary>The SM3 digest of the content, which is its id in the blob store.</summary>
    public required string Digest { get; init; }

    public DateTimeOffset UploadedAt { get; init; }

    public required string UploadedBy { get; init; }
}

/// <summary>What a lot's file is.</summary>
internal enum LotDocumentKind
{
    /// <summary>招标文件.</summary>
    TenderDocuments = 1,

    /// <summary>资格预审文件.</summary>
    PrequalificationDocuments = 2,

    /// <summary>采购文件.</summary>
    ProcurementDocuments = 3,

    /// <summary>澄清或者修改文件.</summary>
    Clarification = 4,
}

/// <summary>
/// One download of a lot's file by a market entity: the lot, the organisation and its credit code, the account, the
/// instant and the file's digest. Kept secret from everyone until the deadline (20号令 第二十一条).
/// </summary>
internal sealed class DocumentDownload
{
    public long Id { get; init; }

    public Guid LotId { get; init; }

    public Guid DocumentId { get; init; }

    public Guid OrganizationId { get; init; }

    public required string CreditCode { get; init; }

    public required string OrganizationName { get; init; }

    public required string UserName { get; init; }

    public DateTimeOffset At { get; init; }

    public required string Digest { get; init; }

    /// <summary>A random value that makes <see cref="Seal"/> impossible to guess from the few possible records.</summary>
    public required string Nonce { get; init; }

    /// <summary>The SM3 seal of the record, which the Ledger keeps in its place (ADR 0015).</summary>
    public required string Seal { get; set; }
}

/// <summary>
/// A clarification or amendment (澄清/修改) of a lot's documents: its text, files, and what it did to the deadline and
/// why (the adjustment's reason and citation), and how many organisations were sent it.
/// </summary>
internal sealed class Clarification
{
    public Guid Id { get; init; }

    public Guid LotId { get; init; }

    /// <summary>1, 2, 3 … within the lot.</summary>
    public int Number { get; init; }

    public required string Text { get; init; }

    public DateTimeOffset IssuedAt { get; init; }

    public required string IssuedBy { get; init; }

    public DateTimeOffset PreviousDeadline { get; init; }

    public DateTimeOffset Deadline { get; init; }

    public bool DeadlineMoved => Deadline != PreviousDeadline;

    /// <summary>Why the deadline had to move (or need not), in Chinese with the article.</summary>
    public required string AdjustmentReason { get; init; }

    public required string AdjustmentCitation { get; init; }

    public int RecipientCount { get; init; }
}

/// <summary>
/// An objection (异议, 实施条例 第二十二条; 政府采购: 质疑) of an entity that downloaded the documents, with the day it must
/// be answered by, and the tenderer's answer.
/// </summary>
internal sealed class Objection
{
    public Guid Id { get; init; }

    public Guid LotId { get; init; }

    public Guid OrganizationId { get; init; }

    public required string CreditCode { get; init; }

    public required string OrganizationName { get; init; }

    public required string RaisedBy { get; init; }

    public DateTimeOffset RaisedAt { get; init; }

    public required string Text { get; init; }

    /// <summary>The end of the day by which the answer is due.</summary>
    public DateTimeOffset AnswerBy { get; init; }

    /// <summary>Whether raising it paused the lot (工程招标: until it is answered).</summary>
    public bool PausedLot { get; init; }

    /// <summary>The assessment of the objection's timing, with the articles.</summary>
    public required string Assessment { get; init; }

    public string? Answer { get; private set; }

    public DateTimeOffset? AnsweredAt { get; private set; }

    public string? AnsweredBy { get; private set; }

    public bool IsAnswered => AnsweredAt is not null;

    /// <summary>Unanswered after the day it was due.</summary>
    public bool IsOverdue(DateTimeOffset now) => !IsAnswered && now > AnswerBy;

    public void Record(string answer, string by, DateTimeOffset at)
    {
        Answer = answer;
        AnsweredBy = by;
        AnsweredAt = at;
    }
}

/// <summary>A notice in an organisation's inbox: a clarification it must know of, or the answer to its objection.</summary>
internal sealed class TradingNotice
{
    public Guid Id { get; init; }

    public Guid OrganizationId { get; init; }

    public Guid LotId { get; init; }

    public TradingNoticeKind Kind { get; init; }

    /// <summary>The clarification or objection the notice is about.</summary>
    public Guid SourceId { get; init; }

    public required string Title { get; init; }

    public required string Body { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? ReadAt { get; set; }

    public string? ReadBy { get; set; }
}

/// <summary>What a notice is about.</summary>
internal enum TradingNoticeKind
{
    /// <summary>澄清或者修改.</summary>
    Clarification = 1,

    /// <summary>异议答复.</summary>
    ObjectionAnswer = 2,

    /// <summary>开标解密失败（非投标人原因）视为撤回 (20号令 第三十一条).</summary>
    OpeningWithdrawal = 3,

    /// <summary>中标通知书或中标结果通知（未中标人的通知载明其本人的评审得分与排序，87号令 第六十九条）.</summary>
    AwardResult = 4,
    /// <summary>终止招标 (实施条例 第三十一条): the lot is terminated; fees and bid security are refunded.</summary>
    Termination = 5,

    /// <summary>终止申请待确认: to the project's supervisory department (《吉林市公共资源交易平台服务管理细则》第十七条).</summary>
    TerminationRequested = 6,
}
