using Ggzy.Experts.Contracts;

namespace Ggzy.Experts.Domain.Pool;

/// <summary>
/// An expert of the pool (专家库). The identity — name, ID number, mobile, email — is kept only as
/// <see cref="IdentityCipher"/> (ASP.NET Data Protection, ADR 0021); <see cref="IdentityKey"/> is the SM3 digest of the
/// ID number Credit keys expert records by, unique in the pool. Everything else is what the draw needs in clear.
/// </summary>
internal sealed class Expert
{
    public Guid Id { get; init; }

    /// <summary>The pool number; <see cref="Code"/> (ZJ000123) is the pseudonym shown where the name may not be.</summary>
    public int Number { get; init; }

    public string Code => CodeOf(Number);

    public required string IdentityCipher { get; set; }

    public required string IdentityKey { get; init; }

    /// <summary>The platform account (role Expert) the expert signs in with, when linked.</summary>
    public Guid? UserId { get; set; }

    /// <summary>职称, as on the certificate: 高级工程师, 教授级高级工程师, 高级会计师 …</summary>
    public required string TitleName { get; set; }

    public TitleLevel TitleLevel { get; set; }

    /// <summary>
    /// What makes the expert's level equal to a senior title when the title itself is not (12号令 第十一条 “同等专业水平”),
    /// e.g. 一级注册建造师; null when none is claimed.
    /// </summary>
    public string? SeniorEquivalence { get; set; }

    /// <summary>从事相关专业领域工作起始日期.</summary>
    public DateOnly PractisingSince { get; set; }

    /// <summary>行政区划代码 (GB/T 2260) of where the expert works; remote evaluation sites go by it (R15).</summary>
    public required string RegionCode { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; set; }

    public List<ExpertSpecialty> Specialties { get; init; } = [];

    public List<ExpertEmployment> Employments { get; init; } = [];

    public List<ExpertRelative> Relatives { get; init; } = [];

    public List<ExpertLeave> Leaves { get; init; } = [];

    public List<ExpertStatusChange> StatusChanges { get; init; } = [];

    public bool SeniorEquivalent => TitleLevel.IsSenior() || !string.IsNullOrWhiteSpace(SeniorEquivalence);

    public ExpertEmployment? CurrentEmployment => Employments.FirstOrDefault(e => e.Until is null);

    public static string CodeOf(int number) => "ZJ" + number.ToString("D6", System.Globalization.CultureInfo.InvariantCulture);

    public ExpertStatus StatusAt(DateTimeOffset at) => ExpertStatusHistory.StatusAt(StatusChanges.Select(c => c.ToContract()), at);
}
