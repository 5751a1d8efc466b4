namespace Ggzy.Credit.Contracts;

/// <summary>
/// A supervisory department's file of credit records (docs/credit-records-import.md): format
/// <c>ggzy.credit-records.v1</c>, the source system, and the records. Importing is all-or-nothing and idempotent.
/// </summary>
public sealed class CreditRecordImportDocument
{
    public const string CurrentFormat = "ggzy.credit-records.v1";

    /// <summary>固定为 ggzy.credit-records.v1。</summary>
    public string? Format { get; set; }

    /// <summary>来源系统；记录未填 sourceSystem 时取此值。</summary>
    public string? SourceSystem { get; set; }

    public List<CreditRecordInput?>? Records { get; set; }
}

/// <summary>The outcome of an import: records added, and records skipped because the same file was imported before.</summary>
public sealed record CreditRecordImportResult(int Imported, int Skipped, IReadOnlyList<Guid> ImportedIds);
