namespace Ggzy.Trading.Domain.Evaluation;

/// <summary>One member's points for a group (评审因素) of one bid, and whether the aggregation dropped them as an extreme.</summary>
internal sealed record MemberGroupScore(Guid MemberId, decimal Points, bool Dropped);

/// <summary>The committee's points for a group of one bid: the members' points and their aggregate, rounded.</summary>
internal sealed record GroupScore(string GroupCode, string GroupName, decimal Points, IReadOnlyList<MemberGroupScore> Members);

/// <summary>
/// One valid bid's result: the binding price, the evaluated price (after the documents' adjustments: the price the
/// benchmark and the ranking use), the price score (comprehensive only), the groups' points, the total, the rank.
/// </summary>
internal sealed record BidResult(
    Guid BidId,
    string BidderName,
    decimal BidPrice,
    decimal EvaluatedPrice,
    IReadOnlyList<AppliedAdjustment> Adjustments,
    decimal? PriceScore,
    IReadOnlyList<GroupScore> Groups,
    decimal? Total,
    int Rank,
    bool Tied)
{
    /// <summary>The group's aggregate points, or 0 when the bid has no such group.</summary>
    public decimal GroupPoints(string code) =>
        Groups.FirstOrDefault(g => string.Equals(g.GroupCode, code, StringComparison.Ordinal))?.Points ?? 0;
}

/// <summary>
/// The comparison of the valid bids (详细评审的结果): the method, the 评标基准价 (comprehensive), every valid bid ranked,
/// how ties were separated, and the bids left out (rejected, or whose price does not bind).
/// </summary>
internal sealed record EvaluationOutcome(
    EvaluationMethod Method,
    decimal? Benchmark,
    IReadOnlyList<BidResult> Ranked,
    IReadOnlyList<TieResolution> Ties,
    IReadOnlyList<EvaluatedBid> Excluded);
