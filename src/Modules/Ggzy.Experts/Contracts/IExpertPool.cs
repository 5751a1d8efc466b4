namespace Ggzy.Experts.Contracts;

/// <summary>
/// The expert pool as the draw and other modules read it: no identities (names, ID numbers, contacts stay encrypted;
/// <see cref="IExpertIdentities"/> reveals one, on the Ledger), everything recusal and eligibility need.
/// </summary>
public interface IExpertPool
{
    /// <summary>
    /// Every expert holding one of the specialties, or one under them (a request for <c>A08</c> matches <c>A0801</c>),
    /// in any status: the caller decides eligibility at its instant with <see cref="PoolExpert.StatusAt"/> and
    /// <see cref="PoolExpert.IsOnLeaveAt"/>. Ordered by <see cref="PoolExpert.Number"/>.
    /// </summary>
    Task<IReadOnlyList<PoolExpert>> BySpecialtiesAsync(IReadOnlyCollection<string> specialtyCodes, CancellationToken ct);

    /// <summary>One expert, or null.</summary>
    Task<PoolExpert?> FindAsync(Guid expertId, CancellationToken ct);

    /// <summary>The expert whose platform account (role Expert) is <paramref name="userId"/>, or null.</summary>
    Task<PoolExpert?> FindByUserAsync(Guid userId, CancellationToken ct);

    /// <summary>The codes <paramref name="specialtyCode"/> stands for: itself and every code under it that experts may hold.</summary>
    IReadOnlyList<string> Expand(string specialtyCode);
}

/// <summary>An expert of the pool without identity. <see cref="Code"/> is the pseudonym lists and the Ledger use.</summary>
public sealed record PoolExpert(
    Guid Id,
    int Number,
    string Code,
    string IdentityKey,
    Guid? UserId,
    string RegionCode,
    TitleLevel TitleLevel,
    bool SeniorEquivalent,
    DateOnly PractisingSince,
    IReadOnlyList<string> Specialties,
    IReadOnlyList<PoolEmployment> Employments,
    IReadOnlyList<PoolRelative> Relatives,
    IReadOnlyList<PoolLeave> Leaves,
    IReadOnlyList<PoolStatusChange> StatusChanges)
{
    /// <summary>
    /// The status in force on the China day of <paramref name="at"/>: the most severe of the suspensions,
    /// blacklistings and retirements covering that day and not lifted by then; <see cref="ExpertStatus.Active"/> if none.
    /// </summary>
    public ExpertStatus StatusAt(DateTimeOffset at) => ExpertStatusHistory.StatusAt(StatusChanges, at);

    /// <summary>Whether a leave not withdrawn covers the China day of <paramref name="at"/>.</summary>
    public bool IsOnLeaveAt(DateTimeOffset at)
    {
        var day = ExpertStatusHistory.ChinaDay(at);
        return Leaves.Any(l => l.From <= day && day <= l.Until);
    }

    /// <summary>The employer whose employment is open (no end date), or null.</summary>
    public PoolEmployment? CurrentEmployment => Employments.FirstOrDefault(e => e.Until is null);

    /// <summary>
    /// Whether the expert works for <paramref name="creditCode"/> now, or did on or after <paramref name="since"/>
    /// (the recusal window of 实施条例 第四十六条 and the center's rules).
    /// </summary>
    public bool EmployedBySince(string creditCode, DateOnly since) =>
        Employments.Any(e => string.Equals(e.EmployerCreditCode, creditCode, StringComparison.OrdinalIgnoreCase)
            && (e.Until is null || e.Until >= since));

    /// <summary>Whether a declared relative (not withdrawn) works for <paramref name="creditCode"/>.</summary>
    public bool HasRelativeAt(string creditCode) =>
        Relatives.Any(r => string.Equals(r.EmployerCreditCode, creditCode, StringComparison.OrdinalIgnoreCase));
}

/// <summary>任职经历: an employer by 统一社会信用代码 and name, from (inclusive) to (inclusive; null: current).</summary>
public sealed record PoolEmployment(string EmployerCreditCode, string EmployerName, DateOnly From, DateOnly? Until);

/// <summary>A declared relative (近亲属) for recusal; the relative's name stays encrypted.</summary>
public sealed record PoolRelative(Guid Id, RelativeRelationship Relationship, string? EmployerCreditCode, string? EmployerName, bool HasName);

/// <summary>请假: unavailable from (inclusive) to (inclusive), China calendar days.</summary>
public sealed record PoolLeave(DateOnly From, DateOnly Until);

/// <summary>
/// One entry of the status history: a suspension, blacklisting or retirement from (inclusive) to (inclusive; null:
/// without end), China days, with reason and basis; or a lifting (<see cref="Status"/> Active) that ends the entry
/// <see cref="LiftsId"/> names from its own <see cref="From"/> day.
/// </summary>
public sealed record PoolStatusChange(
    Guid Id,
    ExpertStatus Status,
    Guid? LiftsId,
    DateOnly From,
    DateOnly? Until,
    string Reason,
    string Basis,
    string DecidedBy,
    string DecidedByRole,
    DateTimeOffset RecordedAt);

/// <summary>The status history's rule, shared by the domain, the draw and the pages.</summary>
public static class ExpertStatusHistory
{
    private static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    public static DateOnly ChinaDay(DateTimeOffset at) => DateOnly.FromDateTime(at.ToOffset(ChinaOffset).DateTime);

    public static ExpertStatus StatusAt(IEnumerable<PoolStatusChange> changes, DateTimeOffset at) =>
        InForceAt(changes, ChinaDay(at))?.Status ?? ExpertStatus.Active;

    /// <summary>The most severe entry in force on <paramref name="day"/> (blacklisting, then retirement, then suspension), or null.</summary>
    public static PoolStatusChange? InForceAt(IEnumerable<PoolStatusChange> changes, DateOnly day)
    {
        var all = changes as IReadOnlyCollection<PoolStatusChange> ?? [.. changes];
        var lifted = all.Where(c => c.LiftsId is not null && c.From <= day).Select(c => c.LiftsId!.Value).ToHashSet();
        return all
            .Where(c => c.LiftsId is null && c.Status != ExpertStatus.Active && c.From <= day && (c.Until is null || day <= c.Until)
                && !lifted.Contains(c.Id))
            .OrderByDescending(c => Severity(c.Status))
            .ThenByDescending(c => c.RecordedAt)
            .FirstOrDefault();
    }

    public static int Severity(ExpertStatus status) => status switch
    {
        ExpertStatus.Blacklisted => 3,
        ExpertStatus.Retired => 2,
        ExpertStatus.Suspended => 1,
        ExpertStatus.Active => 0,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };
}
