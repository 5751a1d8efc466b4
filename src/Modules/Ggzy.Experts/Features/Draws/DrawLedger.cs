namespace Ggzy.Experts.Features.Draws;

/// <summary>
/// The Ledger's entries for draws (subject <c>draw:{id}</c>). Payloads name drawn experts only by the draw's pseudonym;
/// the seed appears only in <see cref="Closed"/>, after the evaluation.
/// </summary>
internal static class DrawLedger
{
    public const string Requested = "experts.draw.requested";
    public const string Cancelled = "experts.draw.cancelled";
    public const string SeedCommitted = "experts.draw.seed-committed";
    public const string RoundDrawn = "experts.draw.round-drawn";
    public const string Failed = "experts.draw.failed";
    public const string Notified = "experts.draw.notified";
    public const string Confirmed = "experts.draw.confirmed";
    public const string Declined = "experts.draw.declined";
    public const string NoAnswer = "experts.draw.no-answer";
    public const string Complete = "experts.draw.complete";
    public const string SignedIn = "experts.draw.signed-in";
    public const string Closed = "experts.draw.closed";
    public const string CodeRejected = "experts.draw.code-rejected";

    public const string Platform = "platform";

    public static string Subject(Guid drawId) => $"draw:{drawId}";
}
