using System.Security.Claims;

namespace Ggzy.Trading.Contracts;

/// <summary>The opening settings a tenderer or agency sets with the tender documents, before the deadline.</summary>
public sealed record OpeningSettingsInput(
    IReadOnlyList<string>? Items, int? DecryptionMinutes, string? Fallback, decimal? ReferencePrice, decimal? MaxPrice);

/// <summary>A lot's opening settings (defaults where nothing was set).</summary>
public sealed record OpeningSettingsView(
    Guid LotId, string LotCode, IReadOnlyList<string> Items, int DecryptionMinutes, bool DecryptionMinutesDefault, string? Fallback,
    decimal? ReferencePrice, decimal? MaxPrice, bool IsDefault, DateTimeOffset? UpdatedAt, string? UpdatedBy, bool Editable)
{
    /// <summary>A prequalification lot: its deadline is for applications, and no bids are opened at it.</summary>
    public bool Prequalification { get; init; }
}

/// <summary>Sign-in to the hall: with a certificate challenge signed by the bidder's key, or (both null) by the account's session.</summary>
public sealed record OpeningSignInInput(Guid? ChallengeId, string? Signature);

/// <summary>The content key of the bidder's own envelope (32 hex digits), unwrapped on its own machine.</summary>
public sealed record OpeningDecryptInput(string? ContentKey);

/// <summary>A present bidder confirms the opening record it saw (its SM3 digest, optional).</summary>
public sealed record OpeningConfirmInput(string? RecordDigest);

public sealed record OpeningObjectionInput(string? Text);

public sealed record OpeningAnswerInput(string? Answer);

/// <summary>One step of the opening (签到, 提取, 解密, 唱标, 开标记录确认, 结束) and when it happened and by whom.</summary>
public sealed record OpeningStepView(string Step, string Label, string State, DateTimeOffset? At, string? By);

public sealed record OpeningAttendanceView(string BidderName, string BidderCreditCode, string UserName, string Method, DateTimeOffset At);

/// <summary>A bid in the hall. Price and items appear from the read-out on (the bidder's own once it is decrypted).</summary>
public sealed record OpeningBidView(
    Guid BidId, string BidderName, string BidderCreditCode, DateTimeOffset ArrivedAt, string Digest, long Size, bool SealIntact,
    string Outcome, string OutcomeLabel, DateTimeOffset? DecidedAt, string? FailureCode, string? FailureReason, int FailedAttempts,
    string? TotalPrice, IReadOnlyDictionary<string, string>? Items, string? PriceSheetProblem, bool FallbackOffered, bool Present,
    DateTimeOffset? ConfirmedAt, bool DeemedAccepted);

public sealed record OpeningObjectionView(
    Guid Id, string BidderName, string RaisedBy, DateTimeOffset RaisedAt, string Text, string? Answer, string? AnsweredBy, DateTimeOffset? AnsweredAt);

/// <summary>The opening record as signed by the platform (SM3withSM2 over the exact UTF-8 of <see cref="RecordJson"/>).</summary>
public sealed record OpeningRecordView(string RecordJson, string Signature, string Digest, string KeyFingerprint);

/// <summary>What the signed-in bidder may do now.</summary>
public sealed record OpeningMineView(string? Outcome, bool Present, bool MayDecrypt, bool MayConfirm, bool Confirmed, string? Fallback);

/// <summary>
/// A recording of the opening to register (87号令 第三十九条): where the center's recording system keeps the file, its SM3
/// digest (64 hex digits), when the recording started and ended, and an optional note.
/// </summary>
public sealed record OpeningRecordingInput(string? Locator, string? Digest, DateTimeOffset? StartedAt, DateTimeOffset? EndedAt, string? Note);

/// <summary>A registered recording of the opening: for the center's staff and the authorities, not part of the opening record.</summary>
public sealed record OpeningRecordingView(
    Guid Id, string Locator, string Digest, DateTimeOffset StartedAt, DateTimeOffset EndedAt, string? Note, string RegisteredBy, DateTimeOffset RegisteredAt);

