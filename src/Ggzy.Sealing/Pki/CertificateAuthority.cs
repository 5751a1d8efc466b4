using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.GM;
using Org.BouncyCastle.Asn1.Sec;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Operators;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.X509;
using Org.BouncyCastle.X509.Extension;

namespace Ggzy.Sealing.Pki;

/// <summary>A certificate with its private key, as a CA or a holder keeps them.</summary>
public sealed record CertificateWithKey(Certificate Certificate, PrivateKey Key);

/// <summary>Who an end-entity certificate names: a person or system of an organisation and its 统一社会信用代码.</summary>
public sealed record CertificateSubject(string CommonName, string Organization, string? CreditCode, string Country = "CN");

/// <summary>
/// Makes CAs, certificates and revocation lists: for tests, for <c>ggzy cert demo-ca</c> and for the demo data. The
/// 统一社会信用代码 goes into the subject's organizationIdentifier (2.5.4.97).
/// </summary>
public static class CertificateAuthority
{
    private static readonly SecureRandom Random = new();

    public static PrivateKey NewKey(KeyAlgorithm algorithm)
    {
        IAsymmetricCipherKeyPairGenerator generator;
        switch (algorithm)
        {
            case KeyAlgorithm.Rsa:
                generator = new RsaKeyPairGenerator();
                generator.Init(new RsaKeyGenerationParameters(BigInteger.ValueOf(65537), Random, 2048, 100));
                break;
            case KeyAlgorithm.Sm2:
                generator = new ECKeyPairGenerator("EC");
                generator.Init(new ECKeyGenerationParameters(GMObjectIdentifiers.sm2p256v1, Random));
                break;
            case KeyAlgorithm.Ecdsa:
                generator = new ECKeyPairGenerator("EC");
                generator.Init(new ECKeyGenerationParameters(SecObjectIdentifiers.SecP256r1, Random));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, null);
        }

