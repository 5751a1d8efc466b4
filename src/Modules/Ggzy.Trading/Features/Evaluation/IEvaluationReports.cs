namespace Ggzy.Trading.Features.Evaluation;

/// <summary>
/// A lot's signed evaluation report as what follows it reads it: the candidate publicity or result notice, the award,
/// the losers' own scores (87号令 第六十九条) and the archive. Written by the evaluation room; read-only here.
/// </summary>
/// <param name="LotId">The lot evaluated.</param>
/// <param name="ReportId">The report, as the room stores it.</param>
/// <param name="SignedAt">When the last member signed or was deemed to agree: the report's delivery to the tenderer.</param>
/// <param name="Digest">SM3 of the report document (lowercase hex), as archived and cited on the Ledger.</param>
/// <param name="AllRejected">The committee rejected every bid (否决所有投标), with its reason.</param>
/// <param name="RejectionReason">Why every bid was rejected; null otherwise.</param>
/// <param name="Candidates">Ranked candidates (at most 3), rank 1 first; empty when every bid was rejected.</param>
/// <param name="Bids">Every bid the committee evaluated, valid or rejected, with its total and rank where it has one.</param>
internal sealed record SignedEvaluationReport(
    Guid LotId,
    Guid ReportId,
    DateTimeOffset SignedAt,
    string Digest,
    bool AllRejected,
    string? RejectionReason,
    IReadOnlyList<ReportedCandidate> Candidates,
    IReadOnlyList<ReportedBid> Bids);

/// <summary>A ranked candidate (中标候选人 / 成交候选人) with what the publicity must show (10号令).</summary>
internal sealed record ReportedCandidate(
    int Rank,
    Guid BidId,
    Guid BidderEntityId,
    string BidderName,
    decimal BidPrice,
    decimal EvaluatedPrice,
    decimal? Total,
    string? ProjectLeader,
    string? ProjectLeaderCertificate);

/// <summary>One evaluated bid: valid or rejected with its reason; total and rank where it has them.</summary>
internal sealed record ReportedBid(
    Guid BidId,
    Guid BidderEntityId,
    string BidderName,
    decimal? BidPrice,
    bool Valid,
    string? RejectionReason,
    decimal? Total,
    int? Rank);

/// <summary>The evaluation room's signed reports, for the award and the archive.</summary>
internal interface IEvaluationReports
{
    /// <summary>The lot's signed report, or null while there is none.</summary>
    Task<SignedEvaluationReport?> FindSignedAsync(Guid lotId, CancellationToken ct);
}