/// <summary>
/// The hall: the lot, the stage, every step with its time, who is present, the bids, the objections and — from the
/// read-out on — the signed record. <see cref="Revision"/> changes with every change (the page can refresh on it).
/// </summary>
public sealed record OpeningView(
    Guid LotId, string LotCode, string LotName, string ProjectName, string Regime, string Stage, string StageLabel, DateTimeOffset Deadline,
    DateTimeOffset ExtractedAt, DateTimeOffset? DecryptionOpensAt, DateTimeOffset? DecryptionEndsAt, IReadOnlyList<string> Items,
    decimal? ReferencePrice, decimal? MaxPrice, string? Fallback, IReadOnlyList<OpeningStepView> Steps,
    IReadOnlyList<OpeningAttendanceView> Attendance, IReadOnlyList<OpeningBidView> Bids, IReadOnlyList<OpeningObjectionView> Objections,
    OpeningRecordView? Record, string? NotOpenedReason, string? NextStep, OpeningMineView? Mine, bool Hosts, bool Answers, long Revision)
{
    /// <summary>The registered recordings of the opening, for the center's staff and the authorities; null for everyone else.</summary>
    public IReadOnlyList<OpeningRecordingView>? Recordings { get; init; }
}

/// <summary>A published opening record, for anyone.</summary>
public sealed record PublishedOpeningView(
    Guid LotId, string LotCode, string LotName, string ProjectName, DateTimeOffset Deadline, DateTimeOffset ClosedAt, OpeningRecordView Record,
    IReadOnlyList<OpeningBidView> Bids, IReadOnlyList<OpeningObjectionView> Objections);

public sealed record PublishedOpeningSummary(Guid LotId, string LotCode, string LotName, string ProjectName, DateTimeOffset ClosedAt, int Bids);

/// <summary>The remote bid opening (不见面开标, docs/bid-opening.md).</summary>
public interface IBidOpenings
{
    Task<OpeningSettingsView> SettingsAsync(ClaimsPrincipal principal, Guid lotId, CancellationToken ct);

    Task<OpeningSettingsView> SetSettingsAsync(ClaimsPrincipal principal, Guid lotId, OpeningSettingsInput input, CancellationToken ct);

    /// <summary>The hall, for the center, the authorities, social supervisors, those who run the lot and its bidders — from the deadline on.</summary>
    Task<OpeningView> HallAsync(ClaimsPrincipal principal, Guid lotId, CancellationToken ct);

    Task<OpeningView> SignInAsync(ClaimsPrincipal principal, Guid lotId, OpeningSignInInput input, CancellationToken ct);

    Task<OpeningBidView> DecryptAsync(ClaimsPrincipal principal, Guid lotId, OpeningDecryptInput input, CancellationToken ct);

    Task<OpeningView> CloseDecryptionAsync(ClaimsPrincipal principal, Guid lotId, CancellationToken ct);

    Task<OpeningView> ReadOutAsync(ClaimsPrincipal principal, Guid lotId, CancellationToken ct);

    Task<OpeningView> ConfirmAsync(ClaimsPrincipal principal, Guid lotId, OpeningConfirmInput input, CancellationToken ct);

    Task<OpeningObjectionView> RaiseObjectionAsync(ClaimsPrincipal principal, Guid lotId, OpeningObjectionInput input, CancellationToken ct);

    Task<OpeningObjectionView> AnswerObjectionAsync(ClaimsPrincipal principal, Guid lotId, Guid objectionId, OpeningAnswerInput input, CancellationToken ct);

    Task<OpeningView> CloseAsync(ClaimsPrincipal principal, Guid lotId, CancellationToken ct);

    /// <summary>The center's staff register a recording of the opening made by the center's recording system (87号令 第三十九条).</summary>
    Task<OpeningRecordingView> RegisterRecordingAsync(ClaimsPrincipal principal, Guid lotId, OpeningRecordingInput input, CancellationToken ct);

    /// <summary>The registered recordings of the opening, for the center's staff and the authorities.</summary>
    Task<IReadOnlyList<OpeningRecordingView>> RecordingsAsync(ClaimsPrincipal principal, Guid lotId, CancellationToken ct);

    Task<IReadOnlyList<PublishedOpeningSummary>> PublishedAsync(CancellationToken ct);

    Task<PublishedOpeningView> PublishedAsync(Guid lotId, CancellationToken ct);
}
