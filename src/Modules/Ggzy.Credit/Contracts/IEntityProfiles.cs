using System.Security.Claims;

namespace Ggzy.Credit.Contracts;

/// <summary>
/// What an entity publishes about itself besides its registration (R31: Jilin-Measures §43): 业绩 and 资质. Members of
/// the organisation keep them; every change is on the Ledger; the public reads the current rows.
/// </summary>
public interface IEntityProfiles
{
    /// <summary>The current performance and qualifications of the entity registered under a code, or null.</summary>
    Task<EntityProfileInfo?> FindAsync(string creditCode, CancellationToken ct);

    /// <summary>Counts for the public directory, by entity id.</summary>
    Task<IReadOnlyDictionary<Guid, EntityProfileSummary>> SummariesAsync(CancellationToken ct);

    /// <summary>The caller's own organisation's profile.</summary>
    /// <exception cref="Ggzy.Platform.Errors.ForbiddenException">The caller belongs to no registered market entity.</exception>
    Task<EntityProfileInfo> OwnAsync(ClaimsPrincipal user, CancellationToken ct);

    Task<PerformanceInfo> AddPerformanceAsync(ClaimsPrincipal user, PerformanceInput input, CancellationToken ct);

    /// <summary>Withdraws the row and adds its corrected replacement, in one Ledger entry.</summary>
    Task<PerformanceInfo> CorrectPerformanceAsync(ClaimsPrincipal user, Guid id, PerformanceInput input, CancellationToken ct);

    Task WithdrawPerformanceAsync(ClaimsPrincipal user, Guid id, CancellationToken ct);

    Task<QualificationInfo> AddQualificationAsync(ClaimsPrincipal user, QualificationInput input, CancellationToken ct);

    Task<QualificationInfo> CorrectQualificationAsync(ClaimsPrincipal user, Guid id, QualificationInput input, CancellationToken ct);

    Task WithdrawQualificationAsync(ClaimsPrincipal user, Guid id, CancellationToken ct);
}

/// <summary>An entity's published performance and qualifications.</summary>
public sealed record EntityProfileInfo(
    Guid EntityId, string CreditCode, string LegalName, IReadOnlyList<PerformanceInfo> Performance, IReadOnlyList<QualificationInfo> Qualifications);

/// <summary>One 业绩: project, client, amount (元), completion date.</summary>
public sealed record PerformanceInfo(
    Guid Id, string ProjectName, string Client, decimal Amount, DateOnly CompletedOn, string? Description,
    DateTimeOffset RecordedAt, string RecordedBy, Guid? Replaces);

/// <summary>One 资质 certificate; <see cref="IsExpired"/> is as of today (China time).</summary>
public sealed record QualificationInfo(
    Guid Id, string Name, string CertificateNumber, string IssuingAuthority, string? Level, DateOnly ValidFrom, DateOnly ValidUntil,
    bool IsExpired, DateTimeOffset RecordedAt, string RecordedBy, Guid? Replaces);

/// <summary>What the directory shows of a profile.</summary>
public sealed record EntityProfileSummary(int Performance, int Qualifications, int ValidQualifications);

/// <summary>一条业绩。</summary>
public sealed class PerformanceInput
{
    /// <summary>项目名称，不超过 200 个字符。</summary>
    public string? ProjectName { get; set; }

    /// <summary>委托单位（招标人、采购人或发包人），不超过 200 个字符。</summary>
    public string? Client { get; set; }

    /// <summary>合同金额（元），大于 0，最多两位小数。</summary>
    public decimal? Amount { get; set; }

    /// <summary>竣工（完成）日期，不能晚于今天。</summary>
    public DateOnly? CompletedOn { get; set; }

    /// <summary>说明，可不填，不超过 1000 个字符。</summary>
    public string? Description { get; set; }
}

/// <summary>一项资质。</summary>
public sealed class QualificationInput
{
    /// <summary>资质名称，如“建筑工程施工总承包”。</summary>
    public string? Name { get; set; }

    public string? CertificateNumber { get; set; }

    /// <summary>发证机关。</summary>
    public string? IssuingAuthority { get; set; }

    /// <summary>资质等级，如“一级”，可不填。</summary>
    public string? Level { get; set; }

    public DateOnly? ValidFrom { get; set; }

    /// <summary>有效期至，不早于 <see cref="ValidFrom"/>。</summary>
    public DateOnly? ValidUntil { get; set; }
}
