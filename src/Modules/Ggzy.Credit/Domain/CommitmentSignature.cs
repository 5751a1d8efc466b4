namespace Ggzy.Credit.Domain;

/// <summary>
/// An entity's signature of one version of the 信用承诺书 (R27). Append-only: signing a later version adds a row.
/// </summary>
internal sealed class CommitmentSignature
{
    public Guid Id { get; init; }

    public Guid MarketEntityId { get; init; }

    public required string Version { get; init; }

    /// <summary>SM3 of the text signed, so the public can check it against the published version.</summary>
    public required string TextDigest { get; init; }

    public DateTimeOffset SignedAt { get; init; }

    /// <summary>The display name of the account that signed for the entity.</summary>
    public required string SignedBy { get; init; }

    /// <summary>Its user name, as the Ledger names the actor.</summary>
    public required string SignedByAccount { get; init; }
}
