namespace Ggzy.Trading.Domain.Bids;

internal enum BidUploadState
{
    /// <summary>上传中: chunks are still arriving.</summary>
    Open = 1,

    /// <summary>已递交: the envelope became a bid and was receipted.</summary>
    Completed = 2,

    /// <summary>已放弃: the bidder abandoned it, or the platform refused the envelope.</summary>
    Abandoned = 3,

    /// <summary>截止时未完成: still incomplete at the deadline, counted as withdrawn (20号令 第二十七条).</summary>
    Expired = 4,
}

internal enum BidStatus
{
    /// <summary>有效: the bid the lot will open.</summary>
    Current = 1,

    /// <summary>已被替换: a later submission before the deadline replaced it (招标投标法 第二十九条).</summary>
    Replaced = 2,

    /// <summary>已撤回: withdrawn before the deadline (招标投标法 第二十九条).</summary>
    Withdrawn = 3,
}

/// <summary>
/// An envelope on its way in: the bidder declared its size and digest; the bytes are appended to the file of the same
/// id in the bid vault until they are all there. The file's length is the truth about how much arrived.
/// </summary>
internal sealed class BidUpload
{
    public Guid Id { get; init; }

    public Guid LotId { get; init; }

    public Guid OrganizationId { get; init; }

    public required string CreditCode { get; init; }

    public required string UserName { get; init; }

    public long Size { get; init; }

    /// <summary>The envelope digest the bidder declared: SM3(header ‖ signature), lowercase hex.</summary>
    public required string Digest { get; init; }

    public required string FileName { get; init; }

    public BidUploadState State { get; set; } = BidUploadState.Open;

    public DateTimeOffset StartedAt { get; init; }

    public DateTimeOffset? EndedAt { get; set; }

    /// <summary>Why the upload ended without a bid (a refusal's code), if it did.</summary>
    public string? EndReason { get; set; }

    public int Revision { get; set; }
}

/// <summary>
/// A received bid: the envelope is in the vault under <see cref="Id"/> (the upload's id), durable before this row was
/// committed; <see cref="ReceiptJson"/> and <see cref="ReceiptSignature"/> are exactly what the bidder was given.
/// </summary>
internal sealed class Bid
{
    public Guid Id { get; init; }

    public Guid LotId { get; init; }

    public Guid OrganizationId { get; init; }

    public required string CreditCode { get; init; }

    public required string BidderName { get; init; }

    public required string UserName { get; init; }

    public required string Digest { get; init; }

    public long Size { get; init; }

    /// <summary>The instant the complete call reached the platform — the platform's clock decides (20号令 第二十七条).</summary>
    public DateTimeOffset CompletedAt { get; init; }

    public BidStatus Status { get; set; } = BidStatus.Current;

    public DateTimeOffset? EndedAt { get; set; }

    public Guid? Replaces { get; init; }

    public required string CertificateFingerprint { get; init; }

    public required string ToolVersion { get; init; }

    public required string MachineId { get; init; }

    public required string MacAddress { get; init; }

    public required string ReceiptJson { get; init; }

    public required string ReceiptSignature { get; init; }

    public required string KeyFingerprint { get; init; }

    /// <summary>SM3 of <see cref="ReceiptJson"/>: what the Ledger carries instead of the bidder and the lot.</summary>
    public required string Commitment { get; init; }
}

/// <summary>A lot's bids closed at its deadline: incomplete uploads expired and the commitments put on the Ledger, once.</summary>
internal sealed class BidClosing
{
    public Guid LotId { get; init; }

    public DateTimeOffset ClosedAt { get; init; }

    public int BidCount { get; init; }

    public int ExpiredUploads { get; init; }
}
