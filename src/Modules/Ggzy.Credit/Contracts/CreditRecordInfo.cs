namespace Ggzy.Credit.Contracts;

/// <summary>
/// A credit record as the platform shows it. For an expert, <see cref="SubjectCode"/> is the masked ID number.
/// <see cref="Status"/> says whether a later record corrected or revoked it.
/// </summary>
public sealed record CreditRecordInfo(
    Guid Id,
    Guid ChainId,
    CreditSubjectKind SubjectKind,
    string SubjectCode,
    string SubjectName,
    CreditRecordKind Kind,
    CreditRecordAction Action,
    Guid? RefersTo,
    Guid? Lifts,
    string? Reason,
    string DecisionNumber,
    string DecidingBody,
    DateOnly DecisionDate,
    DateOnly EffectiveFrom,
    DateOnly? EffectiveUntil,
    string Facts,
    string SourceSystem,
    bool Confidential,
    string? ConfidentialBasis,
    string EnteredBy,
    DateTimeOffset EnteredAt,
    DateOnly PublicationDeadline,
    bool PublicationDeadlineProvisional,
    bool IsLate,
    CreditRecordStatus Status);

/// <summary>Where a record stands now.</summary>
public enum CreditRecordStatus
{
    /// <summary>现行：the current version of its record.</summary>
    Current = 1,

    /// <summary>已更正：a later correction replaced its content.</summary>
    Corrected = 2,

    /// <summary>已撤销：a later revocation cancelled it, or it is the revocation itself.</summary>
    Revoked = 3,
}

/// <summary>The debarment in force, if any: the record (number, body, period) that bars the entity.</summary>
public sealed record DebarmentStatus(bool IsDebarred, DebarmentInForce? Debarment)
{
    public static readonly DebarmentStatus NotDebarred = new(false, null);
}

/// <summary>
/// A debarment in force: in force from <see cref="From"/> (00:00 China time of its effective-from day) until
/// <see cref="Until"/> (24:00 of its effective-until day, or the instant a lifting takes effect); null: indefinitely.
/// </summary>
public sealed record DebarmentInForce(
    Guid RecordId,
    string DecisionNumber,
    string DecidingBody,
    DateOnly EffectiveFrom,
    DateOnly? EffectiveUntil,
    DateTimeOffset From,
    DateTimeOffset? Until);

/// <summary>信用等级 A–D.</summary>
public enum CreditGradeLevel
{
    A = 1,
    B = 2,
    C = 3,
    D = 4,
}

/// <summary>An entity's credit grade at an instant (R29), with the lines that show how it was derived.</summary>
public sealed record CreditGrade(CreditGradeLevel Level, string Name, decimal Score, bool Debarred, IReadOnlyList<string> Explanation);

/// <summary>What the public may know of an entity's credit: the debarment in force and the grade.</summary>
public sealed record CreditStandingView(string CreditCode, DateTimeOffset At, DebarmentStatus Debarment, CreditGrade Grade);
