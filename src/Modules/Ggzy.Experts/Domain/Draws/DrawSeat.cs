namespace Ggzy.Experts.Domain.Draws;

/// <summary>
/// A drawn expert's seat: drawn in a round at a position, notified with a one-time answer code, confirmed, declined or
/// not answered in time (then drawn again in a later round), and signed in at the evaluation with a second code, having
/// signed the credit commitment. Codes are kept only as SM3 digests.
/// </summary>
internal sealed class DrawSeat
{
    public Guid Id { get; init; }

    public Guid DrawId { get; init; }

    public int Round { get; init; }

    public int Position { get; init; }

    public required string Specialty { get; init; }

    public int Site { get; init; }

    public Guid ExpertId { get; init; }

    /// <summary>The expert's pseudonym in this draw, as in the snapshot.</summary>
    public required string Pseudonym { get; init; }

    public SeatState State { get; set; } = SeatState.Drawn;

    public DateTimeOffset? NotifiedAt { get; set; }

    public DateTimeOffset? AnswerBy { get; set; }

    public string? AnswerCode { get; set; }

    public int AnswerAttempts { get; set; }

    public DateTimeOffset? AnsweredAt { get; set; }

    public string? DeclineReason { get; set; }

    public string? SignInCode { get; set; }

    public int SignInAttempts { get; set; }

    public DateTimeOffset? SignedInAt { get; set; }

    public string? CommitmentVersion { get; set; }

    public string? CommitmentDigest { get; set; }

    /// <summary>The round that drew this seat again after a decline or no answer.</summary>
    public int? ReplacedInRound { get; set; }
}

internal enum SeatState
{
    /// <summary>抽中, not yet notified.</summary>
    Drawn = 1,

    /// <summary>已通知, awaiting the answer.</summary>
    Notified = 2,

    Confirmed = 3,

    Declined = 4,

    /// <summary>未按时答复: counts as declined.</summary>
    NoAnswer = 5,

    SignedIn = 6,

    /// <summary>The draw was cancelled or failed before the expert answered.</summary>
    Cancelled = 7,
}
