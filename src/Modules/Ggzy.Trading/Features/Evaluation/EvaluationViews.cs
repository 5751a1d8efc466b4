namespace Ggzy.Trading.Features.Evaluation;

/// <summary>The evaluation criteria (ggzy.evaluation-criteria.v1) as JSON text.</summary>
internal sealed record EvaluationCriteriaInput(string? CriteriaJson);

/// <summary>Opening the room: the accounts of the tenderer's representatives (招标人代表), as many as the draw's request named.</summary>
internal sealed record OpenRoomInput(IReadOnlyList<string>? Representatives);

internal sealed record VoteInput(Guid CandidateId);

/// <summary>A member's mark of a bid at the qualification (<c>qualification</c>) or compliance (<c>compliance</c>) review; a fail needs its reason.</summary>
internal sealed record ReviewInput(string? Stage, Guid BidId, bool Pass, string? Ground, string? Reason);

/// <summary>A member's draft points for one bid, by item code (the price item is computed, never entered).</summary>
internal sealed record ScoreInput(Guid BidId, IReadOnlyDictionary<string, decimal>? Points);

internal sealed record ReviseInput(Guid BidId, string? ItemCode, decimal Points, string? Reason);

internal sealed record JustifyInput(string? FindingKey, string? Text);

internal sealed record PriceLineInput(string? Name, decimal Quantity, decimal UnitPrice, decimal StatedTotal);

/// <summary>What the bid says about its price, for the arithmetic correction (算术修正).</summary>
internal sealed record CorrectionInput(Guid BidId, decimal SheetTotal, string? SheetTotalInWords, decimal? BodyTotal, IReadOnlyList<PriceLineInput>? Lines);

internal sealed record CorrectionDecisionInput(bool Confirm);

internal sealed record AdjustmentInput(Guid BidId, string? FactorCode, decimal Value, string? Reason);

internal sealed record ClarificationInput(Guid BidId, string? Question, DateTimeOffset? Deadline);

internal sealed record ClarificationAnswerInput(string? Answer);

internal sealed record CompetitionInput(bool RejectAll, string? Argument);

internal sealed record RejectionInput(string? Ground, string? Reason);

internal sealed record SignInput(bool Agree, string? Reason);

internal sealed record EvaluationSetupView(Guid LotId, string LotCode, string? CriteriaJson, string? CriteriaDigest, DateTimeOffset? SetAt, string? SetBy, bool MayChange);

internal sealed record RoomSummaryView(Guid LotId, string LotCode, string LotName, string ProjectName, string Stage, string StageLabel, DateTimeOffset OpenedAt, bool Member);

internal sealed record RoomMemberView(
    Guid Id, string Kind, string DisplayName, string UserName, string? Specialty, int Site, string SiteName, DateTimeOffset? SignedInAt, bool Voted,
    bool Submitted, string? Signature);

internal sealed record RoomBidView(
    Guid BidId, string BidderName, decimal ReadOutPrice, decimal? BindingPrice, string? ProjectLeader, string? RejectedAt, string? RejectionGround,
    string? RejectionReason);

internal sealed record RoomReviewView(string Stage, Guid BidId, bool Pass, string? Ground, string? Reason, DateTimeOffset At);

internal sealed record RoomScoreView(Guid MemberId, string Member, Guid BidId, IReadOnlyDictionary<string, decimal> Points, bool Submitted);

internal sealed record RoomItemView(string Group, string Code, string Name, string Kind, decimal MaxPoints, string Scale);

internal sealed record RoomFindingView(string Key, string Kind, string Message, string Citation, bool MayBeJustified, string? Justification);

internal sealed record RoomCorrectionView(
    Guid Id, Guid BidId, string BidderName, decimal ReadOutPrice, decimal CorrectedPrice, IReadOnlyList<string> Steps, string State, string Consequence,
    DateTimeOffset ProposedAt, DateTimeOffset? DecidedAt);

internal sealed record RoomFactorView(string Code, string Name, string Kind, bool PolicyDeduction);

internal sealed record RoomAdjustmentView(Guid BidId, string BidderName, string FactorCode, string FactorName, decimal Value, string Reason, string By, DateTimeOffset At);

internal sealed record RoomClarificationView(
    Guid Id, Guid BidId, string BidderName, string Question, DateTimeOffset Deadline, string? Answer, DateTimeOffset? AnsweredAt, string AskedBy);

/// <summary>The report: the digest fixed at generation; once signed, the signed document's SM3 and the platform's signature over it (DER, base64) with its key's fingerprint.</summary>
internal sealed record RoomReportView(Guid ReportId, string Digest, DateTimeOffset GeneratedAt, string? SignedDigest, DateTimeOffset? SignedAt, bool AllRejected,
    string? PlatformSignature = null, string? KeyFingerprint = null);

internal sealed record RoomCandidateView(int Rank, string BidderName, decimal BidPrice, decimal EvaluatedPrice, decimal? Total, string? ProjectLeader);

/// <summary>
/// The room. A member signed in sees the bids, its own reviews, the score sheets it may see (its own; the others' only once
/// it submitted its own), the findings, corrections, clarifications and the report; anyone else who may watch sees the
/// stage, the committee and the report's digest, never the bids or the scores.
/// </summary>
internal sealed record RoomView(
    Guid LotId, string LotCode, string LotName, string ProjectName, string Regime, string Method, string Stage, string StageLabel, DateTimeOffset OpenedAt,
    string CriteriaDigest, IReadOnlyList<RoomMemberView> Members, Guid? ChairId, int ElectionRound, Guid? MeId, bool SignedIn, bool IsChair,
    IReadOnlyList<RoomBidView>? Bids, IReadOnlyList<RoomItemView>? Items, IReadOnlyList<RoomReviewView>? MyReviews, IReadOnlyList<RoomScoreView>? Scores,
    bool MySubmitted, IReadOnlyList<RoomFindingView>? Findings, string? Competition, bool? RejectAll, string? CompetitionArgument,
    IReadOnlyList<RoomCorrectionView>? Corrections, IReadOnlyList<RoomClarificationView>? Clarifications, IReadOnlyList<RoomCandidateView>? Candidates,
    RoomReportView? Report, string? ReportHtml, IReadOnlyList<string> Sites, int Revision, IReadOnlyList<RoomFactorView>? Factors = null,
    IReadOnlyList<RoomAdjustmentView>? Adjustments = null, RoomComparisonView? Comparison = null);

/// <summary>
/// The comparison of the valid bids once every member has submitted (and nothing blocks the report): the 评标基准价 and each
/// bid's evaluated price, price score ((评标基准价/评标价)×分值, 87号令 第五十五条), total and rank — what the report's 比较一览表 shows.
/// </summary>
internal sealed record RoomComparisonView(decimal? Benchmark, IReadOnlyList<RoomComparisonRowView> Rows);

internal sealed record RoomComparisonRowView(Guid BidId, string BidderName, decimal BidPrice, decimal EvaluatedPrice, decimal? PriceScore, decimal? Total, int Rank, bool Tied);

/// <summary>What a bidder sees of the evaluation: the committee's requests to it and the corrections of its price.</summary>
internal sealed record BidderEvaluationView(
    Guid LotId, string LotCode, string LotName, IReadOnlyList<RoomCorrectionView> Corrections, IReadOnlyList<RoomClarificationView> Clarifications);
