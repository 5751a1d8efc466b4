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
        Certificate certificate, IEnumerable<TrustAnchor> trustList, DateTimeOffset at, IEnumerable<Certificate>? presented = null) =>
        Check(certificate, trustList, at, presented, endEntity: true);

    /// <summary>
    /// Checks a CA certificate the center wants to add: valid at the instant and a CA; a root is accepted as it is
    /// (the center's upload is what trusts it); an intermediate must chain to a root already on the list.
    /// </summary>
    public static CertificateCheck ValidateAuthority(Certificate authority, IEnumerable<TrustAnchor> trustList, DateTimeOffset at)
    {
        if (!authority.IsCertificateAuthority || !authority.AllowsCertificateSigning)
        {
            return new(CertificateProblem.IssuerInvalid, authority, [authority]);
        }

        return authority.IsSelfSigned
            ? at < authority.NotBefore ? new(CertificateProblem.NotYetValid, authority, [authority])
                : at > authority.NotAfter ? new(CertificateProblem.Expired, authority, [authority])
                : new(null, authority, [authority])
            : Check(authority, trustList, at, null, endEntity: false);
    }

    private static CertificateCheck Check(
        Certificate certificate, IEnumerable<TrustAnchor> trustList, DateTimeOffset at, IEnumerable<Certificate>? presented, bool endEntity)
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

        if (endEntity && !certificate.AllowsDigitalSignature)
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