        return new PrivateKey(generator.GenerateKeyPair().Private, algorithm);
    }

    /// <summary>A self-signed root CA.</summary>
    public static CertificateWithKey CreateRoot(KeyAlgorithm algorithm, string commonName, string organization, DateTimeOffset notBefore, DateTimeOffset notAfter)
    {
        var key = NewKey(algorithm);
        var name = Name(new CertificateSubject(commonName, organization, null));
        var publicKey = PublicOf(key);
        var generator = Generator(name, name, publicKey, notBefore, notAfter);
        generator.AddExtension(X509Extensions.BasicConstraints, true, new BasicConstraints(true));
        generator.AddExtension(X509Extensions.KeyUsage, true, new KeyUsage(KeyUsage.KeyCertSign | KeyUsage.CrlSign));
        generator.AddExtension(X509Extensions.SubjectKeyIdentifier, false, X509ExtensionUtilities.CreateSubjectKeyIdentifier(publicKey));
        return new(Sign(generator, key), key);
    }

    /// <summary>An intermediate CA signed by <paramref name="issuer"/>.</summary>
    public static CertificateWithKey CreateIntermediate(
        CertificateWithKey issuer, KeyAlgorithm algorithm, string commonName, string organization, DateTimeOffset notBefore, DateTimeOffset notAfter)
    {
        var key = NewKey(algorithm);
        var publicKey = PublicOf(key);
        var generator = Generator(issuer.Certificate.Inner.SubjectDN, Name(new CertificateSubject(commonName, organization, null)), publicKey, notBefore, notAfter);
        generator.AddExtension(X509Extensions.BasicConstraints, true, new BasicConstraints(0));
        generator.AddExtension(X509Extensions.KeyUsage, true, new KeyUsage(KeyUsage.KeyCertSign | KeyUsage.CrlSign));
        generator.AddExtension(X509Extensions.SubjectKeyIdentifier, false, X509ExtensionUtilities.CreateSubjectKeyIdentifier(publicKey));
        generator.AddExtension(X509Extensions.AuthorityKeyIdentifier, false,
            X509ExtensionUtilities.CreateAuthorityKeyIdentifier(issuer.Certificate.PublicKey));
        return new(Sign(generator, issuer.Key), key);
    }

    /// <summary>
    /// An end-entity certificate for signing (key usage digitalSignature and nonRepudiation, unless
    /// <paramref name="keyUsage"/> says otherwise).
    /// </summary>
    public static CertificateWithKey Issue(
        CertificateWithKey issuer, KeyAlgorithm algorithm, CertificateSubject subject, DateTimeOffset notBefore, DateTimeOffset notAfter,
        int keyUsage = KeyUsage.DigitalSignature | KeyUsage.NonRepudiation)
    {
        var key = NewKey(algorithm);
        var publicKey = PublicOf(key);
        var generator = Generator(issuer.Certificate.Inner.SubjectDN, Name(subject), publicKey, notBefore, notAfter);
        generator.AddExtension(X509Extensions.BasicConstraints, true, new BasicConstraints(false));
        generator.AddExtension(X509Extensions.KeyUsage, true, new KeyUsage(keyUsage));
        generator.AddExtension(X509Extensions.SubjectKeyIdentifier, false, X509ExtensionUtilities.CreateSubjectKeyIdentifier(publicKey));
        generator.AddExtension(X509Extensions.AuthorityKeyIdentifier, false,
            X509ExtensionUtilities.CreateAuthorityKeyIdentifier(issuer.Certificate.PublicKey));
        return new(Sign(generator, issuer.Key), key);
    }

    /// <summary>A revocation list signed by <paramref name="issuer"/> revoking <paramref name="revoked"/>.</summary>
    public static RevocationList IssueRevocationList(
        CertificateWithKey issuer, IEnumerable<Certificate> revoked, DateTimeOffset thisUpdate, DateTimeOffset nextUpdate, long number = 1)
    {
        var generator = new X509V2CrlGenerator();
        generator.SetIssuerDN(issuer.Certificate.Inner.SubjectDN);
        generator.SetThisUpdate(thisUpdate.UtcDateTime);
        generator.SetNextUpdate(nextUpdate.UtcDateTime);
        foreach (var certificate in revoked)
        {
            generator.AddCrlEntry(certificate.Inner.SerialNumber, thisUpdate.UtcDateTime, CrlReason.KeyCompromise);
        }

        generator.AddExtension(X509Extensions.CrlNumber, false, new CrlNumber(BigInteger.ValueOf(number)));
        generator.AddExtension(X509Extensions.AuthorityKeyIdentifier, false,
            X509ExtensionUtilities.CreateAuthorityKeyIdentifier(issuer.Certificate.PublicKey));
        var crl = generator.Generate(new Asn1SignatureFactory(Certificate.SignatureAlgorithm(issuer.Key.Algorithm), issuer.Key.Key, Random));
        return RevocationList.Parse(crl.GetEncoded());
    }

    private static X509Name Name(CertificateSubject subject)
    {
        var order = new List<DerObjectIdentifier> { X509Name.C, X509Name.O };
        var values = new Dictionary<DerObjectIdentifier, string> { [X509Name.C] = subject.Country, [X509Name.O] = subject.Organization };
        if (subject.CreditCode is { } code)
        {
            order.Add(Certificate.OrganizationIdentifier);
            values[Certificate.OrganizationIdentifier] = code;
        }

        order.Add(X509Name.CN);
        values[X509Name.CN] = subject.CommonName;
        return new X509Name(order, values);
    }

    private static AsymmetricKeyParameter PublicOf(PrivateKey key) => key.Key switch
    {
        ECPrivateKeyParameters ec => new ECPublicKeyParameters(ec.AlgorithmName, ec.Parameters.G.Multiply(ec.D).Normalize(), ec.PublicKeyParamSet),
        RsaPrivateCrtKeyParameters rsa => new RsaKeyParameters(false, rsa.Modulus, rsa.PublicExponent),
        _ => throw new ArgumentException("unsupported key", nameof(key)),
    };

    private static X509V3CertificateGenerator Generator(
        X509Name issuer, X509Name subject, AsymmetricKeyParameter publicKey, DateTimeOffset notBefore, DateTimeOffset notAfter)
    {
        var generator = new X509V3CertificateGenerator();
        generator.SetSerialNumber(new BigInteger(1, SecureRandom.GetNextBytes(Random, 16)));
        generator.SetIssuerDN(issuer);
        generator.SetSubjectDN(subject);
        generator.SetNotBefore(notBefore.UtcDateTime);
        generator.SetNotAfter(notAfter.UtcDateTime);
        generator.SetPublicKey(publicKey);
        return generator;
    }

    private static Certificate Sign(X509V3CertificateGenerator generator, PrivateKey issuerKey)
    {
        var certificate = generator.Generate(new Asn1SignatureFactory(Certificate.SignatureAlgorithm(issuerKey.Algorithm), issuerKey.Key, Random));
        return Certificate.Parse(certificate.GetEncoded());
    }
}
