namespace Ggzy.Trading.Domain.Opening;

/// <summary>Where a lot's opening (开标) stands (docs/bid-opening.md).</summary>
internal enum OpeningStage
{
    /// <summary>解密中: the bids were extracted at the deadline; bidders sign in and unseal their own bids in the window.</summary>
    Decrypting = 1,

    /// <summary>解密结束: the window is over (or every bid is decided); the host may read out.</summary>
    DecryptionClosed = 2,

    /// <summary>已唱标: read out; the opening record is signed and the present bidders confirm it.</summary>
    ReadOut = 3,

    /// <summary>开标结束: closed, the record published.</summary>
    Closed = 4,

    /// <summary>不予开标: fewer bids than the law requires (招标投标法 第二十八条; 87号令 第四十一条); the lot failed.</summary>
    NotOpened = 5,
}

/// <summary>What became of one extracted bid at the opening.</summary>
internal enum OpeningOutcome
{
    /// <summary>待解密.</summary>
    Pending = 1,

    /// <summary>已解密: sections decrypted, every digest and the signature checked.</summary>
    Decrypted = 2,

    /// <summary>撤销: decryption failed by the bidder's fault (wrong key, no show) — 20号令 第三十一条.</summary>
    Revoked = 3,

    /// <summary>撤回: decryption failed by no fault of the bidder (the platform's) — 20号令 第三十一条.</summary>
    Withdrawn = 4,
}

/// <summary>
/// A lot's opening, created once at the deadline by the procedure clock (the lot id is the key, so a second node's
/// insert fails); <see cref="Revision"/> makes concurrent steps conflict.
/// </summary>
internal sealed class BidOpening
{
    public Guid LotId { get; init; }

    public OpeningStage Stage { get; set; }

    public DateTimeOffset Deadline { get; init; }

    /// <summary>提取: when the bids were extracted (the deadline, or the pass that caught up with it).</summary>
    public DateTimeOffset ExtractedAt { get; init; }

    public int BidCount { get; init; }

    public DateTimeOffset? DecryptionOpensAt { get; init; }

    public DateTimeOffset? DecryptionEndsAt { get; set; }

    public DateTimeOffset? DecryptionClosedAt { get; set; }

    public string? DecryptionClosedBy { get; set; }

    public DateTimeOffset? ReadOutAt { get; set; }

    public string? ReadOutBy { get; set; }

    /// <summary>The opening record (<c>ggzy.opening-record.v1</c>) exactly as signed, from the read-out on.</summary>
    public string? RecordJson { get; set; }

    public string? RecordSignature { get; set; }

    public string? RecordDigest { get; set; }

    public string? KeyFingerprint { get; set; }

    public DateTimeOffset? ClosedAt { get; set; }

    public string? ClosedBy { get; set; }

    /// <summary>Why the lot was not opened, with the provisions, when <see cref="Stage"/> is NotOpened.</summary>
    public string? NotOpenedReason { get; init; }

    /// <summary>The next step offered to the tenderer when the lot was not opened (重新招标, or a change of method).</summary>
    public string? NextStep { get; init; }

    public int Revision { get; set; }

    public List<OpeningBid> Bids { get; init; } = [];
}

/// <summary>One bid as extracted at the deadline, and what its decryption gave.</summary>
internal sealed class OpeningBid
{
    /// <summary>The bid's id (= its upload's id).</summary>
    public Guid BidId { get; init; }

    public Guid LotId { get; init; }

    public Guid OrganizationId { get; init; }

    public required string CreditCode { get; init; }

    public required string BidderName { get; init; }

    public required string Digest { get; init; }

    public long Size { get; init; }

    /// <summary>The bid's arrival time (递交时间), as receipted.</summary>
    public DateTimeOffset ArrivedAt { get; init; }

    /// <summary>密封情况: at extraction the stored envelope still had its digest and size.</summary>
    public bool SealIntact { get; init; }

    public OpeningOutcome Outcome { get; set; } = OpeningOutcome.Pending;

    public DateTimeOffset? DecidedAt { get; set; }

    /// <summary>The stable code of the last failure (a refused key, the platform's fault, no show).</summary>
    public string? FailureCode { get; set; }

    public string? FailureReason { get; set; }

