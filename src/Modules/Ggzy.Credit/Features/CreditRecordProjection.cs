using Ggzy.Credit.Contracts;
using Ggzy.Credit.Domain;

namespace Ggzy.Credit.Features;

internal static class CreditRecordProjection
{
    public static CreditRecordInfo Of(CreditRecord r, CreditHistory history) =>
        new(r.Id, r.ChainId, r.SubjectKind, r.SubjectCode, r.SubjectName, r.Kind, r.Action, r.RefersToId, r.LiftsChainId, r.Reason,
            r.DecisionNumber, r.DecidingBody, r.DecisionDate, r.EffectiveFrom, r.EffectiveUntil, r.Facts, r.SourceSystem,
            r.Confidential, r.ConfidentialBasis, r.EnteredBy, r.EnteredAt, r.PublicationDeadline, r.PublicationDeadlineProvisional,
            r.IsLate, history.StatusOf(r));

    public static DebarmentStatus Debarment(CreditHistory history, DateTimeOffset at) =>
        history.DebarmentAt(at) is { } d
            ? new DebarmentStatus(true, new DebarmentInForce(d.Record.Id, d.Record.DecisionNumber, d.Record.DecidingBody,
                d.Record.EffectiveFrom, d.Record.EffectiveUntil, d.Record.InForceFrom, d.Until))
            : DebarmentStatus.NotDebarred;
}
