using Ggzy.Credit.Contracts;

namespace Ggzy.Credit.Domain;

/// <summary>
/// A credit record (R28). Append-only: a correction (更正) or revocation (撤销) is a new row that refers to the record
/// it replaces; a lifting (解除) is a new row naming the debarment chain it ends. Rows of one record's history share
/// <see cref="ChainId"/>, the id of the first entry.
/// </summary>
internal sealed class CreditRecord
{
    public Guid Id { get; init; }

    public Guid ChainId { get; init; }

    public CreditSubjectKind SubjectKind { get; init; }

    /// <summary>The 统一社会信用代码 of an entity, or the SM3 digest of an expert's ID number (never the number).</summary>
    public required string SubjectKey { get; init; }

    /// <summary>What may be shown: the credit code, or the masked ID number (110105********123X).</summary>
    public required string SubjectCode { get; init; }

    public required string SubjectName { get; init; }

    public CreditRecordKind Kind { get; init; }

    public CreditRecordAction Action { get; init; }

    /// <summary>The record a correction or revocation replaces.</summary>
    public Guid? RefersToId { get; init; }

    /// <summary>The debarment chain a lifting ends.</summary>
    public Guid? LiftsChainId { get; init; }

    public string? Reason { get; init; }

    public required string DecisionNumber { get; init; }

    public required string DecidingBody { get; init; }

    public DateOnly DecisionDate { get; init; }

    public DateOnly EffectiveFrom { get; init; }

    public DateOnly? EffectiveUntil { get; init; }

    public required string Facts { get; init; }

    public required string SourceSystem { get; init; }

    public bool Confidential { get; init; }

    public string? ConfidentialBasis { get; init; }

    public required string EnteredBy { get; init; }

    /// <summary>The platform organisation of the account that entered it; empty for the system.</summary>
    public required string EnteredByOrganization { get; init; }

    public DateTimeOffset EnteredAt { get; init; }

    /// <summary>7 working days after the decision date (Tianjin §24, Jilin-Rules §34).</summary>
    public DateOnly PublicationDeadline { get; init; }

    /// <summary>The deadline depends on a year the work calendar does not know yet.</summary>
    public bool PublicationDeadlineProvisional { get; init; }

    /// <summary>Entered on the platform after the end of the deadline day.</summary>
    public bool IsLate { get; init; }

    /// <summary>In force from 00:00 China time of the effective-from day (inclusive).</summary>
    public DateTimeOffset InForceFrom => CreditPeriod.Start(EffectiveFrom);

    /// <summary>Until 24:00 China time of the effective-until day (exclusive); null: without end.</summary>
    public DateTimeOffset? InForceUntil => EffectiveUntil is { } until ? CreditPeriod.EndOf(until) : null;
}
