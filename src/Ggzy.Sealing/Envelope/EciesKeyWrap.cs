using System.Security.Cryptography;
using Org.BouncyCastle.Crypto.Agreement;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Macs;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.Utilities;

namespace Ggzy.Sealing.Envelope;

/// <summary>
/// <c>ECIES-X963SHA256-XOR-HMACSHA256</c>: SEC 1 v2 §5.1 ECIES on the certificate's curve with ECDH (no cofactor), the
/// ANSI X9.63 KDF with SHA-256 (SharedInfo1 = the ephemeral point), XOR encryption and a full HMAC-SHA-256 tag.
/// wrapped = R (uncompressed point) ‖ content key XOR K[0..16) ‖ HMAC-SHA-256(K[16..48), that ciphertext).
/// See docs/sealed-envelope.md §4.1.
/// </summary>
internal static class EciesKeyWrap
{
    private const int KeyBytes = KeyWrapping.ContentKeyBytes;
    private const int MacKeyBytes = 32;
    private const int TagBytes = 32;

    public static byte[] Wrap(ECPublicKeyParameters recipient, byte[] contentKey, SecureRandom random)
    {
        var generator = new ECKeyPairGenerator();
        generator.Init(new ECKeyGenerationParameters(recipient.Parameters, random));
        var ephemeral = generator.GenerateKeyPair();
        var point = ((ECPublicKeyParameters)ephemeral.Public).Q.GetEncoded(false);
        var keys = DeriveKeys((ECPrivateKeyParameters)ephemeral.Private, recipient, point);
        var encrypted = Xor(contentKey, keys.AsSpan(0, KeyBytes));
        return [.. point, .. encrypted, .. Tag(keys.AsSpan(KeyBytes, MacKeyBytes), encrypted)];
    }

    /// <summary>Recovers the content key; throws <see cref="EnvelopeException"/> when the tag does not verify.</summary>
    public static byte[] Unwrap(ECPrivateKeyParameters key, byte[] wrapped)
    {
        var pointBytes = 1 + 2 * ((key.Parameters.Curve.FieldSize + 7) / 8);
        if (wrapped.Length != pointBytes + KeyBytes + TagBytes || wrapped[0] != 0x04)
        {
            throw new EnvelopeException(EnvelopeErrors.KeyUnwrap, "ECIES 封装的内容密钥长度或格式不对：请使用密封时所用证书的私钥，或重新密封。");
        }

        var point = wrapped[..pointBytes];
        // The constructor checks that the point is on the curve and not at infinity.
        var ephemeral = new ECPublicKeyParameters(key.Parameters.Curve.DecodePoint(point), key.Parameters);
        var keys = DeriveKeys(key, ephemeral, point);
        var encrypted = wrapped.AsSpan(pointBytes, KeyBytes).ToArray();
        var tag = Tag(keys.AsSpan(KeyBytes, MacKeyBytes), encrypted);
        if (!CryptographicOperations.FixedTimeEquals(tag, wrapped.AsSpan(pointBytes + KeyBytes)))
        {
            throw new EnvelopeException(EnvelopeErrors.KeyUnwrap, "无法解出内容密钥：私钥不是密封时所用证书的私钥，或信封已损坏。");
        }

        return Xor(encrypted, keys.AsSpan(0, KeyBytes));
    }

    // Z = x(d·Q) as a field-size big-endian octet string (SEC 1 §3.3.1); K = X9.63-KDF-SHA256(Z, SharedInfo = R), 48 bytes.
    private static byte[] DeriveKeys(ECPrivateKeyParameters own, ECPublicKeyParameters other, byte[] ephemeralPoint)
    {
        var agreement = new ECDHBasicAgreement();
        agreement.Init(own);
        var z = BigIntegers.AsUnsignedByteArray(agreement.GetFieldSize(), agreement.CalculateAgreement(other));
        var kdf = new Kdf2BytesGenerator(new Sha256Digest());
        kdf.Init(new KdfParameters(z, ephemeralPoint));
        var keys = new byte[KeyBytes + MacKeyBytes];
        kdf.GenerateBytes(keys, 0, keys.Length);
        CryptographicOperations.ZeroMemory(z);
        return keys;
    }

    private static byte[] Tag(ReadOnlySpan<byte> macKey, byte[] encrypted)
    {
        var mac = new HMac(new Sha256Digest());
        mac.Init(new KeyParameter(macKey));
        mac.BlockUpdate(encrypted, 0, encrypted.Length);
        var tag = new byte[TagBytes];
        mac.DoFinal(tag, 0);
        return tag;
    }

    private static byte[] Xor(ReadOnlySpan<byte> data, ReadOnlySpan<byte> key)
    {
        var result = new byte[data.Length];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = (byte)(data[i] ^ key[i]);
        }

        return result;
    }
}
