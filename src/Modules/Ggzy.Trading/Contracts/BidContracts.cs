using System.Security.Claims;
using System.Text.Json.Serialization;

namespace Ggzy.Trading.Contracts;

/// <summary>A bidder's declaration that starts an upload (docs/bid-submission.md).</summary>
public sealed record StartBidUploadInput(long? Size, string? Digest, string? FileName);

/// <summary>The receipt (回执) the platform signed: the exact JSON, its parsed form, the signature and the key's fingerprint.</summary>
public sealed record BidReceiptView(BidReceipt Receipt, string ReceiptJson, string Signature, string KeyFingerprint);

/// <summary>The signed content of a receipt, <c>ggzy.bid-receipt.v1</c>; serialised in this order and signed as is.</summary>
public sealed record BidReceipt(
    [property: JsonPropertyName("format")] string Format,
    [property: JsonPropertyName("bidId")] Guid BidId,
    [property: JsonPropertyName("lotId")] Guid LotId,
    [property: JsonPropertyName("lotCode")] string LotCode,
    [property: JsonPropertyName("bidderCreditCode")] string BidderCreditCode,
    [property: JsonPropertyName("bidderName")] string BidderName,
    [property: JsonPropertyName("digest")] string Digest,
    [property: JsonPropertyName("size")] long Size,
    [property: JsonPropertyName("completedAt")] DateTimeOffset CompletedAt,
    [property: JsonPropertyName("replaces")] Guid? Replaces)
{
    public const string FormatV1 = "ggzy.bid-receipt.v1";
}

/// <summary>An upload as its bidder sees it; <see cref="Receipt"/> once it became a bid.</summary>
public sealed record BidUploadView(
    Guid UploadId, Guid LotId, string LotCode, long Size, string Digest, string FileName, long Received, string State,
    string StateLabel, DateTimeOffset StartedAt, DateTimeOffset? EndedAt, BidReceiptView? Receipt);

/// <summary>One of the bidder's own bids for a lot.</summary>
public sealed record OwnBidView(
    Guid BidId, string Digest, long Size, DateTimeOffset CompletedAt, string Status, string StatusLabel, DateTimeOffset? EndedAt,
    BidReceiptView Receipt);

/// <summary>The bidder's own bids and uploads for a lot.</summary>
public sealed record OwnBidsView(
    Guid LotId, string LotCode, string LotName, string ProjectName, string LotState, DateTimeOffset? Deadline, bool TakingBids,
    string? RefusalReason, BidReceiptView? Current, IReadOnlyList<OwnBidView> History, IReadOnlyList<BidUploadView> Uploads);

/// <summary>A bid as those who run, host or supervise the lot see it — only after the deadline.</summary>
public sealed record LotBidView(
    Guid BidId, string BidderName, string BidderCreditCode, string Digest, long Size, DateTimeOffset CompletedAt, string Status,
    string StatusLabel, DateTimeOffset? EndedAt, string ToolVersion, string MachineId, string MacAddress);

/// <summary>The key the platform signs receipts with.</summary>
public sealed record ReceiptKeyView(string Algorithm, string PublicKeyPem, string Fingerprint);

/// <summary>A lot the bidder's organisation may bid on, for the bids page.</summary>
public sealed record BiddableLot(
    Guid LotId, string LotCode, string LotName, string ProjectName, string LotState, DateTimeOffset? Deadline, bool HasCurrentBid,
    DateTimeOffset? CurrentBidAt);

/// <summary>Sealed bids (投标文件递交): upload, receipt, replacement, withdrawal; the list of a lot's bids after its deadline.</summary>
public interface IBidSubmissions
{
    Task<IReadOnlyList<BiddableLot>> BiddableLotsAsync(ClaimsPrincipal principal, CancellationToken ct);

    /// <summary>Starts an upload, or finds the open upload or current bid of the same envelope (created = false).</summary>
    Task<(BidUploadView Upload, bool Created)> StartAsync(ClaimsPrincipal principal, Guid lotId, StartBidUploadInput input, CancellationToken ct);

    Task<BidUploadView> UploadAsync(ClaimsPrincipal principal, Guid uploadId, CancellationToken ct);

    Task<BidUploadView> AppendAsync(ClaimsPrincipal principal, Guid uploadId, long offset, Stream chunk, CancellationToken ct);

    Task<BidUploadView> CompleteAsync(ClaimsPrincipal principal, Guid uploadId, CancellationToken ct);

    Task AbandonAsync(ClaimsPrincipal principal, Guid uploadId, CancellationToken ct);

    Task<OwnBidsView> MineAsync(ClaimsPrincipal principal, Guid lotId, CancellationToken ct);

    Task<OwnBidView> WithdrawAsync(ClaimsPrincipal principal, Guid lotId, CancellationToken ct);

    Task<IReadOnlyList<LotBidView>> ListAsync(ClaimsPrincipal principal, Guid lotId, CancellationToken ct);

    ReceiptKeyView ReceiptKey();
}
