namespace Ggzy.Experts.Domain.Pool;

/// <summary>请假: the expert is not available from to until (China days, inclusive). Withdrawn leave stays as a row.</summary>
internal sealed class ExpertLeave
{
    public Guid Id { get; init; }

    public Guid ExpertId { get; init; }

    public DateOnly From { get; init; }

    public DateOnly Until { get; init; }

    public required string Reason { get; init; }

    public required string RecordedBy { get; init; }

    public DateTimeOffset RecordedAt { get; init; }

    public DateTimeOffset? WithdrawnAt { get; set; }
}
