using System.Text;
using Ggzy.Credit.Domain;
using Ggzy.Platform.Ledger;
using Ggzy.Sealing;

namespace Ggzy.Credit.Features;

/// <summary>The Ledger's entries for credit records. A confidential record's facts are not written in clear, only their SM3.</summary>
internal static class CreditRecordLedger
{
    public const string EnteredType = "credit.record.entered";
    public const string ConfidentialReadType = "credit.record.confidential-read";

    public static LedgerDraft Entered(CreditRecord r) => new(EnteredType, Subject(r), new
    {
        id = r.Id,
        chain = r.ChainId,
        subjectKind = r.SubjectKind.ToString(),
        subject = r.SubjectCode,
        subjectName = r.SubjectName,
        kind = r.Kind.ToString(),
        action = r.Action.ToString(),
        refersTo = r.RefersToId,
        lifts = r.LiftsChainId,
        reason = r.Reason,
        decisionNumber = r.DecisionNumber,
        decidingBody = r.DecidingBody,
        decisionDate = r.DecisionDate,
        effectiveFrom = r.EffectiveFrom,
        effectiveUntil = r.EffectiveUntil,
        facts = r.Confidential ? null : r.Facts,
        factsSm3 = Sm3.HashHex(Encoding.UTF8.GetBytes(r.Facts)),
        sourceSystem = r.SourceSystem,
        confidential = r.Confidential,
        confidentialBasis = r.ConfidentialBasis,
        publicationDeadline = r.PublicationDeadline,
        provisional = r.PublicationDeadlineProvisional,
        late = r.IsLate,
    });

    public static LedgerDraft ConfidentialRead(string subject, IEnumerable<Guid> ids, string purpose) =>
        new(ConfidentialReadType, subject, new { records = ids.ToArray(), purpose });

    public static string Subject(CreditRecord r) => SubjectOf(r.SubjectKind == Contracts.CreditSubjectKind.MarketEntity, r.SubjectCode, r.SubjectKey);

    public static string SubjectOf(bool entity, string code, string key) => entity ? $"market-entity:{code}" : $"expert:{key[..16]}";
}
