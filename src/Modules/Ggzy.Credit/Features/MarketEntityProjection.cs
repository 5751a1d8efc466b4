using Ggzy.Credit.Contracts;
using Ggzy.Credit.Domain;

namespace Ggzy.Credit.Features;

internal static class MarketEntityProjection
{
    public static MarketEntityInfo Of(MarketEntity e, CommitmentSignature? s) =>
        new(e.Id, e.CreditCode, e.LegalName, e.Kind, e.RegionCode, e.LegalRepresentative, e.Roles, e.OrganizationId, e.RegisteredAt,
            s is null ? null : new SignedCommitmentInfo(s.Version, s.TextDigest, s.SignedAt, s.SignedBy));
}
