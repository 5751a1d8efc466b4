using System.Buffers;
using System.Text.Json;
using Ggzy.Sealing.Pki;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Digests;
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
    public const string WrapEcies = "ECIES-X963SHA256-XOR-HMACSHA256";
    public const string PriceSheet = "price-sheet";
    public const int MaxHeaderBytes = 1 << 20;
    public const int MaxSignatureBytes = 4096;
    public const int MinSections = 2;
    public const int MaxSections = 64;
    public const long MaxSectionBytes = 1L << 30;
    public const long MaxTotalBytes = 2L << 30;

    private const int InspectBufferBytes = 1 << 20;
    private static readonly SecureRandom Random = new();

    private readonly byte[][] _ciphertexts;

    private SealedEnvelope(EnvelopeHeader header, byte[] headerBytes, byte[] signature, byte[][] ciphertexts)
    {
        Header = header;
        HeaderBytes = headerBytes;
        Signature = signature;
        _ciphertexts = ciphertexts;
        Digest = DigestOf(headerBytes, signature);
        Certificate = EnvelopeChecks.ParseCertificate(header);
    }

    public EnvelopeHeader Header { get; }

    /// <summary>The header exactly as signed (UTF-8 JSON).</summary>
    public byte[] HeaderBytes { get; }

    public byte[] Signature { get; }

    /// <summary>The envelope digest: SM3(header bytes ‖ signature), lower-case hex (docs/bid-submission.md).</summary>
    public string Digest { get; }

    /// <summary>The signer's certificate embedded in the header, or null when it cannot be read.</summary>
    public Certificate? Certificate { get; }

    public ReadOnlyMemory<byte> Ciphertext(int section) => _ciphertexts[section];

    /// <summary>Seals <paramref name="sections"/> for <paramref name="lotCode"/> and writes the envelope to <paramref name="output"/>.</summary>
    /// <remarks>Holds every section's ciphertext in memory until the header is signed; for large bids use the overload with a temporary directory.</remarks>
    public static void Seal(
        string lotCode, string bidderCreditCode, ToolFingerprint tool, IReadOnlyList<SectionInput> sections,
        Certificate certificate, PrivateKey privateKey, Stream output) =>
        Seal(lotCode, bidderCreditCode, tool, sections, certificate, privateKey, output, () => new MemoryStream());

    /// <summary>
    /// Seals like <see cref="Seal(string, string, ToolFingerprint, IReadOnlyList{SectionInput}, Certificate, PrivateKey, Stream)"/>
    /// in bounded memory: each section is read once and encrypted into a file in <paramref name="temporaryDirectory"/>
    /// (deleted when sealing ends) so its digests are known before the header is signed, then copied to <paramref name="output"/>.
    /// </summary>
    public static void Seal(
        string lotCode, string bidderCreditCode, ToolFingerprint tool, IReadOnlyList<SectionInput> sections,
        Certificate certificate, PrivateKey privateKey, Stream output, string temporaryDirectory)
    {
        ArgumentException.ThrowIfNullOrEmpty(temporaryDirectory);
        Seal(lotCode, bidderCreditCode, tool, sections, certificate, privateKey, output, () => new FileStream(
            Path.Combine(temporaryDirectory, Path.GetRandomFileName()), FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None,
            bufferSize: 1 << 16, FileOptions.DeleteOnClose));
    }

    private static void Seal(
        string lotCode, string bidderCreditCode, ToolFingerprint tool, IReadOnlyList<SectionInput> sections,
        Certificate certificate, PrivateKey privateKey, Stream output, Func<Stream> newCipherBuffer)
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

        var contentKey = new byte[KeyWrapping.ContentKeyBytes];
        Random.NextBytes(contentKey);
        var entries = new List<SectionEntry>();
        var ciphertexts = new List<Stream>();
        try
        {
            foreach (var section in sections)
            {
                var iv = new byte[16];
                Random.NextBytes(iv);
                var ciphertext = newCipherBuffer();
                ciphertexts.Add(ciphertext);
                entries.Add(SectionSealer.Encrypt(section, contentKey, iv, ciphertext));
                if (entries.Sum(e => e.CipherLength) > MaxTotalBytes)
                {
                    throw new EnvelopeException(EnvelopeErrors.TooLarge, $"投标文件总大小超过信封上限（{MaxTotalBytes / (1 << 20)} MB）：请压缩后重新密封。");
                }
            }

            var header = new EnvelopeHeader(FormatV1, lotCode, bidderCreditCode, tool, Convert.ToBase64String(certificate.Der),
                CipherSm4Cbc, KeyWrapping.Wrap(certificate, contentKey, Random), entries);
            var headerBytes = JsonSerializer.SerializeToUtf8Bytes(header);
            EnvelopeLayout.WritePrefix(output, headerBytes, privateKey.Sign(headerBytes));
            foreach (var ciphertext in ciphertexts)
            {
                ciphertext.Position = 0;
                ciphertext.CopyTo(output, 1 << 20);
            }

            output.Flush();
        }
        finally
        {
            foreach (var ciphertext in ciphertexts)
            {
                ciphertext.Dispose();
            }

            System.Security.Cryptography.CryptographicOperations.ZeroMemory(contentKey);
        }
    }

    /// <summary>Reads an envelope into memory, refusing malformed structure; call <see cref="Verify"/> for digests and signature.</summary>
    public static SealedEnvelope Read(Stream input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var (headerBytes, signature) = EnvelopeLayout.ReadPrefix(input);
        var header = ParseHeader(headerBytes);
        if (input.CanSeek && input.Length - input.Position < header.Sections.Sum(s => s.CipherLength))
        {
            throw EnvelopeLayout.Truncated();
        }

        var ciphertexts = new byte[header.Sections.Count][];
        for (var i = 0; i < ciphertexts.Length; i++)
        {
            ciphertexts[i] = EnvelopeLayout.ReadExactly(input, (int)header.Sections[i].CipherLength);
        }

        if (input.ReadByte() >= 0)
        {
            throw EnvelopeLayout.Trailing();
        }

        return new SealedEnvelope(header, headerBytes, signature, ciphertexts);
    }

    /// <summary>
    /// Reads only the prefix of the envelope that <paramref name="input"/> starts with (magic, lengths, header, signature)
    /// and parses the header, refusing malformed structure; the sections are neither read nor checked. Enough to unwrap
    /// the content key (<see cref="UnwrapKey(EnvelopeHeader, PrivateKey)"/>) of an envelope of any size in bounded memory.
    /// </summary>
    public static EnvelopeHeader ReadHeader(Stream input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var (headerBytes, _) = EnvelopeLayout.ReadPrefix(input);
        return ParseHeader(headerBytes);
    }

    /// <summary>Recovers the 128-bit SM4 content key of the envelope whose header this is, with the bidder's private key.</summary>
    public static byte[] UnwrapKey(EnvelopeHeader header, PrivateKey privateKey)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(privateKey);
        return KeyWrapping.Unwrap(header.KeyWrap, privateKey);
    }

    /// <summary>
    /// Reads an envelope once, front to back, without holding its sections: the prefix is parsed and checked as by
    /// <see cref="Read"/>, each ciphertext goes through SM3 in 1 MiB pieces. With <paramref name="expectedLength"/> (the
    /// size of the upload), an envelope whose header declares another length is refused before any section is read.
    /// </summary>
    public static EnvelopeInspection Inspect(Stream input, long? expectedLength = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        var inspector = new EnvelopeInspector(expectedLength ?? (input.CanSeek ? input.Length - input.Position : null));
        var buffer = ArrayPool<byte>.Shared.Rent(InspectBufferBytes);
        try
        {
            int read;
            while ((read = input.Read(buffer, 0, InspectBufferBytes)) > 0)
            {
                inspector.Append(buffer.AsSpan(0, read));
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        return inspector.Finish();
    }

    /// <summary>The envelope digest: SM3(header bytes ‖ signature), lower-case hex (docs/bid-submission.md).</summary>
    public static string DigestOf(ReadOnlySpan<byte> headerBytes, ReadOnlySpan<byte> signature)
    {
        var sm3 = new Sm3();
        sm3.Append(headerBytes);
        sm3.Append(signature);
        return Convert.ToHexStringLower(sm3.Finish());
    }

    /// <summary>
    /// The envelope digest of the envelope that <paramref name="input"/> starts with, reading only its prefix (magic,
    /// lengths, header, signature); the header is not parsed and the sections are neither read nor checked.
    /// </summary>
    public static string DigestOf(Stream input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var (headerBytes, signature) = EnvelopeLayout.ReadPrefix(input);
        return DigestOf(headerBytes, signature);
    }

    /// <summary>The envelope digest of the envelope file at <paramref name="path"/>, reading only its prefix.</summary>
    public static string DigestOfFile(string path)
    {
        using var input = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 64 * 1024);
        return DigestOf(input);
    }

    /// <summary>Checks the certificate, the bidder's signature over the header and the ciphertext digests.</summary>
    public EnvelopeVerification Verify() =>
        EnvelopeChecks.Verify(Header, HeaderBytes, Signature, Certificate, i => Sm3.HashHex(_ciphertexts[i]));

    /// <summary>Recovers the 128-bit SM4 content key with the bidder's private key (at the bid opening).</summary>
    public byte[] UnwrapKey(PrivateKey privateKey) => UnwrapKey(Header, privateKey);

    /// <summary>Decrypts every section with the content key and checks each plaintext's length and HMAC-SM3.</summary>
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
                plain = Sm4Decrypt(contentKey, Convert.FromHexString(entry.Iv), _ciphertexts[i]);
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

    internal static EnvelopeHeader ParseHeader(byte[] headerBytes)
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

    internal static void CheckSectionNames(List<(string Name, string FileName)> sections)
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

    private static byte[] Sm4Decrypt(byte[] key, byte[] iv, byte[] data)
    {
        var cipher = CipherUtilities.GetCipher("SM4/CBC/PKCS7Padding");
        cipher.Init(false, new ParametersWithIV(new KeyParameter(key), iv));
        return cipher.DoFinal(data);
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
