namespace Ggzy.Credit.Domain;

/// <summary>
/// One completed project an entity publishes as its 业绩 (R31: Jilin-Measures §43). Rows are never edited: a
/// correction withdraws the row and adds its replacement, which points back at it, so the history stays readable.
/// </summary>
internal sealed class EntityPerformance
{
    public Guid Id { get; init; }

    public Guid MarketEntityId { get; init; }

    public required string ProjectName { get; init; }

    public required string Client { get; init; }

    /// <summary>Contract amount in 元.</summary>
    public decimal Amount { get; init; }

    public DateOnly CompletedOn { get; init; }

    public string? Description { get; init; }

    /// <summary>The row this one corrects, if any.</summary>
    public Guid? ReplacesId { get; init; }

    public DateTimeOffset RecordedAt { get; init; }

    public required string RecordedBy { get; init; }

    public DateTimeOffset? WithdrawnAt { get; set; }

    public string? WithdrawnBy { get; set; }
}
