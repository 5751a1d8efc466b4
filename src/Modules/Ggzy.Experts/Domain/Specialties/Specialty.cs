using Ggzy.Experts.Contracts;

namespace Ggzy.Experts.Domain.Specialties;

/// <summary>
/// A code of the evaluation specialty table (评标专家专业分类): a category (A, B, C), a first-level class (A08) or a
/// specialty (A0801). Experts hold the leaves. <see cref="Confirmed"/> says whether the code and name are the official
/// table's (docs/expert-specialties.md).
/// </summary>
internal sealed class Specialty
{
    public required string Code { get; init; }

    public required string Name { get; set; }

    public string? ParentCode { get; set; }

    public SpecialtySector Sector { get; set; }

    public bool Confirmed { get; set; }

    public int Level => Code.Length switch { 1 => 0, 3 => 1, _ => 2 };
}
