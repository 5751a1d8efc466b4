namespace Ggzy.Credit.Contracts;

/// <summary>A registered market entity as every module and the public may see it (no contact details).</summary>
public sealed record MarketEntityInfo(
    Guid Id,
    string CreditCode,
    string LegalName,
    MarketEntityKind Kind,
    string RegionCode,
    string LegalRepresentative,
    MarketRole Roles,
    Guid OrganizationId,
    DateTimeOffset RegisteredAt,
    SignedCommitmentInfo? Commitment);

/// <summary>The 信用承诺书 an entity signed: which version, the SM3 digest of its text, when and by whom.</summary>
public sealed record SignedCommitmentInfo(string Version, string TextDigest, DateTimeOffset SignedAt, string SignedBy);
