using Ggzy.Sealing.Pki;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Encodings;
using Org.BouncyCastle.Crypto.Engines;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Security;

namespace Ggzy.Sealing.Envelope;

/// <summary>Wraps the 128-bit content key to the certificate key and unwraps it (docs/sealed-envelope.md §4).</summary>
internal static class KeyWrapping
{
    public const int ContentKeyBytes = 16;

    /// <summary>The <c>keyWrap.algorithm</c> a certificate key must use, or null when v1 has none for it.</summary>
    public static string? AlgorithmFor(KeyAlgorithm algorithm) => algorithm switch
    {
        KeyAlgorithm.Sm2 => SealedEnvelope.WrapSm2,
        KeyAlgorithm.Rsa => SealedEnvelope.WrapRsaOaep,
        KeyAlgorithm.Ecdsa => SealedEnvelope.WrapEcies,
        _ => null,
    };

    public static KeyWrap Wrap(Certificate certificate, byte[] contentKey, SecureRandom random)
    {
        var algorithm = AlgorithmFor(certificate.KeyAlgorithm)
            ?? throw new EnvelopeException(EnvelopeErrors.CertificateProblem, "本版本的信封只支持 SM2、RSA 和 ECDSA 证书：请使用其中一种数字证书。");
        byte[] wrapped;
        if (certificate.KeyAlgorithm == KeyAlgorithm.Ecdsa)
        {
            wrapped = EciesKeyWrap.Wrap((ECPublicKeyParameters)certificate.PublicKey, contentKey, random);
        }
        else
        {
            var engine = BlockCipherFor(certificate.KeyAlgorithm);
            engine.Init(true, new ParametersWithRandom(certificate.PublicKey, random));
            wrapped = engine.ProcessBlock(contentKey, 0, contentKey.Length);
        }

        return new KeyWrap(algorithm, Convert.ToBase64String(wrapped));
    }

    public static byte[] Unwrap(KeyWrap keyWrap, PrivateKey privateKey)
    {
        if (!string.Equals(AlgorithmFor(privateKey.Algorithm), keyWrap.Algorithm, StringComparison.Ordinal))
        {
            throw new EnvelopeException(EnvelopeErrors.KeyUnwrap, "私钥算法与内容密钥的封装算法不符：请使用密封时所用证书的私钥解密。");
        }

        byte[] key;
        try
        {
            var wrapped = Convert.FromBase64String(keyWrap.WrappedKey);
            if (privateKey.Algorithm == KeyAlgorithm.Ecdsa)
            {
                key = EciesKeyWrap.Unwrap((ECPrivateKeyParameters)privateKey.Key, wrapped);
            }
            else
            {
                var engine = BlockCipherFor(privateKey.Algorithm);
                engine.Init(false, privateKey.Key);
                key = engine.ProcessBlock(wrapped, 0, wrapped.Length);
            }
        }
        catch (Exception e) when (e is InvalidCipherTextException or FormatException or ArgumentException or DataLengthException
                                      or InvalidOperationException)
        {
            throw new EnvelopeException(EnvelopeErrors.KeyUnwrap, "无法解出内容密钥：私钥不是密封时所用证书的私钥，或信封已损坏。");
        }

        return key.Length == ContentKeyBytes
            ? key
            : throw new EnvelopeException(EnvelopeErrors.KeyUnwrap, "解出的内容密钥不是 128 位 SM4 密钥：信封已损坏。");
    }

    private static IAsymmetricBlockCipher BlockCipherFor(KeyAlgorithm algorithm) => algorithm switch
    {
        KeyAlgorithm.Sm2 => new Sm2BlockAdapter(),
        KeyAlgorithm.Rsa => new OaepEncoding(new RsaEngine(), new Sha256Digest(), new Sha256Digest(), null),
        _ => throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, null),
    };

    /// <summary>SM2 public-key encryption (GM/T 0003.4, C1C3C2 with SM3) as a block cipher.</summary>
    private sealed class Sm2BlockAdapter : IAsymmetricBlockCipher
    {
        private readonly SM2Engine _engine = new(SM2Engine.Mode.C1C3C2);

        public string AlgorithmName => "SM2";

        public void Init(bool forEncryption, ICipherParameters parameters) => _engine.Init(forEncryption, parameters);

        public int GetInputBlockSize() => 0;

        public int GetOutputBlockSize() => 0;

        public byte[] ProcessBlock(byte[] inBuf, int inOff, int inLen) => _engine.ProcessBlock(inBuf, inOff, inLen);
    }
}