    public int FailedAttempts { get; set; }

    /// <summary>The total price (元) from the price sheet, as a decimal string; null until decrypted or when unreadable.</summary>
    public string? TotalPrice { get; set; }

    /// <summary>The read-out items from the price sheet (JSON object name → value).</summary>
    public string? ItemsJson { get; set; }

    /// <summary>Why the price sheet could not be read out, when it was decrypted but is not a valid <c>ggzy.price-sheet.v1</c>.</summary>
    public string? PriceSheetProblem { get; set; }

    /// <summary>The decrypted sections in the blob store (JSON list of name, file name, length, blob id).</summary>
    public string? SectionsJson { get; set; }

    /// <summary>The lot's fallback (补救方案) was offered to this bidder after its decryption failed.</summary>
    public bool FallbackOffered { get; set; }

    public DateTimeOffset? ConfirmedAt { get; set; }

    public string? ConfirmedBy { get; set; }

    /// <summary>Closed without a confirmation: deemed to accept the record (87号令 第四十二条).</summary>
    public bool DeemedAccepted { get; set; }

    public int Revision { get; set; }
}

/// <summary>签到: a bidder's representative present in the hall.</summary>
internal sealed class OpeningAttendance
{
    public Guid Id { get; init; }

    public Guid LotId { get; init; }

    public Guid OrganizationId { get; init; }

    public required string UserName { get; init; }

    /// <summary><c>certificate</c> (the certificate challenge) or <c>session</c> (a bidder's account session).</summary>
    public required string Method { get; init; }

    public string? CertificateFingerprint { get; init; }

    public DateTimeOffset At { get; init; }
}

/// <summary>开标异议: raised in the hall by a bidder, answered on the spot and recorded (实施条例 第四十四条).</summary>
internal sealed class OpeningObjection
{
    public Guid Id { get; init; }

    public Guid LotId { get; init; }

    public Guid OrganizationId { get; init; }

    public required string BidderName { get; init; }

    public required string RaisedBy { get; init; }

    public DateTimeOffset RaisedAt { get; init; }

    public required string Text { get; init; }

    public string? Answer { get; set; }

    public string? AnsweredBy { get; set; }

    public DateTimeOffset? AnsweredAt { get; set; }

    public int Revision { get; set; }
}

/// <summary>
/// The tender documents' opening settings of a lot, set by its tenderer or agency before the deadline: what is read
/// out, the decryption window, the fallback (补救方案), the 标底 and the maximum price, if any (disclosed at the opening).
/// </summary>
internal sealed class LotOpeningSettings
{
    public Guid LotId { get; init; }

    /// <summary>The read-out items besides the bidder and the total price (JSON list of names).</summary>
    public required string ItemsJson { get; set; }

    /// <summary>The decryption window in minutes; null takes <c>Trading:Opening:DecryptionMinutes</c>.</summary>
    public int? DecryptionMinutes { get; set; }

    public string? Fallback { get; set; }

    /// <summary>标底 (元), if the tender has one (实施条例 第二十七条, 第五十条).</summary>
    public decimal? ReferencePrice { get; set; }

    /// <summary>最高投标限价 (元), if any.</summary>
    public decimal? MaxPrice { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public required string UpdatedBy { get; set; }

    public int Revision { get; set; }
}

/// <summary>
/// 开标录音录像: a reference to the recording the center's recording system made of a lot's opening (87号令 第三十九条
/// 开标应当全程录音录像). The platform keeps where the file is and its SM3 digest, not the media itself; registered by the
/// center's staff, shown to them and to the authorities, kept apart from the opening record.
/// </summary>
internal sealed class OpeningRecording
{
    public Guid Id { get; init; }

    public Guid LotId { get; init; }

    /// <summary>Where the recording system keeps the file (a URI or the system's own locator).</summary>
    public required string Locator { get; init; }

    /// <summary>SM3 of the file, lower-case hex.</summary>
    public required string Digest { get; init; }

    public DateTimeOffset StartedAt { get; init; }

    public DateTimeOffset EndedAt { get; init; }

    public string? Note { get; init; }

    public required string RegisteredBy { get; init; }

    public DateTimeOffset RegisteredAt { get; init; }
}
