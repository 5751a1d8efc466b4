using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Pkcs;
using Org.BouncyCastle.Asn1.Sec;
using Org.BouncyCastle.Asn1.X9;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Pkcs;
using Org.BouncyCastle.Security;

namespace Ggzy.Sealing.Pki;

/// <summary>
/// A certificate holder's private key (SM2, RSA or ECDSA), read from PEM: PKCS #8 (<c>PRIVATE KEY</c>), or the
/// OpenSSL forms <c>EC PRIVATE KEY</c> and <c>RSA PRIVATE KEY</c>. Never sent to the platform.
/// </summary>
public sealed class PrivateKey
{
    internal PrivateKey(AsymmetricKeyParameter key, KeyAlgorithm algorithm)
    {
        Key = key;
        Algorithm = algorithm;
    }

    internal AsymmetricKeyParameter Key { get; }

    public KeyAlgorithm Algorithm { get; }

    public static PrivateKey Parse(ReadOnlySpan<byte> data)
    {
        try
        {
            if (Pem.Blocks(data, "PRIVATE KEY") is [var pkcs8, ..])
            {
                return FromPkcs8(PrivateKeyInfo.GetInstance(Asn1Object.FromByteArray(pkcs8)));
            }

            if (Pem.Blocks(data, "EC PRIVATE KEY") is [var sec1, ..])
            {
                var ec = ECPrivateKeyStructure.GetInstance(Asn1Object.FromByteArray(sec1));
                var curve = ec.Parameters as DerObjectIdentifier
                    ?? throw new CertificateFormatException("EC 私钥须注明曲线（named curve）。");
                var info = new PrivateKeyInfo(new Org.BouncyCastle.Asn1.X509.AlgorithmIdentifier(X9ObjectIdentifiers.IdECPublicKey, curve), ec);
                return FromPkcs8(info);
            }

            if (Pem.Blocks(data, "RSA PRIVATE KEY") is [var pkcs1, ..])
            {
                var rsa = RsaPrivateKeyStructure.GetInstance(Asn1Object.FromByteArray(pkcs1));
                var info = new PrivateKeyInfo(new Org.BouncyCastle.Asn1.X509.AlgorithmIdentifier(PkcsObjectIdentifiers.RsaEncryption, DerNull.Instance), rsa);
                return FromPkcs8(info);
            }

            if (!Pem.LooksLikePem(data) && !data.IsEmpty)
            {
                return FromPkcs8(PrivateKeyInfo.GetInstance(Asn1Object.FromByteArray(data.ToArray())));
            }
        }
        catch (Exception e) when (e is FormatException or IOException or ArgumentException or InvalidCastException
                                      or InvalidOperationException or SecurityUtilityException)
        {
            throw new CertificateFormatException("无法读取私钥：请使用未加密的 PEM 私钥（-----BEGIN PRIVATE KEY-----），支持 SM2、RSA 和 ECDSA。", e);
        }

        throw new CertificateFormatException("没有读到私钥：请使用未加密的 PEM 私钥（-----BEGIN PRIVATE KEY-----）。加密的私钥请先用 openssl pkey 解密。");
    }

    private static PrivateKey FromPkcs8(PrivateKeyInfo info)
    {
        var key = PrivateKeyFactory.CreateKey(info);
        var algorithm = key switch
        {
            RsaKeyParameters => KeyAlgorithm.Rsa,
            ECPrivateKeyParameters ec when Org.BouncyCastle.Asn1.GM.GMObjectIdentifiers.sm2p256v1.Equals(
                ec.PublicKeyParamSet ?? info.PrivateKeyAlgorithm.Parameters as DerObjectIdentifier) => KeyAlgorithm.Sm2,
            ECPrivateKeyParameters => KeyAlgorithm.Ecdsa,
            _ => throw new CertificateFormatException("不支持该私钥算法：平台支持 SM2、RSA 和 ECDSA。"),
        };
        return new PrivateKey(key, algorithm);
    }

    /// <summary>Signs <paramref name="data"/>: SM3withSM2 (default user id), SHA256withRSA or SHA256withECDSA; DER for EC.</summary>
    public byte[] Sign(ReadOnlySpan<byte> data)
    {
        var signer = SignerUtilities.GetSigner(Certificate.SignatureAlgorithm(Algorithm));
        signer.Init(true, new ParametersWithRandom(Key, new SecureRandom()));
        signer.BlockUpdate(data);
        return signer.GenerateSignature();
    }

    /// <summary>The public half of this key.</summary>
    public PublicKey PublicKey => PublicKey.Of(Key switch
    {
        RsaPrivateCrtKeyParameters rsa => new RsaKeyParameters(false, rsa.Modulus, rsa.PublicExponent),
        ECPrivateKeyParameters ec => ec.PublicKeyParamSet is { } set
            ? new ECPublicKeyParameters("EC", ec.Parameters.G.Multiply(ec.D).Normalize(), set)
            : new ECPublicKeyParameters(ec.Parameters.G.Multiply(ec.D).Normalize(), ec.Parameters),
        _ => throw new InvalidOperationException("Unsupported key."),
    });

    /// <summary>PKCS #8 PEM (<c>-----BEGIN PRIVATE KEY-----</c>), unencrypted: keep the file private (mode 600).</summary>
    public string ToPem() => Pem.Write("PRIVATE KEY", PrivateKeyInfoFactory.CreatePrivateKeyInfo(Key).GetEncoded());
}
