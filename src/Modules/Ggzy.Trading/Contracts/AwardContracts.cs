namespace Ggzy.Trading.Contracts;

/// <summary>Publishing the candidate publicity (工程招标): when it ends (北京时间); empty means the shortest lawful period.</summary>
public sealed record PublicityInput(DateTimeOffset? EndsAt);

/// <summary>A bidder's objection to the evaluation result, raised during the publicity.</summary>
public sealed record AwardObjectionInput(string? Text);

/// <summary>The tenderer's answer to an objection.</summary>
public sealed record AwardAnswerInput(string? Answer);

/// <summary>
/// 定标: the chosen candidate's bid; when it is not the first-ranked, the statutory reason (declined, force-majeure,
/// no-performance-security, disqualified) and an explanation.
/// </summary>
public sealed record AwardInput(Guid? BidId, string? SkipReason, string? Explanation);

/// <summary>The contract's main terms as drafted by the tenderer (the amount is the awarded price).</summary>
public sealed record ContractDraftInput(string? Terms);

/// <summary>Signing the contract: the SM3 digest of the contract as read, so a party signs exactly the bytes it saw.</summary>
public sealed record ContractSignInput(string? Digest);

/// <summary>A performance record: acceptance, payment, defect or other; the day; an amount where it has one; what happened.</summary>
public sealed record PerformanceInput(string? Kind, DateOnly? On, decimal? Amount, string? Text);

/// <summary>
/// A filing after the report recorded on the platform: 工程招标 the written report to the supervisory department
/// (招标投标法 第四十七条: its day, the department, the receipt's number); 政府采购 the report sent to the purchaser
/// (87号令 第六十八条: its day and to whom).
/// </summary>
public sealed record AwardFilingInput(DateOnly? On, string? Recipient, string? Reference);

/// <summary>A filing as recorded: which (supervisor-report, report-to-purchaser), the day, to whom, the number, who recorded it and when.</summary>
/// <see cref="On"/> is the day in force; <see cref="Corrections"/> the center's corrections in order, each with the day it replaced.
public sealed record AwardFilingView(string Kind, string What, DateOnly On, string Recipient, string? Reference, string RecordedBy, DateTimeOffset RecordedAt,
    IReadOnlyList<AwardFilingCorrectionView>? Corrections = null);

/// <summary>A correction of a filing's day by the center's staff: the day replaced, the new day, why, who and when.</summary>
public sealed record AwardFilingCorrectionView(DateOnly PreviousOn, DateOnly CorrectedOn, string Reason, string CorrectedBy, DateTimeOffset CorrectedAt);

/// <summary>The center's correction of a recorded filing's day, with its reason (5–300 characters).</summary>
public sealed record AwardFilingCorrectionInput(DateOnly? On, string? Reason);

/// <summary>A statutory date after the report and where it stands: not-due, due, late, met (done in time) or missed (done late).</summary>
public sealed record AwardDeadlineView(string Rule, string What, string Citation, DateOnly Date, string State, string StateLabel, bool Provisional, string Description);

/// <summary>A ranked candidate as the publicity shows it (10号令: rank, name, price, project leader and certificate).</summary>
public sealed record CandidateView(int Rank, Guid BidId, Guid BidderEntityId, string BidderName, decimal BidPrice, decimal EvaluatedPrice, decimal? Total,
    string? ProjectLeader, string? ProjectLeaderCertificate);

/// <summary>One evaluated bid with its score and rank: every bid for those who run or supervise the lot, a bidder's own only for a bidder.</summary>
public sealed record EvaluatedBidView(Guid BidId, string BidderName, decimal? BidPrice, bool Valid, string? RejectionReason, decimal? Total, int? Rank);

public sealed record AwardObjectionView(Guid Id, string BidderName, string RaisedBy, string Text, DateTimeOffset ReceivedAt, DateOnly AnswerBy, string AnswerState,
    string? Answer, DateTimeOffset? AnsweredAt, string? AnsweredBy);

public sealed record AwardNoticeView(string WinnerName, int Rank, decimal Price, string? SkipReason, string? Explanation, DateTimeOffset AwardedAt, string AwardedBy,
    string NoticeJson, string Signature, string Digest, string KeyFingerprint, DateTimeOffset ResultPublishedAt);

public sealed record ContractView(decimal Amount, string Terms, string DocumentJson, string Digest, DateTimeOffset DraftedAt, string DraftedBy,
    DateTimeOffset? PurchaserSignedAt, string? PurchaserSignedBy, DateTimeOffset? SupplierSignedAt, string? SupplierSignedBy, DateTimeOffset? SignedAt,
    DateTimeOffset? PublishedAt);

public sealed record PerformanceView(Guid Id, string Kind, string KindLabel, DateOnly On, decimal? Amount, string Text, string RecordedBy, DateTimeOffset RecordedAt);

/// <summary>What the signed-in user may do now on the lot's award.</summary>
public sealed record AwardActions(bool StartPublicity, bool RaiseObjection, bool Answer, bool Award, bool DraftContract, bool SignAsPurchaser, bool SignAsSupplier,
    bool PublishContract, bool AddPerformance, bool FileSupervisorReport, bool RecordReportDelivery);

