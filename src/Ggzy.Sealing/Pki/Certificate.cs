using System.Globalization;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.GM;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.Security.Certificates;
using Org.BouncyCastle.X509;

namespace Ggzy.Sealing.Pki;

/// <summary>
/// An X.509 certificate of any CA (SM2, RSA or ECDSA key), read from PEM or DER, with the facts the platform keeps:
/// subject, issuer, serial number, SM3 fingerprint, key algorithm and validity.
/// </summary>
public sealed class Certificate
{
    /// <summary>organizationIdentifier (X.520, 2.5.4.97): where the platform puts the 统一社会信用代码.</summary>
    public static readonly DerObjectIdentifier OrganizationIdentifier = new("2.5.4.97");

    private Certificate(X509Certificate inner)
    {
        Inner = inner;
        Der = inner.GetEncoded();
        Fingerprint = Sm3.HashHex(Der);
        KeyAlgorithm = AlgorithmOf(inner.CertificateStructure.SubjectPublicKeyInfo, inner.GetPublicKey());
    }

    internal X509Certificate Inner { get; }

    public byte[] Der { get; }

    /// <summary>SM3 digest of the DER encoding, lower-case hex.</summary>
    public string Fingerprint { get; }

    public KeyAlgorithm KeyAlgorithm { get; }

    public string Subject => Inner.SubjectDN.ToString();

    public string Issuer => Inner.IssuerDN.ToString();

    /// <summary>The serial number in upper-case hex, as CAs print it.</summary>
    public string SerialNumber => Inner.SerialNumber.ToString(16).ToUpperInvariant();

    /// <summary>The OID of the algorithm the issuer signed with (SM3withSM2 is 1.2.156.10197.1.501).</summary>
    public string SignatureAlgorithmOid => Inner.SigAlgOid;

    public DateTimeOffset NotBefore => new(DateTime.SpecifyKind(Inner.NotBefore, DateTimeKind.Utc));

    public DateTimeOffset NotAfter => new(DateTime.SpecifyKind(Inner.NotAfter, DateTimeKind.Utc));

    /// <summary>Whether the basic-constraints extension marks it as a CA certificate.</summary>
    public bool IsCertificateAuthority => Inner.GetBasicConstraints() >= 0;

    /// <summary>Whether it is self-issued and its signature verifies with its own key (a root CA).</summary>
    public bool IsSelfSigned => Inner.SubjectDN.Equivalent(Inner.IssuerDN) && IsSignedBy(this);

    /// <summary>Whether key usage allows digital signatures; true when the extension is absent.</summary>
    public bool AllowsDigitalSignature => Inner.GetKeyUsage() is not { } usage || usage[0];

    /// <summary>Whether key usage allows signing certificates; true when the extension is absent.</summary>
    public bool AllowsCertificateSigning => Inner.GetKeyUsage() is not { } usage || usage[5];

    /// <summary>Whether key usage allows signing revocation lists; true when the extension is absent.</summary>
    public bool AllowsCrlSigning => Inner.GetKeyUsage() is not { } usage || usage[6];

    /// <summary>Reads one certificate: PEM (the first CERTIFICATE block) or DER.</summary>
    public static Certificate Parse(ReadOnlySpan<byte> data) =>
        ParseAll(data) is [var first, ..] ? first : throw new CertificateFormatException("没有读到证书：请上传 PEM（-----BEGIN CERTIFICATE-----）或 DER 格式的 X.509 证书文件。");

    /// <summary>Reads every certificate in a PEM file (leaf first, as usual), or the one certificate of a DER file.</summary>
    public static IReadOnlyList<Certificate> ParseAll(ReadOnlySpan<byte> data)
    {
        try
        {
            if (Pem.LooksLikePem(data))
            {
                return [.. Pem.Blocks(data, "CERTIFICATE", "X509 CERTIFICATE").Select(FromDer)];
            }

            return data.IsEmpty ? [] : [FromDer(data.ToArray())];
        }
        catch (Exception e) when (e is FormatException or IOException or ArgumentException or InvalidCastException
                                      or CertificateException or SecurityUtilityException or InvalidOperationException)
        {
            throw new CertificateFormatException("无法读取证书：文件不是有效的 X.509 证书（PEM 或 DER 格式）。", e);
        }
    }

