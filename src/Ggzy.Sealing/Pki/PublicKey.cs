using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.X509;

namespace Ggzy.Sealing.Pki;

/// <summary>
/// A bare public key (SubjectPublicKeyInfo, PEM <c>PUBLIC KEY</c>): what a receipt's or an archive's signature is checked
/// with when the signer is the platform itself rather than a certificate holder.
/// </summary>
public sealed class PublicKey
{
    private PublicKey(AsymmetricKeyParameter key, byte[] der, KeyAlgorithm algorithm)
    {
        Key = key;
        Der = der;
        Algorithm = algorithm;
        Fingerprint = Sm3.HashHex(der);
    }

    internal AsymmetricKeyParameter Key { get; }

    /// <summary>The DER SubjectPublicKeyInfo.</summary>
    public byte[] Der { get; }

    public KeyAlgorithm Algorithm { get; }

    /// <summary>SM3 of the DER SubjectPublicKeyInfo, lowercase hex.</summary>
    public string Fingerprint { get; }

    internal static PublicKey Of(AsymmetricKeyParameter key)
    {
        var info = SubjectPublicKeyInfoFactory.CreateSubjectPublicKeyInfo(key);
        return new PublicKey(key, info.GetDerEncoded(), Certificate.AlgorithmOf(info, key));
    }

    /// <summary>Reads a PEM <c>PUBLIC KEY</c> block or DER SubjectPublicKeyInfo.</summary>
    public static PublicKey Parse(ReadOnlySpan<byte> data)
    {
        try
        {
            var der = Pem.Blocks(data, "PUBLIC KEY") is [var block, ..] ? block : data.ToArray();
            var info = SubjectPublicKeyInfo.GetInstance(Asn1Object.FromByteArray(der));
            return Of(PublicKeyFactory.CreateKey(info));
        }
        catch (Exception e) when (e is FormatException or IOException or ArgumentException or InvalidCastException
                                      or InvalidOperationException or SecurityUtilityException)
        {
            throw new CertificateFormatException("无法读取公钥：请提供 PEM 格式的公钥（-----BEGIN PUBLIC KEY-----）。", e);
        }
    }

    public string ToPem() => Pem.Write("PUBLIC KEY", Der);

    /// <summary>Verifies a signature made by <see cref="PrivateKey.Sign"/> with the matching private key.</summary>
    public bool Verify(ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature)
    {
        try
        {
            var verifier = SignerUtilities.GetSigner(Certificate.SignatureAlgorithm(Algorithm));
            verifier.Init(false, Key);
            verifier.BlockUpdate(data);
            return verifier.VerifySignature(signature.ToArray());
        }
        catch (Exception e) when (e is CryptoException or ArgumentException or InvalidOperationException
                                      or FormatException or IOException or InvalidCastException)
        {
            return false;
        }
    }
}
