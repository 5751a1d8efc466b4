using System.Buffers.Binary;
using System.Text.Json;
using Ggzy.Sealing.Pki;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Encodings;
using Org.BouncyCastle.Crypto.Engines;
using Org.BouncyCastle.Crypto.Macs;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Security;

namespace Ggzy.Sealing.Envelope;

/// <summary>
/// A sealed bid in the <c>ggzy.sealed-envelope.v1</c> format (docs/sealed-envelope.md): sections encrypted separately with
/// SM4-CBC under one fresh content key, the key wrapped to the bidder's certificate key, and a signed header with SM3 digests.
/// </summary>
public sealed class SealedEnvelope
{
    public const string FormatV1 = "ggzy.sealed-envelope.v1";
    public const string CipherSm4Cbc = "SM4-CBC-PKCS7";
    public const string WrapSm2 = "SM2-C1C3C2-SM3";
    public const string WrapRsaOaep = "RSA-OAEP-SHA256";
    public const string PriceSheet = "price-sheet";
    public const int MaxHeaderBytes = 1 << 20;
    public const int MaxSignatureBytes = 4096;
    public const int MinSections = 2;
    public const int MaxSections = 64;
    public const long MaxSectionBytes = 1L << 30;
    public const long MaxTotalBytes = 2L << 30;

    private static readonly byte[] Magic = "GGZYSENV"u8.ToArray();
    private static readonly SecureRandom Random = new();

    private readonly byte[][] _ciphertexts;

    private SealedEnvelope(EnvelopeHeader header, byte[] headerBytes, byte[] signature, byte[][] ciphertexts)
    {
        Header = header;
        HeaderBytes = headerBytes;
        Signature = signature;
        _ciphertexts = ciphertexts;
    }

    public EnvelopeHeader Header { get; }

    /// <summary>The header exactly as signed (UTF-8 JSON).</summary>
    public byte[] HeaderBytes { get; }

    public byte[] Signature { get; }

    public ReadOnlyMemory<byte> Ciphertext(int section) => _ciphertexts[section];

    /// <summary>Seals <paramref name="sections"/> for <paramref name="lotCode"/> and writes the envelope to <paramref name="output"/>.</summary>
    public static void Seal(
        string lotCode, string bidderCreditCode, ToolFingerprint tool, IReadOnlyList<SectionInput> sections,
        Certificate certificate, PrivateKey privateKey, Stream output)
    {
        ArgumentNullException.ThrowIfNull(sections);
        ArgumentNullException.ThrowIfNull(certificate);
        ArgumentNullException.ThrowIfNull(privateKey);
        ArgumentNullException.ThrowIfNull(output);
        CheckSectionNames(sections.Select(s => (s.Name, s.FileName)).ToList());
        if (certificate.KeyAlgorithm != privateKey.Algorithm)
        {
            throw new EnvelopeException(EnvelopeErrors.CertificateProblem, "证书与私钥的算法不一致：请使用与证书配对的私钥。");
        }

        var contentKey = new byte[16];
        Random.NextBytes(contentKey);
        var entries = new List<SectionEntry>();
        var ciphertexts = new List<byte[]>();
        foreach (var section in sections)
        {
            using var buffer = new MemoryStream();
            section.Content.CopyTo(buffer);
            var plain = buffer.ToArray();
            var iv = new byte[16];
            Random.NextBytes(iv);
            var cipher = Sm4(true, contentKey, iv, plain);
            entries.Add(new SectionEntry(section.Name, section.FileName, plain.LongLength, cipher.LongLength,
                Convert.ToHexStringLower(iv), MacHex(contentKey, plain), Sm3.HashHex(cipher)));
            ciphertexts.Add(cipher);
        }

        var header = new EnvelopeHeader(FormatV1, lotCode, bidderCreditCode, tool, Convert.ToBase64String(certificate.Der),
            CipherSm4Cbc, Wrap(certificate, contentKey), entries);
        var headerBytes = JsonSerializer.SerializeToUtf8Bytes(header);
        var signature = privateKey.Sign(headerBytes);
        output.Write(Magic);
        WriteLength(output, headerBytes.Length);
        output.Write(headerBytes);
        WriteLength(output, signature.Length);
        output.Write(signature);
        foreach (var cipher in ciphertexts)
        {
            output.Write(cipher);
        }

        output.Flush();
    }

