namespace Ggzy.Experts.Domain.Pool;

/// <summary>A specialty an expert is in the pool for, by its code in the specialty table.</summary>
internal sealed class ExpertSpecialty
{
    public Guid ExpertId { get; init; }

    public required string SpecialtyCode { get; init; }
}
