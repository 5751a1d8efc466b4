namespace Ggzy.Credit.Domain;

/// <summary>
/// A qualification certificate (资质) an entity publishes (R31). Like performance rows, never edited in place: a
/// correction withdraws it and adds a replacement.
/// </summary>
internal sealed class EntityQualification
{
    public Guid Id { get; init; }

    public Guid MarketEntityId { get; init; }

    public required string Name { get; init; }

    public required string CertificateNumber { get; init; }

    public required string IssuingAuthority { get; init; }

    public string? Level { get; init; }

    public DateOnly ValidFrom { get; init; }

    public DateOnly ValidUntil { get; init; }

    public Guid? ReplacesId { get; init; }

    public DateTimeOffset RecordedAt { get; init; }

    public required string RecordedBy { get; init; }

    public DateTimeOffset? WithdrawnAt { get; set; }

    public string? WithdrawnBy { get; set; }
}
