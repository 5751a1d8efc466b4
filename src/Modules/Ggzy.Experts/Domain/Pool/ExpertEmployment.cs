namespace Ggzy.Experts.Domain.Pool;

/// <summary>任职经历: one employer, by 统一社会信用代码, from and to (inclusive; no end: the current employer).</summary>
internal sealed class ExpertEmployment
{
    public Guid Id { get; init; }

    public Guid ExpertId { get; init; }

    public required string EmployerCreditCode { get; set; }

    public required string EmployerName { get; set; }

    public DateOnly From { get; set; }

    public DateOnly? Until { get; set; }
}
