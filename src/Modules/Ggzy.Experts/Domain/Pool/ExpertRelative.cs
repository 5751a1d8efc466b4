using Ggzy.Experts.Contracts;

namespace Ggzy.Experts.Domain.Pool;

/// <summary>
/// A near relative the expert declares so that the draw excludes the expert from lots where the relative's employer
/// takes part (实施条例 第四十六条). The relative's name, when given, is encrypted as the identity is.
/// </summary>
internal sealed class ExpertRelative
{
    public Guid Id { get; init; }

    public Guid ExpertId { get; init; }

    public RelativeRelationship Relationship { get; init; }

    public string? NameCipher { get; init; }

    public string? EmployerCreditCode { get; init; }

    public string? EmployerName { get; init; }

    public DateTimeOffset DeclaredAt { get; init; }

    /// <summary>When the declaration was withdrawn (the relative left that employer …); withdrawn rows stay.</summary>
    public DateTimeOffset? WithdrawnAt { get; set; }
}
