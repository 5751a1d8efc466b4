namespace Ggzy.Trading.Domain.Evaluation;

/// <summary>A member of the evaluation committee (评标委员会成员): a drawn expert or the tenderer's representative.</summary>
internal sealed record CommitteeMember(Guid Id, string Name);

/// <summary>The review stages a bid passes before it is compared (87号令 第四十四条、第五十条、第五十二条; 12号令 第三章、第四章).</summary>
internal enum ReviewStage
{
    /// <summary>资格审查.</summary>
    Qualification = 1,

    /// <summary>符合性审查 / 初步评审.</summary>
    Compliance = 2,

    /// <summary>详细评审.</summary>
    Detailed = 3,
}

/// <summary>
/// A bid the committee rejected (否决投标 / 无效投标) at a stage: the ground (the provision or the documents' clause it rests
/// on, e.g. 实施条例 第五十一条（五）) and the reason in the committee's words — both are told to the bidder (1117号 (五)),
/// and a rejection without them is a finding of the before-report checks.
/// </summary>
internal sealed record Rejection(ReviewStage Stage, string? Ground, string? Reason);

/// <summary>
/// A bid as the evaluation sees it: the price read out at the opening, the arithmetic correction put to the bidder (if
/// any), and the committee's rejection (if any).
/// </summary>
internal sealed record EvaluatedBid(Guid BidId, string BidderName, decimal ReadOutPrice, PriceCorrection? Correction = null, Rejection? Rejection = null)
{
    /// <summary>Whether a correction that changes the price still waits for the bidder's confirmation.</summary>
    public bool CorrectionPending => Correction is { State: CorrectionState.Proposed, Proposal.Changes: true };

    /// <summary>The price that binds the bidder: the read-out price, or the corrected one once confirmed; none while a change waits or was declined.</summary>
    public decimal? BindingPrice => Correction is null || !Correction.Proposal.Changes ? ReadOutPrice : Correction.BindingPrice;

    /// <summary>Whether the bid passed the qualification review (it was not rejected there).</summary>
    public bool Qualified => Rejection is not { Stage: ReviewStage.Qualification };

    /// <summary>Not rejected, and its price binds (no correction waiting, none declined).</summary>
    public bool IsValid => Rejection is null && BindingPrice is not null;
}

/// <summary>The value the committee gives a bid for one of the documents' price adjustment factors (a signed amount or percentage).</summary>
internal sealed record PriceAdjustment(Guid BidId, string FactorCode, decimal Value, string Reason);

/// <summary>One adjustment as applied: the factor, the value entered and its effect on the price in 元.</summary>
internal sealed record AppliedAdjustment(string FactorCode, string FactorName, decimal Value, decimal Effect, string Reason);
