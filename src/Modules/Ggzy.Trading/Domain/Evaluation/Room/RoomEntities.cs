namespace Ggzy.Trading.Domain.Evaluation.Room;

/// <summary>Where the evaluation room stands (docs/evaluation.md §11).</summary>
internal enum RoomStage
{
    /// <summary>推选评标委员会主任（组长）.</summary>
    Election = 1,

    /// <summary>资格审查.</summary>
    Qualification = 2,

    /// <summary>符合性审查（初步评审）.</summary>
    Compliance = 3,

    /// <summary>详细评审: independent scoring, corrections, clarifications, the checks before the report.</summary>
    Scoring = 4,

    /// <summary>评标报告已生成，待成员签署.</summary>
    Signing = 5,

    /// <summary>评标报告已签署并提交.</summary>
    Closed = 6,
}

/// <summary>The criteria (评标办法) of a lot, set by the tenderer or agency before the room opens (ggzy.evaluation-criteria.v1).</summary>
internal sealed class EvaluationSetup
{
    public Guid LotId { get; init; }

    public required string CriteriaJson { get; set; }

    /// <summary>SM3 of the criteria's canonical JSON, cited on the Ledger and in the report.</summary>
    public required string CriteriaDigest { get; set; }

    public required string SetBy { get; set; }

    public DateTimeOffset SetAt { get; set; }

    public int Revision { get; set; }
}

/// <summary>A lot's evaluation room: its committee, stage, chair, decisions and report.</summary>
internal sealed class EvaluationRoom
{
    public Guid LotId { get; init; }

    public Guid DrawId { get; init; }

    public RoomStage Stage { get; set; } = RoomStage.Election;

    public DateTimeOffset OpenedAt { get; init; }

    public required string OpenedBy { get; init; }

    /// <summary>The criteria as they were when the room opened (they no longer change).</summary>
    public required string CriteriaJson { get; init; }

    public required string CriteriaDigest { get; init; }

    public Guid? ChairId { get; set; }

    public int ElectionRound { get; set; } = 1;

    public bool? RejectAll { get; set; }

    public string? CompetitionArgument { get; set; }

    public string? CompetitionBy { get; set; }

    public DateTimeOffset? CompetitionAt { get; set; }

    public Guid? ReportId { get; set; }

    /// <summary>The report document (HTML, UTF-8): fixed once generated.</summary>
    public string? ReportHtml { get; set; }

    public string? ReportDigest { get; set; }

    public DateTimeOffset? ReportGeneratedAt { get; set; }

    /// <summary>The signed report: the document with its signature page (who signed, who dissented and why, who is deemed to agree).</summary>
    public string? SignedHtml { get; set; }

    public string? SignedDigest { get; set; }

    /// <summary>The platform's SM3withSM2 signature (DER, base64) over the exact UTF-8 bytes of <see cref="SignedHtml"/>, as the archive manifest is signed.</summary>
    public string? PlatformSignature { get; set; }

    /// <summary>SM3 of the signing key's SubjectPublicKeyInfo: the fingerprint <c>GET /api/v1/trading/bids/receipt-key</c> publishes.</summary>
    public string? PlatformKeyFingerprint { get; set; }

    public DateTimeOffset? SignedAt { get; set; }

    /// <summary>The report's result as JSON, for the award and the archive (the candidates and every bid).</summary>
    public string? ResultJson { get; set; }

    public int Revision { get; set; }
}

internal enum MemberKind
{
    /// <summary>抽取的评标专家.</summary>
    Expert = 1,

    /// <summary>招标人（采购人）代表.</summary>
    Representative = 2,
}

/// <summary>A member of the committee: a drawn expert (seat of the draw) or a representative named from the tenderer's staff.</summary>
internal sealed class EvaluationMember
{
    public Guid Id { get; init; }

    public Guid LotId { get; init; }

    public MemberKind Kind { get; init; }

    /// <summary>The platform account the member acts with.</summary>
    public required string UserName { get; init; }

    /// <summary>The draw's pseudonym for an expert; the account's display name for a representative.</summary>
    public required string DisplayName { get; init; }

    public string? Specialty { get; init; }

    public int Site { get; init; }

    public required string SiteName { get; init; }

    public Guid? SeatId { get; init; }

    /// <summary>Signed in at the evaluation: the expert at the draw's sign-in; the representative in the room.</summary>
    public DateTimeOffset? SignedInAt { get; set; }
}

/// <summary>A vote for the chair in one round.</summary>
internal sealed class EvaluationVote
{
    public Guid Id { get; init; }

    public Guid LotId { get; init; }

    public int Round { get; init; }

    public Guid VoterId { get; init; }

    public Guid CandidateId { get; init; }

    public DateTimeOffset At { get; init; }
}

/// <summary>A bid before the committee: the opening's decrypted bid, its read-out price, and the committee's rejection if any.</summary>
internal sealed class EvaluationBid
{
    public Guid BidId { get; init; }

