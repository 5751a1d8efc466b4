namespace Ggzy.Credit.Contracts;

/// <summary>
/// Sign-in by certificate (R32): the holder of a bound certificate asks for a one-time challenge, signs it with the
/// certificate's key, and is told which account the certificate speaks for. Issuing a session or token is the host's.
/// </summary>
public interface ICertificateSignIn
{
    /// <summary>
    /// Checks the certificate (PEM or DER; PEM may carry intermediates after it) and stores a challenge for it. Throws a
    /// Chinese error, put on the Ledger, when it is malformed, expired, not yet valid, untrusted, revoked or not bound.
    /// </summary>
    Task<CertificateChallenge> BeginAsync(byte[] certificate, CancellationToken ct);

    /// <summary>
    /// Verifies the signature over the challenge text and uses the challenge up (once, even under concurrency). Throws
    /// a Chinese error, put on the Ledger, when the challenge is unknown, used or expired, or the signature is invalid.
    /// </summary>
    Task<CertificateSignInResult> CompleteAsync(Guid challengeId, string signatureBase64, CancellationToken ct);
}

/// <summary>The text to sign (UTF-8), and until when it may be used.</summary>
public sealed record CertificateChallenge(Guid ChallengeId, string Challenge, DateTimeOffset ExpiresAt);

/// <summary>Who signed in: the account the certificate is bound to, and the certificate.</summary>
public sealed record CertificateSignInResult(
    Guid UserId, string UserName, string DisplayName, string OrganizationName, string CertificateSubject, string Fingerprint);

/// <summary>A CA on the trust list, as the trust-list page shows it.</summary>
public sealed record TrustedAuthorityView(
    Guid Id, string Subject, string Issuer, string Fingerprint, string KeyAlgorithm, DateTimeOffset NotBefore, DateTimeOffset NotAfter,
    bool IsRoot, DateTimeOffset? CrlThisUpdate, DateTimeOffset? CrlNextUpdate, string AddedBy, DateTimeOffset AddedAt,
    string? RemovedBy, DateTimeOffset? RemovedAt);

/// <summary>A bound certificate, as the entity's certificates page shows it.</summary>
public sealed record BoundCertificateView(
    Guid Id, string UserName, string Subject, string Issuer, string SerialNumber, string Fingerprint, string KeyAlgorithm,
    DateTimeOffset NotBefore, DateTimeOffset NotAfter, string BoundBy, DateTimeOffset BoundAt, string? UnboundBy, DateTimeOffset? UnboundAt);

/// <summary>The center's trust list of CAs (R32). Refusals throw Chinese errors and change nothing.</summary>
public interface ITrustList
{
    Task<IReadOnlyList<TrustedAuthorityView>> ListAsync(CancellationToken ct);

    /// <summary>Adds a CA certificate (PEM or DER): a root, or an intermediate that chains to a listed root.</summary>
    Task<TrustedAuthorityView> AddAsync(byte[]? certificate, string actor, CancellationToken ct);

    /// <summary>Replaces the CA's revocation list (PEM or DER) with a newer one the CA signed.</summary>
    Task<TrustedAuthorityView> UpdateRevocationListAsync(Guid id, byte[]? crl, string actor, CancellationToken ct);

    /// <summary>Removes the CA from the list; the record stays.</summary>
    Task RemoveAsync(Guid id, string actor, CancellationToken ct);
}

/// <summary>A market entity's bound certificates (R32), for its own members.</summary>
public interface IEntityCertificates
{
    Task<IReadOnlyList<BoundCertificateView>> ListAsync(Guid organizationId, CancellationToken ct);

    /// <summary>Binds a certificate (PEM or DER) to the user binding it, as the organisation's.</summary>
    Task<BoundCertificateView> BindCertificateAsync(Guid organizationId, Guid userId, string userName, byte[]? certificate, CancellationToken ct);

    Task UnbindAsync(Guid organizationId, Guid id, string userName, CancellationToken ct);

    /// <summary>
    /// Why a certificate (DER) may not sign for the organisation at <paramref name="at"/>: not bound to one of its
    /// accounts, expired or not yet valid, untrusted or revoked — a Chinese reason; null when it may.
    /// </summary>
    Task<string?> SigningProblemAsync(Guid organizationId, byte[] certificate, DateTimeOffset at, CancellationToken ct);
}
