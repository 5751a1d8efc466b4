namespace Ggzy.Experts.Domain.Draws;

/// <summary>
/// One round of a draw: the committed seed (protected until the draw is closed, then revealed), the canonical candidate
/// snapshot and its digest, the selection's digest, and how many candidates each recusal reason excluded. Written once.
/// </summary>
internal sealed class DrawRound
{
    public Guid Id { get; init; }

    public Guid DrawId { get; init; }

    public int Number { get; init; }

    public RoundKind Kind { get; init; }

    public DateTimeOffset DrawnAt { get; init; }

    /// <summary>The 32-byte seed, protected with Data Protection: no one reads it before the reveal.</summary>
    public required string SeedProtected { get; init; }

    /// <summary>SM3(seed), hex: on the Ledger before anyone learns who was drawn.</summary>
    public required string SeedCommitment { get; init; }

    /// <summary>The seed in hex once the draw is closed.</summary>
    public string? Seed { get; set; }

    /// <summary>
    /// The snapshot's text, as rounds drawn before the packed form stored it; null for the others (<see cref="SnapshotPacked"/>).
    /// </summary>
    public string? Snapshot { get; init; }

    /// <summary>The snapshot in its packed form (<c>CandidateSnapshot.Pack</c>, about a third of the text), from which the text is made again.</summary>
    public byte[]? SnapshotPacked { get; init; }

    public required string SnapshotDigest { get; init; }

    public required string SelectionDigest { get; init; }

    public int Candidates { get; init; }

    public List<ExclusionCount> Exclusions { get; init; } = [];

    /// <summary>
    /// Which expert each exclusion concerns (expert id and reason code), protected, as text; rounds drawn before
    /// <see cref="ExcludedPacked"/> was kept. For audit only.
    /// </summary>
    public string? ExcludedProtected { get; init; }

    /// <summary>The same, packed before it is protected (<c>DrawSecrets.ProtectExcluded</c>). For audit only.</summary>
    public byte[]? ExcludedPacked { get; init; }

    /// <summary>The snapshot's text, from whichever form the round was stored in.</summary>
    /// <remarks>
    /// A packed form that cannot be read gives the empty text, whose digest is not the recorded one: verification names
    /// the round's snapshot as not matching instead of the record failing to load.
    /// </remarks>
    public string SnapshotText()
    {
        if (Snapshot is { } text)
        {
            return text;
        }

        try
        {
            return SnapshotPacked is { } packed ? Contracts.Drawing.CandidateSnapshot.Unpack(packed) : "";
        }
        catch (Contracts.Drawing.DrawFormatException)
        {
            return "";
        }
    }
}

internal enum RoundKind
{
    Initial = 1,
    Replacement = 2,
}

/// <summary>How many candidates a recusal reason excluded in a round.</summary>
internal sealed record ExclusionCount(string Code, int Count);
