namespace Ggzy.Experts.Domain.Draws;

/// <summary>A message the simulated notification gateway "sent" (development and tests only; docs/expert-draw.md §8).</summary>
internal sealed class SimulatedMessage
{
    public long Id { get; init; }

    public DateTimeOffset SentAt { get; init; }

    public Guid ExpertId { get; init; }

    /// <summary>The pool pseudonym (ZJ000123).</summary>
    public required string ExpertCode { get; init; }

    /// <summary>The mobile number, masked (138****0001).</summary>
    public required string Recipient { get; init; }

    public required string Channel { get; init; }

    public required string Purpose { get; init; }

    public required string Text { get; init; }

    public Guid DrawId { get; init; }

    public Guid SeatId { get; init; }
}