    public Guid LotId { get; init; }

    public Guid OrganizationId { get; init; }

    public required string BidderName { get; init; }

    public decimal ReadOutPrice { get; init; }

    public string? ProjectLeader { get; init; }

    public string? ProjectLeaderCertificate { get; init; }

    public ReviewStage? RejectedAt { get; set; }

    public string? RejectionGround { get; set; }

    public string? RejectionReason { get; set; }
}

/// <summary>One member's pass or fail of one bid at the qualification or compliance review.</summary>
internal sealed class EvaluationReview
{
    public Guid Id { get; init; }

    public Guid LotId { get; init; }

    public ReviewStage Stage { get; init; }

    public Guid MemberId { get; init; }

    public Guid BidId { get; init; }

    public bool Pass { get; set; }

    public string? Ground { get; set; }

    public string? Reason { get; set; }

    public DateTimeOffset At { get; set; }
}

/// <summary>One member's score sheet for one bid: a draft until the member submits all of them.</summary>
internal sealed class EvaluationScore
{
    public Guid Id { get; init; }

    public Guid LotId { get; init; }

    public Guid MemberId { get; init; }

    public Guid BidId { get; init; }

    public required string PointsJson { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public DateTimeOffset? SubmittedAt { get; set; }
}

/// <summary>A change to a submitted score after the checks, with the member's reason (87号令 第六十四条).</summary>
internal sealed class EvaluationScoreRevision
{
    public Guid Id { get; init; }

    public Guid LotId { get; init; }

    public Guid MemberId { get; init; }

    public Guid BidId { get; init; }

    public required string ItemCode { get; init; }

    public decimal? From { get; init; }

    public decimal To { get; init; }

    public required string Reason { get; init; }

    public DateTimeOffset At { get; init; }
}

/// <summary>The committee's justification of a 畸高畸低 finding.</summary>
internal sealed class EvaluationJustification
{
    public Guid Id { get; init; }

    public Guid LotId { get; init; }

    public required string FindingKey { get; init; }

    public required string Text { get; init; }

    public required string By { get; init; }

    public DateTimeOffset At { get; init; }
}

/// <summary>An arithmetic correction of a bid's price, put to the bidder; binding only once the bidder confirms it online.</summary>
internal sealed class EvaluationCorrection
{
    public Guid Id { get; init; }

    public Guid LotId { get; init; }

    public Guid BidId { get; init; }

    /// <summary>The <see cref="CorrectionProposal"/> as JSON.</summary>
    public required string ProposalJson { get; init; }

    public decimal CorrectedPrice { get; init; }

    public CorrectionState State { get; set; } = CorrectionState.Proposed;

    public required string ProposedBy { get; init; }

    public DateTimeOffset ProposedAt { get; init; }

    public string? DecidedBy { get; set; }

    public DateTimeOffset? DecidedAt { get; set; }
}

/// <summary>
/// The value the committee (its chair) enters for one of the documents' price adjustment factors on one bid (评标价格调整,
/// 经评审的最低投标价法): replaced while the detailed evaluation runs, with its reason.
/// </summary>
internal sealed class EvaluationAdjustment
{
    public Guid Id { get; init; }

    public Guid LotId { get; init; }

    public Guid BidId { get; init; }

    public required string FactorCode { get; init; }

    public decimal Value { get; set; }

    public required string Reason { get; set; }

    public required string By { get; set; }

    public DateTimeOffset At { get; set; }
}

/// <summary>A clarification request to a bidder with its deadline and the bidder's answer (澄清、说明).</summary>
internal sealed class EvaluationClarification
{
    public Guid Id { get; init; }

    public Guid LotId { get; init; }

    public Guid BidId { get; init; }

    public required string Question { get; init; }

    public required string AskedBy { get; init; }

    public DateTimeOffset AskedAt { get; init; }

    public DateTimeOffset Deadline { get; init; }

    public string? Answer { get; set; }

    public string? AnsweredBy { get; set; }

    public DateTimeOffset? AnsweredAt { get; set; }
}

internal enum SignatureKind
{
    /// <summary>签字同意.</summary>
    Signed = 1,

    /// <summary>签署不同意见并说明理由.</summary>
    Dissented = 2,

    /// <summary>拒绝签字且不陈述理由：视为同意评标结论.</summary>
    Deemed = 3,
}

/// <summary>A member's act on the report: signed, dissented with reasons, or (at completion, if silent) deemed to agree.</summary>
internal sealed class EvaluationSignature
{
    public Guid Id { get; init; }

    public Guid LotId { get; init; }

    public Guid MemberId { get; init; }

    public SignatureKind Kind { get; init; }

    public string? Reason { get; init; }

    /// <summary>The SM3 of the report the member signed.</summary>
    public required string ReportDigest { get; init; }

    public DateTimeOffset At { get; init; }
}
