namespace Ggzy.Platform.Ledger;

/// <summary>
/// One entry of the Ledger (20号令 第四十九条: the time, IP, operator and source of every step are recorded).
/// Written in the same transaction as the change it records; never updated or deleted.
/// </summary>
public sealed class LedgerEntry
{
    public long Sequence { get; set; }

    public DateTimeOffset RecordedAt { get; set; }

    public required string Actor { get; set; }

    public required string Role { get; set; }

    public required string Organization { get; set; }

    public required string ClientIp { get; set; }

    public required string Type { get; set; }

    public required string Subject { get; set; }

    /// <summary>Canonical JSON (sorted keys, no insignificant whitespace).</summary>
    public required string Payload { get; set; }

    public required string PreviousHash { get; set; }

    public required string Hash { get; set; }
}
