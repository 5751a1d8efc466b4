namespace Ggzy.Experts.Contracts.Drawing;

/// <summary>
/// The public record of an expert draw (<c>GET /api/v1/experts/draws/{id}/record</c>, docs/expert-draw.md §6): no
/// identities, pseudonyms only. Each round carries its seed commitment, its canonical candidate snapshot and digest,
/// its selection and digest and the Ledger entry that recorded them when it was drawn; the seeds appear once revealed.
/// </summary>
public sealed record DrawRecord(
    string Format,
    Guid DrawId,
    string LotCode,
    string LotName,
    string State,
    DateTimeOffset EvaluationStartsAt,
    IReadOnlyList<DrawDemand> Requested,
    IReadOnlyList<DrawRecordRound> Rounds,
    DateTimeOffset? RevealedAt)
{
    public const string FormatV1 = "ggzy.expert-draw.record.v1";
}

/// <summary>One round of a draw: the first, or a replacement for seats that were declined or not answered in time.</summary>
public sealed record DrawRecordRound(
    int Number,
    string Kind,
    DateTimeOffset DrawnAt,
    string SeedCommitment,
    string? Seed,
    string Snapshot,
    string SnapshotDigest,
    IReadOnlyList<DrawRecordSeat> Selection,
    string SelectionDigest,
    long LedgerSequence,
    string LedgerHash,
    IReadOnlyList<DrawExclusionCount> Exclusions);

/// <summary>
/// A drawn seat and what became of it: <c>pending</c>, <c>confirmed</c>, <c>declined</c>, <c>no-answer</c> (not
/// answered in time: counted as declined), <c>signed-in</c> or <c>cancelled</c>.
/// </summary>
public sealed record DrawRecordSeat(int Position, string Specialty, string Pseudonym, string Outcome);

/// <summary>How many experts holding a demanded specialty a recusal rule excluded in a round.</summary>
public sealed record DrawExclusionCount(string Code, string Reason, int Count);

/// <summary>The outcomes of a seat, as the record names them.</summary>
public static class SeatOutcomes
{
    public const string Pending = "pending";
    public const string Confirmed = "confirmed";
    public const string Declined = "declined";
    public const string NoAnswer = "no-answer";
    public const string SignedIn = "signed-in";
    public const string Cancelled = "cancelled";

    /// <summary>The seat must be drawn again: the expert declined, or did not answer in time.</summary>
    public static bool OpensSeat(string outcome) => outcome is Declined or NoAnswer;
}
