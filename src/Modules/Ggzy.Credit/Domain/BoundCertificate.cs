using Ggzy.Sealing.Pki;

namespace Ggzy.Credit.Domain;

/// <summary>
/// A certificate a market entity bound (R32): it speaks for one user account of the entity, who may sign in with it.
/// Unbinding is a state change (<see cref="UnboundAt"/>); the row stays for the record.
/// </summary>
internal sealed class BoundCertificate
{
    public Guid Id { get; init; }

    public Guid MarketEntityId { get; init; }

    public Guid OrganizationId { get; init; }

    /// <summary>The account the certificate speaks for.</summary>
    public Guid UserId { get; init; }

    public required string UserName { get; init; }

    public required byte[] Der { get; init; }

    public required string SerialNumber { get; init; }

    public required string Issuer { get; init; }

    public required string Subject { get; init; }

    public required string Fingerprint { get; init; }

    public required string KeyAlgorithm { get; init; }

    public DateTimeOffset NotBefore { get; init; }

    public DateTimeOffset NotAfter { get; init; }

    public required string BoundBy { get; init; }

    public DateTimeOffset BoundAt { get; init; }

    public string? UnboundBy { get; set; }

    public DateTimeOffset? UnboundAt { get; set; }

    /// <summary>A binding of <paramref name="certificate"/> to an account of an entity, made by that account.</summary>
    public static BoundCertificate Of(Certificate certificate, Guid marketEntityId, Guid organizationId, Guid userId, string userName, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        MarketEntityId = marketEntityId,
        OrganizationId = organizationId,
        UserId = userId,
        UserName = userName,
        Der = certificate.Der,
        SerialNumber = certificate.SerialNumber,
        Issuer = certificate.Issuer,
        Subject = certificate.Subject,
        Fingerprint = certificate.Fingerprint,
        KeyAlgorithm = Certificate.NameOf(certificate.KeyAlgorithm),
        NotBefore = certificate.NotBefore,
        NotAfter = certificate.NotAfter,
        BoundBy = userName,
        BoundAt = now,
    };
}
