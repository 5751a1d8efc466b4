namespace Ggzy.Trading.Features.Opening;

/// <summary>Bound from <c>Trading:Opening</c> (docs/bid-opening.md).</summary>
internal sealed class OpeningOptions
{
    public const string SectionName = "Trading:Opening";

    /// <summary>The decryption window when a lot's settings do not say (minutes); 30 by default.</summary>
    public int DecryptionMinutes { get; set; } = 30;

    /// <summary>How many refused content keys end a bid's decryption at once (撤销); 5 by default.</summary>
    public int MaxKeyAttempts { get; set; } = 5;

    /// <summary>
    /// Fault injection, for tests and drills only: the extraction pauses this many milliseconds after checking each bid
    /// but the last (and logs a warning each time), so that a process can be killed reproducibly while it extracts.
    /// 0 (no pause) by default; never set in production.
    /// </summary>
    public int ExtractionPauseMilliseconds { get; set; }
}
