namespace Ggzy.Credit.Domain;

/// <summary>A one-time text the holder of a bound certificate signs to sign in; good for a few minutes, once.</summary>
internal sealed class SignInChallenge
{
    public Guid Id { get; init; }

    public Guid BoundCertificateId { get; init; }

    public required string Fingerprint { get; init; }

    /// <summary>The exact text to sign (UTF-8), which names the nonce, the certificate and the expiry.</summary>
    public required string Text { get; init; }

    /// <summary>Intermediate CA certificates the holder presented (concatenated DER), for the check at completion.</summary>
    public byte[]? Intermediates { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset ExpiresAt { get; init; }

    public DateTimeOffset? UsedAt { get; set; }
}
