namespace Ggzy.Sealing.Pki;

/// <summary>A CA the platform trusts (root or intermediate), with its latest revocation list if the center uploaded one.</summary>
public sealed record TrustAnchor(Certificate Certificate, RevocationList? RevocationList = null);

/// <summary>Why a certificate is not accepted.</summary>
public enum CertificateProblem
{
    /// <summary>The certificate's validity ended before the instant.</summary>
    Expired,

    /// <summary>The certificate's validity starts after the instant.</summary>
    NotYetValid,

    /// <summary>No chain leads to a root CA on the trust list.</summary>
    Untrusted,

    /// <summary>A CA of the trust list has the issuer's name, but the signature does not verify with its key.</summary>
    SignatureInvalid,

    /// <summary>The issuer's revocation list revokes the certificate.</summary>
    Revoked,

    /// <summary>Key usage is present and does not include digitalSignature.</summary>
    KeyUsage,

    /// <summary>A CA in the chain has expired or is not yet valid, is not a CA, or may not sign certificates.</summary>
    IssuerInvalid,

    /// <summary>The issuer's revocation list is past its nextUpdate, so revocation cannot be told.</summary>
    RevocationListStale,
}

/// <summary>The outcome: the problem (null when accepted), which certificate it concerns, and the chain found.</summary>
public sealed record CertificateCheck(CertificateProblem? Problem, Certificate Concerning, IReadOnlyList<Certificate> Chain)
{
    public bool IsValid => Problem is null;
}

/// <summary>
/// Verifies a certificate at an instant: its validity and key usage (digitalSignature, if the extension is present),
/// then a chain to a self-signed root on the trust list, through intermediates that are on the list or presented with
/// the certificate. Every link's signature verifies with the issuer's key (SM3withSM2, SHA256withRSA, SHA256withECDSA,
/// as the certificate names it); every CA is valid at the instant and a CA by its basic constraints; every certificate
/// whose issuer has a revocation list on the trust list is checked against it (the list must verify with the
/// issuer's key and must not be past its nextUpdate).
/// </summary>
public static class CertificateValidator
{
    private const int MaxDepth = 8;

    public static CertificateCheck Validate(
        Certificate certificate, IEnumerable<TrustAnchor> trustList, DateTimeOffset at, IEnumerable<Certificate>? presented = null)
    {
        var anchors = trustList.ToList();
        var chain = new List<Certificate> { certificate };
        if (at < certificate.NotBefore)
        {
            return new(CertificateProblem.NotYetValid, certificate, chain);
        }

        if (at > certificate.NotAfter)
        {
            return new(CertificateProblem.Expired, certificate, chain);
        }

        if (!certificate.AllowsDigitalSignature)
        {
            return new(CertificateProblem.KeyUsage, certificate, chain);
        }

        var candidates = anchors.Select(a => (a.Certificate, a.RevocationList))
            .Concat((presented ?? []).Select(c => (Certificate: c, RevocationList: (RevocationList?)null)))
            .Where(c => c.Certificate.Fingerprint != certificate.Fingerprint)
            .ToList();
        var current = certificate;
        for (var depth = 0; depth < MaxDepth; depth++)
        {
            var named = candidates.Where(c => c.Certificate.Inner.SubjectDN.Equivalent(current.Inner.IssuerDN)).ToList();
            if (named.Count == 0)
            {
                return new(CertificateProblem.Untrusted, current, chain);
            }

            var issuer = named.FirstOrDefault(c => current.IsSignedBy(c.Certificate));
            if (issuer.Certificate is null)
            {
                return new(CertificateProblem.SignatureInvalid, current, chain);
            }

            var ca = issuer.Certificate;
            if (at < ca.NotBefore || at > ca.NotAfter || !ca.IsCertificateAuthority || !ca.AllowsCertificateSigning)
            {
                return new(CertificateProblem.IssuerInvalid, ca, chain);
            }

            // Revocation lists are those the center put on the trust list next to their CA.
            var crl = anchors.FirstOrDefault(a => a.Certificate.Fingerprint == ca.Fingerprint)?.RevocationList;
            if (crl is not null)
            {
                if (!crl.IsIssuedBy(ca) || crl.NextUpdate is { } next && at > next)
                {
                    return new(CertificateProblem.RevocationListStale, ca, chain);
                }

                if (crl.Revokes(current))
                {
                    return new(CertificateProblem.Revoked, current, chain);
                }
            }

            chain.Add(ca);
            var isAnchor = anchors.Any(a => a.Certificate.Fingerprint == ca.Fingerprint);
            if (isAnchor && ca.IsSelfSigned)
            {
                return new(null, certificate, chain);
            }

            if (ca.IsSelfSigned)
            {
                // A presented root that the platform does not list.
                return new(CertificateProblem.Untrusted, ca, chain);
            }

            current = ca;
        }

        return new(CertificateProblem.Untrusted, current, chain);
    }
}