    /// <summary>Reads an envelope, refusing malformed structure; call <see cref="Verify"/> for digests and signature.</summary>
    public static SealedEnvelope Read(Stream input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var magic = ReadExactly(input, Magic.Length);
        if (!magic.AsSpan().SequenceEqual(Magic))
        {
            throw new EnvelopeException(EnvelopeErrors.BadMagic, "这不是投标文件密封信封（文件头不是 GGZYSENV）：请上传投标工具生成的 .gse 文件。");
        }

        var headerLength = ReadLength(input, MaxHeaderBytes, "信封头");
        var headerBytes = ReadExactly(input, headerLength);
        var signatureLength = ReadLength(input, MaxSignatureBytes, "签名");
        var signature = ReadExactly(input, signatureLength);
        var header = ParseHeader(headerBytes);
        if (input.CanSeek && input.Length - input.Position < header.Sections.Sum(s => s.CipherLength))
        {
            throw new EnvelopeException(EnvelopeErrors.Truncated, "信封不完整（文件被截断）：请重新上传完整的文件。");
        }

        var ciphertexts = new byte[header.Sections.Count][];
        for (var i = 0; i < ciphertexts.Length; i++)
        {
            ciphertexts[i] = ReadExactly(input, (int)header.Sections[i].CipherLength);
        }

        if (input.ReadByte() >= 0)
        {
            throw new EnvelopeException(EnvelopeErrors.TrailingData, "信封在最后一个分段之后还有多余数据：文件已被改动，请重新生成。");
        }

        return new SealedEnvelope(header, headerBytes, signature, ciphertexts);
    }

    /// <summary>Checks ciphertext digests, the certificate and the bidder's signature over the header.</summary>
    public EnvelopeVerification Verify()
    {
        Certificate certificate;
        try
        {
            certificate = Certificate.Parse(Convert.FromBase64String(Header.Certificate));
        }
        catch (Exception e) when (e is CertificateFormatException or FormatException)
        {
            return new(EnvelopeErrors.CertificateProblem, "信封内嵌的投标人证书无法读取：请使用 CA 颁发的有效数字证书重新密封。");
        }

        var expectedWrap = certificate.KeyAlgorithm switch
        {
            KeyAlgorithm.Sm2 => WrapSm2,
            KeyAlgorithm.Rsa => WrapRsaOaep,
            _ => null,
        };
        if (expectedWrap is null || !string.Equals(expectedWrap, Header.KeyWrap.Algorithm, StringComparison.Ordinal))
        {
            return new(EnvelopeErrors.KeyUnwrap, "内容密钥的封装算法与投标人证书不符（SM2 证书用 SM2 加密，RSA 证书用 RSA-OAEP）。");
        }

        var creditCodes = certificate.SubjectValues(Certificate.OrganizationIdentifier);
        if (creditCodes.Count > 0 && !creditCodes.Contains(Header.BidderCreditCode, StringComparer.Ordinal))
        {
            return new(EnvelopeErrors.CertificateProblem, "信封头中的投标人统一社会信用代码与签名证书不一致：请使用本单位的数字证书密封。");
        }

        if (!certificate.VerifySignature(HeaderBytes, Signature))
        {
            return new(EnvelopeErrors.Signature, "投标人签名验证失败：信封头被改动或签名不属于内嵌证书（《电子招标投标办法》第二十六条）。");
        }

        for (var i = 0; i < _ciphertexts.Length; i++)
        {
            if (!string.Equals(Sm3.HashHex(_ciphertexts[i]), Header.Sections[i].CipherSm3, StringComparison.Ordinal))
            {
                return new(EnvelopeErrors.CipherDigest, $"分段“{Header.Sections[i].Name}”的密文 SM3 摘要与信封头不符：文件在传输或存储中被改动。");
            }
        }

        return EnvelopeVerification.Valid;
    }

    /// <summary>Recovers the 128-bit SM4 content key with the bidder's private key (at the bid opening).</summary>
    public byte[] UnwrapKey(PrivateKey privateKey)
    {
        ArgumentNullException.ThrowIfNull(privateKey);
        try
        {
            var wrapped = Convert.FromBase64String(Header.KeyWrap.WrappedKey);
            IAsymmetricBlockCipher engine = Header.KeyWrap.Algorithm switch
            {
                WrapSm2 when privateKey.Algorithm == KeyAlgorithm.Sm2 => new Sm2BlockAdapter(),
                WrapRsaOaep when privateKey.Algorithm == KeyAlgorithm.Rsa => RsaOaep(),
                _ => throw new EnvelopeException(EnvelopeErrors.KeyUnwrap, "私钥算法与内容密钥的封装算法不符：请使用密封时所用证书的私钥解密。"),
            };
            engine.Init(false, privateKey.Key);
            var key = engine.ProcessBlock(wrapped, 0, wrapped.Length);
            return key.Length == 16
                ? key
                : throw new EnvelopeException(EnvelopeErrors.KeyUnwrap, "解出的内容密钥不是 128 位 SM4 密钥：信封已损坏。");
        }
        catch (Exception e) when (e is InvalidCipherTextException or FormatException or ArgumentException or DataLengthException)
        {
            throw new EnvelopeException(EnvelopeErrors.KeyUnwrap, "无法解出内容密钥：私钥不是密封时所用证书的私钥，或信封已损坏。");
        }
    }

