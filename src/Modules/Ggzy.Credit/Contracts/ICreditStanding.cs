namespace Ggzy.Credit.Contracts;

/// <summary>
/// Credit as other modules use it (R29, R30): whether an entity is debarred at an instant, the refusal Trading gives
/// a debarred entity, the credit grade for evaluation criteria and award checks, and the records themselves.
/// </summary>
public interface ICreditStanding
{
    /// <summary>Whether a debarment is in force against the entity at <paramref name="at"/>, and which record it is.</summary>
    Task<DebarmentStatus> IsDebarredAsync(string creditCode, DateTimeOffset at, CancellationToken ct);

    /// <summary>
    /// Throws <see cref="Ggzy.Platform.Errors.BusinessRuleException"/> naming the record (decision number, deciding body,
    /// period) and the articles of R30 when a debarment is in force at <paramref name="at"/>.
    /// </summary>
    Task EnsureNotDebarredAsync(string creditCode, DateTimeOffset at, DebarredAction action, CancellationToken ct);

    /// <summary>The entity's credit grade at <paramref name="at"/>, by the configured formula (docs/credit-grade.md).</summary>
    Task<CreditGrade> GradeOfAsync(string creditCode, DateTimeOffset at, CancellationToken ct);

    /// <summary>
    /// The entity's records, newest decision first. Confidential ones only when <paramref name="includeConfidential"/>;
    /// the caller must be entitled, and the read is put on the Ledger.
    /// </summary>
    Task<IReadOnlyList<CreditRecordInfo>> RecordsOfEntityAsync(string creditCode, bool includeConfidential, CancellationToken ct);

    /// <summary>An expert's records by resident ID number (the expert pool uses it; the number is never shown).</summary>
    Task<IReadOnlyList<CreditRecordInfo>> RecordsOfExpertAsync(string idNumber, bool includeConfidential, CancellationToken ct);

    /// <summary>Whether a debarment is in force against the expert at <paramref name="at"/>.</summary>
    Task<DebarmentStatus> IsExpertDebarredAsync(string idNumber, DateTimeOffset at, CancellationToken ct);

    /// <summary>
    /// The subject keys (<see cref="ExpertIdNumbers.SubjectKey"/>) of every expert under a debarment in force at
    /// <paramref name="at"/>: the expert draw excludes them without decrypting any identity.
    /// </summary>
    Task<IReadOnlySet<string>> DebarredExpertKeysAsync(DateTimeOffset at, CancellationToken ct);
}