/// <summary>A lot's award as the signed-in user may see it (docs/award.md).</summary>
public sealed record AwardView(
    Guid LotId, string LotCode, string LotName, string ProjectCode, string ProjectName, string TendererName, string? AgencyName,
    string Regime, string State, string StateLabel, string? PausedFromLabel,
    Guid ReportId, string ReportDigest, DateTimeOffset ReportReceivedAt, bool AllRejected, string? RejectionReason,
    IReadOnlyList<CandidateView> Candidates, IReadOnlyList<EvaluatedBidView> Bids,
    DateTimeOffset? PublicityStartsAt, DateTimeOffset? PublicityEndsAt, string ObjectionChannel,
    IReadOnlyList<AwardDeadlineView> Deadlines, IReadOnlyList<AwardObjectionView> Objections,
    AwardNoticeView? Notice, ContractView? Contract, IReadOnlyList<PerformanceView> Performance, AwardActions Actions,
    IReadOnlyList<AwardFilingView> Filings,
    bool CanCorrectFilings = false);

/// <summary>Which public notice of the award (公示 / 公告).</summary>
public enum AwardNoticeKind
{
    /// <summary>中标候选人公示.</summary>
    Publicity = 1,

    /// <summary>中标（成交）结果公告（公示）.</summary>
    Result = 2,

    /// <summary>合同公告.</summary>
    Contract = 3,
}

/// <summary>One public notice of an award in the portal's list.</summary>
public sealed record PublishedAwardRow(Guid LotId, string LotCode, string LotName, string ProjectCode, string ProjectName, string TendererName,
    AwardNoticeKind Kind, DateTimeOffset PublishedAt, DateTimeOffset? EndsAt, string Summary);

/// <summary>A lot's public award notices: the publicity, the result and the contract's main terms, as far as each is published.</summary>
public sealed record PublishedAwardView(Guid LotId, string LotCode, string LotName, string ProjectCode, string ProjectName, string TendererName, string? AgencyName,
    string Regime, DateTimeOffset? PublicityStartsAt, DateTimeOffset? PublicityEndsAt, IReadOnlyList<CandidateView> Candidates, string ObjectionChannel,
    DateTimeOffset? ResultPublishedAt, string? WinnerName, decimal? AwardedPrice, string? NoticeDigest,
    DateTimeOffset? ContractPublishedAt, decimal? ContractAmount, string? ContractTerms, DateTimeOffset? ContractSignedAt, string? ContractDigest);

/// <summary>
/// The award's public notices as the portal shows them (《电子招标投标办法》第五十条; 10号令; 87号令 第六十九条;
/// 采购条例 第五十条): only what was published ever appears.
/// </summary>
public interface IPublishedAwards
{
    Task<IReadOnlyList<PublishedAwardRow>> ListAsync(AwardNoticeKind? kind, string? keyword, CancellationToken ct);

    /// <summary>The lot's published notices, or null when nothing of its award is published.</summary>
    Task<PublishedAwardView?> FindAsync(Guid lotId, CancellationToken ct);
}

/// <summary>A lot's award and contract for the signed-in user (docs/award.md); refusals are problem details with a stable code.</summary>
public interface IAwards
{
    Task<AwardView> ViewAsync(System.Security.Claims.ClaimsPrincipal principal, Guid lotId, CancellationToken ct);

    Task<(string Json, string Signature, string LotCode)> NoticeAsync(System.Security.Claims.ClaimsPrincipal principal, Guid lotId, CancellationToken ct);

    Task<(string Json, string LotCode)> ContractDocumentAsync(System.Security.Claims.ClaimsPrincipal principal, Guid lotId, CancellationToken ct);

    Task<AwardView> StartPublicityAsync(System.Security.Claims.ClaimsPrincipal principal, Guid lotId, PublicityInput input, CancellationToken ct);

    Task<AwardView> RaiseObjectionAsync(System.Security.Claims.ClaimsPrincipal principal, Guid lotId, AwardObjectionInput input, CancellationToken ct);

    Task<AwardView> AnswerObjectionAsync(System.Security.Claims.ClaimsPrincipal principal, Guid lotId, Guid objectionId, AwardAnswerInput input, CancellationToken ct);

    Task<AwardView> AwardAsync(System.Security.Claims.ClaimsPrincipal principal, Guid lotId, AwardInput input, CancellationToken ct);

    Task<AwardView> DraftContractAsync(System.Security.Claims.ClaimsPrincipal principal, Guid lotId, ContractDraftInput input, CancellationToken ct);

    Task<AwardView> SignContractAsync(System.Security.Claims.ClaimsPrincipal principal, Guid lotId, ContractSignInput input, CancellationToken ct);

    Task<AwardView> PublishContractAsync(System.Security.Claims.ClaimsPrincipal principal, Guid lotId, CancellationToken ct);

    Task<AwardView> AddPerformanceAsync(System.Security.Claims.ClaimsPrincipal principal, Guid lotId, PerformanceInput input, CancellationToken ct);

    Task<AwardView> FileSupervisorReportAsync(System.Security.Claims.ClaimsPrincipal principal, Guid lotId, AwardFilingInput input, CancellationToken ct);

    Task<AwardView> RecordReportDeliveryAsync(System.Security.Claims.ClaimsPrincipal principal, Guid lotId, AwardFilingInput input, CancellationToken ct);

    /// <summary>The center corrects a recorded filing's day (<c>supervisor-report</c> or <c>report-to-purchaser</c>) with its reason; the old day is kept.</summary>
    Task<AwardView> CorrectFilingAsync(System.Security.Claims.ClaimsPrincipal principal, Guid lotId, string filing, AwardFilingCorrectionInput input, CancellationToken ct);
}
