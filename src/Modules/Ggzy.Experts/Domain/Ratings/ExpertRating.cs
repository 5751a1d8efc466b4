using Ggzy.Experts.Contracts;

namespace Ggzy.Experts.Domain.Ratings;

/// <summary>
/// 一标一评 (R24, Wuhan §11): one rating of an expert for one lot by each rater — the center and the tenderer — given
/// only for an expert who served (signed in) on a draw closed after the evaluation. Append-only: never changed or
/// deleted; the unique (expert, lot, rater) index makes a second one fail.
/// </summary>
internal sealed class ExpertRating
{
    public Guid Id { get; init; }

    public Guid ExpertId { get; init; }

    public Guid DrawId { get; init; }

    public Guid SeatId { get; init; }

    public Guid LotId { get; init; }

    public required string LotCode { get; init; }

    public RaterKind Rater { get; init; }

    public Guid RaterOrganizationId { get; init; }

    public required string RatedBy { get; init; }

    public int Score { get; init; }

    public ExpertGrade Grade { get; init; }

    public string? Comment { get; init; }

    public DateTimeOffset RatedAt { get; init; }
}
