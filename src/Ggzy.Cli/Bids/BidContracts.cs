namespace Ggzy.Cli.Bids;

// The platform's answers as docs/bid-submission.md defines them (JSON, camelCase). Ids are kept as text: the tool
// only sends them back.

/// <summary>A lot as <c>GET /api/v1/trading/lots</c> lists it (the fields the tool uses).</summary>
internal sealed record LotListing(string LotId, string LotTradeCode, string LotName, string State, bool OnSale, DateTimeOffset? Deadline);

/// <summary>An upload of an envelope in chunks; <see cref="Receipt"/> once completed.</summary>
internal sealed record BidUpload(
    string UploadId, string LotId, string LotCode, long Size, string Digest, long Received, string State,
    DateTimeOffset StartedAt, SignedReceipt? Receipt)
{
    public const string Open = "open";
    public const string Completed = "completed";
}

/// <summary>A receipt as the platform sends it: the signed JSON text, its parsed form and the signature.</summary>
internal sealed record SignedReceipt(BidReceipt Receipt, string ReceiptJson, string Signature, string KeyFingerprint);

/// <summary>The fields of a receipt (<c>ggzy.bid-receipt.v1</c>).</summary>
internal sealed record BidReceipt(
    string Format, string BidId, string LotId, string LotCode, string BidderCreditCode, string BidderName,
    string Digest, long Size, DateTimeOffset CompletedAt, string? Replaces)
{
    public const string FormatV1 = "ggzy.bid-receipt.v1";
}

/// <summary>A bid in the bidder's history of a lot.</summary>
internal sealed record BidRecord(
    string BidId, string Digest, long Size, DateTimeOffset CompletedAt, string Status, DateTimeOffset? EndedAt, SignedReceipt? Receipt);

/// <summary><c>GET /lots/{lotId}/bids/mine</c>.</summary>
internal sealed record MyBids(
    string LotId, string LotCode, DateTimeOffset? Deadline, SignedReceipt? Current, IReadOnlyList<BidRecord>? History,
    IReadOnlyList<BidUpload>? Uploads);

/// <summary>The public key the platform signs receipts with.</summary>
internal sealed record ReceiptKey(string Algorithm, string PublicKeyPem, string Fingerprint);

/// <summary>The platform's answer to a decryption (<c>POST /lots/{lotId}/opening/decrypt</c>, docs/bid-opening.md).</summary>
internal sealed record DecryptedBid(
    string BidId, string Outcome, string OutcomeLabel, DateTimeOffset? DecidedAt, string? FailureCode, string? FailureReason,
    string? TotalPrice, IReadOnlyDictionary<string, string>? Items, string? PriceSheetProblem);