    /// <summary>Reads certificates stored one DER encoding after another.</summary>
    public static IReadOnlyList<Certificate> ParseConcatenatedDer(ReadOnlySpan<byte> data)
    {
        var found = new List<Certificate>();
        using var stream = new MemoryStream(data.ToArray());
        using var input = new Asn1InputStream(stream);
        while (input.ReadObject() is { } next)
        {
            found.Add(FromDer(next.GetEncoded()));
        }

        return found;
    }

    private static Certificate FromDer(byte[] der)
    {
        var structure = X509CertificateStructure.GetInstance(Asn1Object.FromByteArray(der));
        return new Certificate(new X509Certificate(structure));
    }

    /// <summary>The values of one subject attribute, in order (e.g. <see cref="OrganizationIdentifier"/>).</summary>
    public IReadOnlyList<string> SubjectValues(DerObjectIdentifier attribute) => [.. Inner.SubjectDN.GetValueList(attribute)];

    /// <summary>The subject's common name (CN), or the whole subject when it has none.</summary>
    public string CommonName => SubjectValues(X509Name.CN) is [var cn, ..] ? cn : Subject;

    public string ToPem() => Pem.Write("CERTIFICATE", Der);

    /// <summary>Whether this certificate's signature verifies with <paramref name="issuer"/>'s key.</summary>
    public bool IsSignedBy(Certificate issuer)
    {
        try
        {
            Inner.Verify(issuer.Inner.GetPublicKey());
            return true;
        }
        catch (Exception e) when (e is InvalidKeyException or SignatureException or CertificateException
                                      or CryptoException or ArgumentException or InvalidOperationException
                                      or SecurityUtilityException)
        {
            return false;
        }
    }

    /// <summary>Verifies a signature over <paramref name="data"/> made with this certificate's private key.</summary>
    public bool VerifySignature(ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature)
    {
        try
        {
            var verifier = SignerUtilities.GetSigner(SignatureAlgorithm(KeyAlgorithm));
            verifier.Init(false, Inner.GetPublicKey());
            verifier.BlockUpdate(data);
            return verifier.VerifySignature(signature.ToArray());
        }
        catch (Exception e) when (e is CryptoException or ArgumentException or InvalidOperationException
                                      or FormatException or IOException or InvalidCastException)
        {
            return false;
        }
    }

    internal AsymmetricKeyParameter PublicKey => Inner.GetPublicKey();

    /// <summary>The signature algorithm the platform uses with a key: SM3withSM2, SHA256withRSA or SHA256withECDSA.</summary>
    public static string SignatureAlgorithm(KeyAlgorithm algorithm) => algorithm switch
    {
        KeyAlgorithm.Sm2 => "SM3WITHSM2",
        KeyAlgorithm.Rsa => "SHA256WITHRSA",
        KeyAlgorithm.Ecdsa => "SHA256WITHECDSA",
        _ => throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, null),
    };

    public static string NameOf(KeyAlgorithm algorithm) => algorithm switch
    {
        KeyAlgorithm.Sm2 => "SM2",
        KeyAlgorithm.Rsa => "RSA",
        KeyAlgorithm.Ecdsa => "ECDSA",
        _ => algorithm.ToString(),
    };

    internal static KeyAlgorithm AlgorithmOf(SubjectPublicKeyInfo info, AsymmetricKeyParameter key)
    {
        switch (key)
        {
            case RsaKeyParameters:
                return KeyAlgorithm.Rsa;
            case ECPublicKeyParameters ec:
                var curve = ec.PublicKeyParamSet ?? info.Algorithm.Parameters as DerObjectIdentifier;
                return GMObjectIdentifiers.sm2p256v1.Equals(curve) || GMObjectIdentifiers.sm2p256v1.Equals(info.Algorithm.Algorithm)
                    ? KeyAlgorithm.Sm2
                    : KeyAlgorithm.Ecdsa;
            default:
                throw new CertificateFormatException(string.Create(CultureInfo.InvariantCulture,
                    $"不支持证书的公钥算法（{info.Algorithm.Algorithm.Id}）：平台支持 SM2、RSA 和 ECDSA 证书。"));
        }
    }
}
