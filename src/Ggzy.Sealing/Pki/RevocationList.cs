using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.Security.Certificates;
using Org.BouncyCastle.X509;

namespace Ggzy.Sealing.Pki;

/// <summary>An X.509 certificate revocation list (CRL), read from PEM or DER.</summary>
public sealed class RevocationList
{
    private RevocationList(X509Crl inner)
    {
        Inner = inner;
        Der = inner.GetEncoded();
    }

    internal X509Crl Inner { get; }

    public byte[] Der { get; }

    public string Issuer => Inner.IssuerDN.ToString();

    public DateTimeOffset ThisUpdate => new(DateTime.SpecifyKind(Inner.ThisUpdate, DateTimeKind.Utc));

    /// <summary>When the CA promises the next list; after it this list no longer tells whether a certificate is revoked.</summary>
    public DateTimeOffset? NextUpdate => Inner.NextUpdate is { } next ? new(DateTime.SpecifyKind(next, DateTimeKind.Utc)) : null;

    public int RevokedCount => Inner.GetRevokedCertificates()?.Count ?? 0;

    public static RevocationList Parse(ReadOnlySpan<byte> data)
    {
        try
        {
            var der = Pem.LooksLikePem(data)
                ? Pem.Blocks(data, "X509 CRL") is [var first, ..] ? first : throw new FormatException()
                : data.ToArray();
            var structure = CertificateList.GetInstance(Asn1Object.FromByteArray(der));
            return new RevocationList(new X509Crl(structure));
        }
        catch (Exception e) when (e is FormatException or IOException or ArgumentException or InvalidCastException
                                      or CrlException or InvalidOperationException)
        {
            throw new CertificateFormatException("无法读取吊销列表：文件不是有效的 X.509 CRL（PEM -----BEGIN X509 CRL----- 或 DER 格式）。", e);
        }
    }

    /// <summary>Whether the list's issuer is <paramref name="issuer"/> and its signature verifies with that CA's key.</summary>
    public bool IsIssuedBy(Certificate issuer)
    {
        if (!Inner.IssuerDN.Equivalent(issuer.Inner.SubjectDN))
        {
            return false;
        }

        try
        {
            Inner.Verify(issuer.PublicKey);
            return true;
        }
        catch (Exception e) when (e is InvalidKeyException or SignatureException or CrlException
                                      or ArgumentException or InvalidOperationException or SecurityUtilityException)
        {
            return false;
        }
    }

    /// <summary>Whether the list revokes <paramref name="certificate"/> (same issuer and serial number).</summary>
    public bool Revokes(Certificate certificate) =>
        Inner.IssuerDN.Equivalent(certificate.Inner.IssuerDN) && Inner.GetRevokedCertificate(certificate.Inner.SerialNumber) is not null;

    /// <summary>When <paramref name="certificate"/> was revoked according to this list.</summary>
    public DateTimeOffset? RevokedAt(Certificate certificate) =>
        Revokes(certificate) && Inner.GetRevokedCertificate(certificate.Inner.SerialNumber) is { } entry
            ? new DateTimeOffset(DateTime.SpecifyKind(entry.RevocationDate, DateTimeKind.Utc))
            : null;

    public string ToPem() => Pem.Write("X509 CRL", Der);
}
