using Ggzy.Experts.Contracts;

namespace Ggzy.Experts.Features.Pool;

/// <summary>A row of the pool list: the pseudonym, and the masked name only for those entitled to identities.</summary>
internal sealed record PoolRow(
    Guid Id,
    string Code,
    string? MaskedName,
    IReadOnlyList<string> Specialties,
    string TitleName,
    TitleLevel TitleLevel,
    string RegionCode,
    int YearsOfPractice,
    ExpertStatus Status,
    bool OnLeave);

/// <summary>What filters the pool list; <see cref="Code"/> is a pseudonym (ZJ000123).</summary>
internal sealed record PoolFilter(string? Specialty, ExpertStatus? Status, string? Region, string? Code, int Page = 1)
{
    public const int PageSize = 50;
}

internal sealed record PoolPage(IReadOnlyList<PoolRow> Rows, int Total, int Page)
{
    public int Pages => Math.Max(1, (Total + PoolFilter.PageSize - 1) / PoolFilter.PageSize);
}

/// <summary>
/// An expert's record without identity: what the pool's readers see. The employers are part of the identity
/// (ADR 0021) and only come with <see cref="ExpertIdentityView"/>.
/// </summary>
internal sealed record ExpertDetailsView(
    Guid Id,
    string Code,
    bool AccountLinked,
    IReadOnlyList<SpecialtyView> Specialties,
    string TitleName,
    TitleLevel TitleLevel,
    string? SeniorEquivalence,
    DateOnly PractisingSince,
    int YearsOfPractice,
    string RegionCode,
    ExpertStatus Status,
    IReadOnlyList<LeaveView> Leaves,
    IReadOnlyList<StatusChangeView> StatusHistory,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);

internal sealed record SpecialtyView(string Code, string Name, string Path, SpecialtySector Sector);

internal sealed record LeaveView(Guid Id, DateOnly From, DateOnly Until, string Reason, DateTimeOffset RecordedAt, DateTimeOffset? WithdrawnAt);

internal sealed record StatusChangeView(
    Guid Id,
    ExpertStatus Status,
    Guid? LiftsId,
    DateOnly From,
    DateOnly? Until,
    string Reason,
    string Basis,
    string DecidedBy,
    string DecidedByRole,
    DateTimeOffset RecordedAt,
    bool Lifted);

/// <summary>
/// The identity and what goes with it — employers, declared relatives — for those entitled; produced only after the
/// read is on the Ledger.
/// </summary>
internal sealed record ExpertIdentityView(
    string Name,
    string IdNumber,
    string MaskedIdNumber,
    string Mobile,
    string? Email,
    IReadOnlyList<EmploymentView> Employments,
    IReadOnlyList<RelativeView> Relatives);

internal sealed record EmploymentView(Guid Id, string EmployerCreditCode, string EmployerName, DateOnly From, DateOnly? Until);

internal sealed record RelativeView(Guid Id, RelativeRelationship Relationship, string? Name, string? EmployerCreditCode, string? EmployerName,
    DateTimeOffset DeclaredAt, DateTimeOffset? WithdrawnAt);

/// <summary>A suspension, blacklisting or retirement as the sanctions list shows it (R24, Hubei (6), (12)).</summary>
internal sealed record SanctionRow(
    Guid ExpertId,
    string Code,
    Guid ChangeId,
    ExpertStatus Status,
    DateOnly From,
    DateOnly? Until,
    string Reason,
    string Basis,
    string DecidedBy,
    string DecidedByRole,
    DateTimeOffset RecordedAt,
    StatusChangeView? Lifting,
    bool InForce);
