namespace Ggzy.Platform.Ledger;

/// <param name="Fault">The bad entry and why, as far as its batch can tell.</param>
/// <param name="PreviousHash">
/// Set when the entry neither recomputes nor links to its predecessor: if another stored entry has this hash, the entry
/// is a genuine one moved out of place (顺序错乱) rather than an altered one; telling them apart takes one query.
/// </param>
internal sealed record LedgerVerifierFinding(LedgerFault Fault, string? PreviousHash = null);

/// <summary>The earliest finding reported by any worker; later findings lose to it.</summary>
internal sealed class LedgerVerifierFindings
{
    private readonly Lock _lock = new();
    private long _firstSequence = long.MaxValue;

    public LedgerVerifierFinding? First { get; private set; }

    /// <summary>Entries from this sequence number on need no checking: an earlier one is already bad.</summary>
    public long FirstSequence => Volatile.Read(ref _firstSequence);

    public void Report(LedgerVerifierFinding finding)
    {
        lock (_lock)
        {
            if (finding.Fault.Sequence < _firstSequence)
            {
                First = finding;
                Volatile.Write(ref _firstSequence, finding.Fault.Sequence);
            }
        }
    }
}