    /// <summary>Decrypts every section with the content key and checks each plaintext's SM3 digest.</summary>
    public IReadOnlyList<UnsealedSection> Unseal(byte[] contentKey)
    {
        ArgumentNullException.ThrowIfNull(contentKey);
        var result = new List<UnsealedSection>();
        for (var i = 0; i < _ciphertexts.Length; i++)
        {
            var entry = Header.Sections[i];
            byte[] plain;
            try
            {
                plain = Sm4(false, contentKey, Convert.FromHexString(entry.Iv), _ciphertexts[i]);
            }
            catch (Exception e) when (e is InvalidCipherTextException or DataLengthException or ArgumentException or FormatException)
            {
                throw new EnvelopeException(EnvelopeErrors.PlainDigest, $"分段“{entry.Name}”无法解密：内容密钥不对或密文被改动。");
            }

            if (plain.LongLength != entry.PlainLength
                || !System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(Convert.FromHexString(MacHex(contentKey, plain)), Convert.FromHexString(entry.PlainMac)))
            {
                throw new EnvelopeException(EnvelopeErrors.PlainDigest, $"分段“{entry.Name}”解密后的 SM3 摘要与信封头不符：内容被改动。");
            }

            result.Add(new UnsealedSection(entry, plain));
        }

        return result;
    }

    private static EnvelopeHeader ParseHeader(byte[] headerBytes)
    {
        EnvelopeHeader? header;
        try
        {
            header = JsonSerializer.Deserialize<EnvelopeHeader>(headerBytes);
        }
        catch (JsonException)
        {
            throw new EnvelopeException(EnvelopeErrors.BadHeader, "信封头不是有效的 JSON：文件已损坏，请重新生成。");
        }

        if (header is null || header.Format is null)
        {
            throw new EnvelopeException(EnvelopeErrors.BadHeader, "信封头缺少 format 字段：文件已损坏，请重新生成。");
        }

        if (!string.Equals(header.Format, FormatV1, StringComparison.Ordinal))
        {
            throw new EnvelopeException(EnvelopeErrors.UnknownVersion, $"不支持的信封版本“{header.Format}”：平台只接受 {FormatV1}，请升级投标工具。");
        }

        if (header.LotCode is null || header.BidderCreditCode is null || header.Tool is null || header.Certificate is null
            || header.KeyWrap?.WrappedKey is null || header.KeyWrap.Algorithm is null || header.Sections is null)
        {
            throw new EnvelopeException(EnvelopeErrors.BadHeader, "信封头缺少必填字段（标段编号、信用代码、工具指纹、证书、密钥封装或分段）：请重新生成。");
        }

        if (!string.Equals(header.Cipher, CipherSm4Cbc, StringComparison.Ordinal))
        {
            throw new EnvelopeException(EnvelopeErrors.Unencrypted, $"信封内容未按 {CipherSm4Cbc} 加密：投标文件须加密后递交（《电子招标投标办法》第二十六条）。");
        }

        CheckSectionNames(header.Sections.Select(s => (s.Name, s.FileName)).ToList());
        long total = 0;
        foreach (var s in header.Sections)
        {
            if (s.CipherLength > MaxSectionBytes || s.PlainLength > MaxSectionBytes || s.CipherLength < 0 || s.PlainLength < 0)
            {
                throw new EnvelopeException(EnvelopeErrors.TooLarge, $"分段“{s.Name}”声明的大小超过上限（每段不超过 {MaxSectionBytes / (1 << 20)} MB）。");
            }

            total += s.CipherLength;
            if (total > MaxTotalBytes)
            {
                throw new EnvelopeException(EnvelopeErrors.TooLarge, $"信封声明的总大小超过上限（{MaxTotalBytes / (1 << 20)} MB）。");
            }

            if (s.CipherLength != (s.PlainLength / 16 + 1) * 16 || s.Iv is not { Length: 32 } || s.PlainMac is not { Length: 64 } || !s.PlainMac.All(Uri.IsHexDigit)
                || s.CipherSm3 is not { Length: 64 } || string.Equals(s.PlainMac, s.CipherSm3, StringComparison.Ordinal))
            {
                throw new EnvelopeException(EnvelopeErrors.Unencrypted, $"分段“{s.Name}”不是 SM4-CBC 密文（长度、IV 或摘要不符）：投标文件须加密后递交（《电子招标投标办法》第二十六条）。");
            }
        }

        return header;
    }

