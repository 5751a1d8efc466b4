namespace Ggzy.Credit.Contracts;

/// <summary>
/// Entering and reading credit records (R28): what the supervisors' pages and API use, and what another module (the
/// supervision system) may use to record what it finds. The caller checks the permission; confidential reads go on
/// the Ledger.
/// </summary>
public interface ICreditRecords
{
    /// <summary>Enters one record, correction, revocation or lifting, with its ledger entry.</summary>
    /// <exception cref="Ggzy.Platform.Errors.InputValidationException">A field is wrong or unknown; nothing is stored.</exception>
    /// <exception cref="Ggzy.Platform.Errors.BusinessRuleException">Entered already; nothing is stored.</exception>
    Task<CreditRecordInfo> EnterAsync(CreditRecordInput input, CancellationToken ct);

    /// <summary>Imports a JSON file (docs/credit-records-import.md): all records or none; records imported before are skipped.</summary>
    Task<CreditRecordImportResult> ImportAsync(byte[] file, CancellationToken ct);

    /// <summary>Records matching the filter, newest entry first (at most 200).</summary>
    Task<IReadOnlyList<CreditRecordInfo>> ListAsync(CreditRecordFilter filter, CancellationToken ct);

    /// <summary>One record and the records related to it (its versions, liftings), or null.</summary>
    Task<CreditRecordDetails?> DetailsAsync(Guid id, bool includeConfidential, CancellationToken ct);
}

/// <summary>
/// A search of the records: <see cref="Subject"/> matches a credit code, a name or a decision number.
/// </summary>
public sealed record CreditRecordFilter(string? Subject, CreditRecordKind? Kind, bool LateOnly, bool IncludeConfidential);

/// <summary>A record with its related records, oldest first.</summary>
public sealed record CreditRecordDetails(CreditRecordInfo Record, IReadOnlyList<CreditRecordInfo> Related);
