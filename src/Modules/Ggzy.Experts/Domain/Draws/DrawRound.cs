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

    public required string Snapshot { get; init; }

    public required string SnapshotDigest { get; init; }

    public required string SelectionDigest { get; init; }

    public int Candidates { get; init; }

    public List<ExclusionCount> Exclusions { get; init; } = [];

    /// <summary>Which expert each exclusion concerns (expert id and reason code), protected; for audit only.</summary>
    public required string ExcludedProtected { get; init; }
}

internal enum RoundKind
{
    Initial = 1,
    Replacement = 2,
}

/// <summary>How many candidates a recusal reason excluded in a round.</summary>
internal sealed record ExclusionCount(string Code, int Count);