    private static void CheckSectionNames(List<(string Name, string FileName)> sections)
    {
        if (sections.Count is < MinSections or > MaxSections)
        {
            throw new EnvelopeException(EnvelopeErrors.SectionCount, $"信封有 {sections.Count} 个分段：须有 {MinSections} 至 {MaxSections} 个（开标一览表与投标文件分段加密，《电子招标投标办法》第二十六条）。");
        }

        if (!string.Equals(sections[0].Name, PriceSheet, StringComparison.Ordinal))
        {
            throw new EnvelopeException(EnvelopeErrors.SectionCount, "第一个分段须是开标一览表（price-sheet）。");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, fileName) in sections)
        {
            if (!IsPlainName(name) || !IsPlainName(fileName) || !seen.Add(name))
            {
                throw new EnvelopeException(EnvelopeErrors.SectionName, $"分段名或文件名“{name}/{fileName}”不合规：不得为空、重复、超过 200 字符，不得含路径（/ \\ ..）或控制字符。");
            }
        }
    }

    private static bool IsPlainName(string? name) =>
        !string.IsNullOrWhiteSpace(name) && name.Length <= 200 && name is not "." and not ".."
        && !name.Contains('/', StringComparison.Ordinal) && !name.Contains('\\', StringComparison.Ordinal)
        && !name.Contains(':', StringComparison.Ordinal) && !name.Any(char.IsControl);

    private static byte[] Sm4(bool encrypt, byte[] key, byte[] iv, byte[] data)
    {
        var cipher = CipherUtilities.GetCipher("SM4/CBC/PKCS7Padding");
        cipher.Init(encrypt, new ParametersWithIV(new KeyParameter(key), iv));
        return cipher.DoFinal(data);
    }

    private static KeyWrap Wrap(Certificate certificate, byte[] contentKey)
    {
        IAsymmetricBlockCipher engine;
        string algorithm;
        switch (certificate.KeyAlgorithm)
        {
            case KeyAlgorithm.Sm2:
                engine = new Sm2BlockAdapter();
                algorithm = WrapSm2;
                break;
            case KeyAlgorithm.Rsa:
                engine = RsaOaep();
                algorithm = WrapRsaOaep;
                break;
            default:
                throw new EnvelopeException(EnvelopeErrors.CertificateProblem, "本版本的信封只支持 SM2 和 RSA 证书：请使用 SM2 或 RSA 数字证书。");
        }

        engine.Init(true, new ParametersWithRandom(certificate.PublicKey, Random));
        return new KeyWrap(algorithm, Convert.ToBase64String(engine.ProcessBlock(contentKey, 0, contentKey.Length)));
    }

    private static OaepEncoding RsaOaep() => new(new RsaEngine(), new Sha256Digest(), new Sha256Digest(), null);

    private static void WriteLength(Stream output, int length)
    {
        Span<byte> buffer = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(buffer, (uint)length);
        output.Write(buffer);
    }

    private static int ReadLength(Stream input, int max, string what)
    {
        var value = BinaryPrimitives.ReadUInt32BigEndian(ReadExactly(input, 4));
        return value == 0 || value > (uint)max
            ? throw new EnvelopeException(EnvelopeErrors.TooLarge, $"{what}声明的长度 {value} 字节不在允许范围（1 至 {max} 字节）内。")
            : (int)value;
    }

    private static byte[] ReadExactly(Stream input, int count)
    {
        var buffer = new byte[count];
        try
        {
            input.ReadExactly(buffer);
        }
        catch (EndOfStreamException)
        {
            throw new EnvelopeException(EnvelopeErrors.Truncated, "信封不完整（文件被截断）：请重新上传完整的文件。");
        }

        return buffer;
    }

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

    // HMAC-SM3 of a section's plaintext keyed with the content key: only who can open the envelope can check it, so a
    // short, guessable price sheet cannot be confirmed from the public header before the opening.
    private static string MacHex(byte[] contentKey, byte[] plain)
    {
        var mac = new HMac(new SM3Digest());
        mac.Init(new KeyParameter(contentKey));
        mac.BlockUpdate(plain, 0, plain.Length);
        var result = new byte[mac.GetMacSize()];
        mac.DoFinal(result, 0);
        return Convert.ToHexStringLower(result);
    }
}
