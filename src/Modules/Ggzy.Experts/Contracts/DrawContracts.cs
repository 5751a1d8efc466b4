namespace Ggzy.Experts.Contracts;

/// <summary>An evaluation site (评标地点): one, or several for remote cross-site evaluation (R15).</summary>
public sealed record DrawSiteInput(string? Name, string? Address);

/// <summary>So many experts of a specialty (a code of the specialty table, any level), at the site with that index.</summary>
public sealed record DrawDemandInput(string? Specialty, int Count, int Site);

/// <summary>
/// A draw request for a lot (评标委员会组建申请): when and where the evaluation starts, the committee (members, of whom
/// the tenderer's representatives) and the experts per specialty, which must add up to the members less the
/// representatives. <see cref="ComplexOrHighImpact"/>: 技术复杂或者社会影响较大 (财政部令第87号 第四十七条).
/// </summary>
public sealed record DrawRequestInput(
    Guid LotId,
    DateTimeOffset? EvaluationStartsAt,
    IReadOnlyList<DrawSiteInput>? Sites,
    int Members,
    int Representatives,
    bool ComplexOrHighImpact,
    IReadOnlyList<DrawDemandInput>? Demands);

/// <summary>An expert's answer to an invitation: the one-time code from the message, and yes or no (with a reason).</summary>
public sealed record DrawAnswerInput(string? Code, bool Accept, string? Reason);

/// <summary>Sign-in at the evaluation: the sign-in code from the confirmation message and the commitment read and accepted.</summary>
public sealed record DrawSignInInput(string? Code, bool AcceptCommitment, string? CommitmentDigest);

public sealed record DrawSiteView(int Index, string Name, string Address);

public sealed record DrawDemandView(string Specialty, string SpecialtyName, int Count, int Site);

/// <summary>A round as the draw page shows it: commitments and digests, the seed once revealed, candidates and exclusions.</summary>
public sealed record DrawRoundView(
    int Number, string Kind, DateTimeOffset DrawnAt, string SeedCommitment, string? Seed, string SnapshotDigest, string SelectionDigest,
    int Candidates, IReadOnlyList<Drawing.DrawExclusionCount> Exclusions, int Seats);

/// <summary>
/// A seat as the draw page shows it: the pseudonym of this draw and the state; the expert's name and pool code only
/// to the center's staff of the lot, and only once the expert has signed in.
/// </summary>
public sealed record DrawSeatView(
    Guid SeatId, int Round, int Position, string Specialty, string Site, string Pseudonym, string State, string StateLabel,
    DateTimeOffset? AnswerBy, DateTimeOffset? SignedInAt, int? ReplacedInRound, string? ExpertName, string? ExpertCode);

/// <summary>How far the committee is: seats needed, holding (notified, confirmed, signed in), confirmed, signed in, open.</summary>
public sealed record DrawProgressView(int Needed, int Notified, int Confirmed, int SignedIn, int Declined, int NoAnswer, int Open);

public sealed record DrawSummaryView(
    Guid Id, Guid LotId, string LotCode, string LotName, string ProjectName, string State, string StateLabel, DateTimeOffset EvaluationStartsAt,
    DateTimeOffset DrawAt, DrawProgressView Progress);

public sealed record DrawView(
    Guid Id, Guid LotId, string LotCode, string LotName, string ProjectName, string Regime, string Method, string TendererName, string? AgencyName,
    string State, string StateLabel, string? FailureReason, DateTimeOffset RequestedAt, string RequestedBy, DateTimeOffset EvaluationStartsAt,
    DateTimeOffset DrawAt, IReadOnlyList<DrawSiteView> Sites, IReadOnlyList<DrawDemandView> Demands, int Members, int Representatives,
    IReadOnlyList<DrawRoundView> Rounds, IReadOnlyList<DrawSeatView> Seats, DrawProgressView Progress, DateTimeOffset? ClosedAt,
    bool MayRun, bool MayClose, bool MayCancel, bool NamesShown);

/// <summary>An invitation as the drawn expert sees it: the lot, the time and place, what to do and until when.</summary>
public sealed record InvitationView(
    Guid SeatId, Guid DrawId, string LotCode, string LotName, string ProjectName, string TendererName, string? AgencyName, string Specialty,
    string SpecialtyName, DrawSiteView Site, DateTimeOffset EvaluationStartsAt, string State, string StateLabel, DateTimeOffset? AnswerBy,
    bool MayAnswer, bool MaySignIn, DateTimeOffset SignInOpensAt, DateTimeOffset SignInClosesAt, DateTimeOffset? SignedInAt,
    string? CommitmentVersion, string? CommitmentDigest);

/// <summary>A message of the simulated gateway.</summary>
public sealed record SimulatedMessageView(
    long Id, DateTimeOffset SentAt, string ExpertCode, string Recipient, string Channel, string Purpose, string Text, Guid DrawId, Guid SeatId);
