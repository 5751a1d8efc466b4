using Ggzy.Sealing.Pki;

namespace Ggzy.Credit.Domain;

/// <summary>
/// A CA on the platform's trust list (R32): a root, or an intermediate that chains to a listed root, with its latest
/// revocation list. Removal is a state change (<see cref="RemovedAt"/>); the row stays for the record.
/// </summary>
internal sealed class TrustedAuthority
{
    public Guid Id { get; init; }

    public required byte[] Der { get; init; }

    public required string Subject { get; init; }

    public required string Issuer { get; init; }

    /// <summary>SM3 digest of the DER, lower-case hex.</summary>
    public required string Fingerprint { get; init; }

    public required string KeyAlgorithm { get; init; }

    public DateTimeOffset NotBefore { get; init; }

    public DateTimeOffset NotAfter { get; init; }

    public bool IsRoot { get; init; }

    public byte[]? CrlDer { get; set; }

    public DateTimeOffset? CrlThisUpdate { get; set; }

    public DateTimeOffset? CrlNextUpdate { get; set; }

    public string? CrlUpdatedBy { get; set; }

    public DateTimeOffset? CrlUpdatedAt { get; set; }

    public required string AddedBy { get; init; }

    public DateTimeOffset AddedAt { get; init; }

    public string? RemovedBy { get; set; }

    public DateTimeOffset? RemovedAt { get; set; }

    /// <summary>A CA certificate put on the list by <paramref name="addedBy"/>; a self-signed one is a root.</summary>
    public static TrustedAuthority Of(Certificate certificate, string addedBy, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        Der = certificate.Der,
        Subject = certificate.Subject,
        Issuer = certificate.Issuer,
        Fingerprint = certificate.Fingerprint,
        KeyAlgorithm = Certificate.NameOf(certificate.KeyAlgorithm),
        NotBefore = certificate.NotBefore,
        NotAfter = certificate.NotAfter,
        IsRoot = certificate.IsSelfSigned,
        AddedBy = addedBy,
        AddedAt = now,
    };
}
