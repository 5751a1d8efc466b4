using System.Buffers;
using System.Security.Cryptography;
using Ggzy.Sealing.Crypto;
using Ggzy.Sealing.Pki;

namespace Ggzy.Sealing.Envelope;

/// <summary>
/// Opens sealed envelopes at the bid opening (docs/sealed-envelope.md §9): reads an envelope once, front to back, in
/// bounded memory (two pieces of <see cref="PieceBytes"/>, whatever the section sizes), verifies the bidder's signature
/// before any section, then for each section checks the SM3 of its ciphertext, decrypts it with SM4-CBC, checks and
/// removes the PKCS #7 padding, checks the plaintext's length and HMAC-SM3, and writes the plaintext to the caller's sink.
/// The same verdicts and plaintexts as <see cref="SealedEnvelope.Verify"/> with <see cref="SealedEnvelope.Unseal"/>, with
/// one difference: a content key that is not the envelope's is reported as <see cref="EnvelopeErrors.KeyUnwrap"/>.
/// </summary>
/// <param name="crypto">SM3 and SM4; <see cref="SmCrypto.Default"/> (libcrypto when available) unless a test needs another.</param>
public sealed class EnvelopeOpener(SmCrypto crypto)
{
    /// <summary>How much of a section is read, hashed, decrypted and written at a time.</summary>
    public const int PieceBytes = 256 * 1024;

    private const int BlockBytes = Sm4CbcDecryptor.BlockBytes;

    /// <summary>The opener on <see cref="SmCrypto.Default"/>.</summary>
    public static EnvelopeOpener Default { get; } = new(SmCrypto.Default);

    public SmCrypto Crypto { get; } = crypto ?? throw new ArgumentNullException(nameof(crypto));

    /// <summary>
    /// Opens the envelope that <paramref name="input"/> holds (<paramref name="length"/> bytes from its current position)
    /// with the 16-byte <paramref name="contentKey"/>; each section's plaintext goes to the stream <paramref name="sinks"/>
    /// returns for it (none: verify only).
    /// </summary>
    /// <remarks>
    /// A sink receives plaintext as it is decrypted, before the section's digests can be compared: when this throws,
    /// discard whatever the sinks got. Refusals are <see cref="EnvelopeException"/>s with the codes of docs/sealed-envelope.md §6:
    /// structure and length first, then certificate, key-wrap algorithm, credit code and signature (before any section is
    /// read), then per section <see cref="EnvelopeErrors.CipherDigest"/> when the ciphertext is not the signed one;
    /// <see cref="EnvelopeErrors.KeyUnwrap"/> when the first section's ciphertext is intact but its padding, length or
    /// HMAC-SM3 do not come out (the key is not this envelope's); <see cref="EnvelopeErrors.PlainDigest"/> for the same
    /// on a later section, once the key has proved right on the first.
    /// </remarks>
    public OpenedEnvelope Open(Stream input, long length, ReadOnlySpan<byte> contentKey, SectionSink? sinks = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var (headerBytes, signature) = EnvelopeLayout.ReadPrefix(input);
        var header = SealedEnvelope.ParseHeader(headerBytes);
        var declared = EnvelopeLayout.PrefixLength(headerBytes, signature) + header.Sections.Sum(s => s.CipherLength);
        if (length != declared)
        {
            throw length < declared ? EnvelopeLayout.Truncated() : EnvelopeLayout.Trailing();
        }

        if (contentKey.Length != KeyWrapping.ContentKeyBytes)
        {
            throw new EnvelopeException(EnvelopeErrors.KeyUnwrap,
                $"内容密钥须为 {KeyWrapping.ContentKeyBytes} 字节（128 位 SM4 密钥），收到 {contentKey.Length} 字节：请提交投标工具解出的内容密钥。");
        }

        var certificate = EnvelopeChecks.ParseCertificate(header);
        var verification = EnvelopeChecks.Verify(header, headerBytes, signature, certificate, i => header.Sections[i].CipherSm3);
        if (!verification.IsValid)
        {
            throw new EnvelopeException(verification.Code!, verification.Reason!);
        }

        var cipher = ArrayPool<byte>.Shared.Rent(PieceBytes);
        var plain = ArrayPool<byte>.Shared.Rent(PieceBytes);
        try
        {
            for (var i = 0; i < header.Sections.Count; i++)
            {
                var sink = sinks?.Invoke(i, header.Sections[i]);
                try
                {
                    OpenSection(input, i, header.Sections[i], contentKey, sink, cipher, plain, ct);
                }
                finally
                {
                    sink?.Dispose();
                }
            }

            if (input.ReadByte() >= 0)
            {
                throw EnvelopeLayout.Trailing();
            }
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plain.AsSpan(0, PieceBytes));
            ArrayPool<byte>.Shared.Return(cipher);
            ArrayPool<byte>.Shared.Return(plain);
        }

        return new OpenedEnvelope(header, SealedEnvelope.DigestOf(headerBytes, signature), certificate!, length);
    }

    /// <summary>Opens the envelope file at <paramref name="path"/> as <see cref="Open"/> does.</summary>
    public OpenedEnvelope OpenFile(string path, ReadOnlySpan<byte> contentKey, SectionSink? sinks = null, CancellationToken ct = default)
    {
        // No FileStream buffer: the sections are read in whole pieces, straight into the opener's buffer.
        using var input = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0, FileOptions.SequentialScan);
        return Open(input, input.Length, contentKey, sinks, ct);
    }

    /// <summary>
    /// Opens every envelope of <paramref name="envelopes"/>, <paramref name="maxDegreeOfParallelism"/> at a time (0: one
    /// per core), and returns one result per envelope in the same order. A failing envelope does not stop the others;
    /// only cancellation does.
    /// </summary>
    public async Task<IReadOnlyList<EnvelopeOpenResult>> OpenManyAsync(
        IReadOnlyList<EnvelopeToOpen> envelopes, int maxDegreeOfParallelism = 0, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(envelopes);
        var results = new EnvelopeOpenResult[envelopes.Count];
        var options = new ParallelOptions
        {
            MaxDegreeOfParallelism = maxDegreeOfParallelism > 0 ? maxDegreeOfParallelism : Environment.ProcessorCount,
            CancellationToken = ct,
        };
        await Parallel.ForEachAsync(Enumerable.Range(0, envelopes.Count), options, (i, token) =>
        {
            var envelope = envelopes[i];
            try
            {
                results[i] = new EnvelopeOpenResult(envelope, OpenFile(envelope.Path, envelope.ContentKey, envelope.Sinks, token), null);
            }
            catch (Exception e) when (e is EnvelopeException or IOException or UnauthorizedAccessException or CryptographicException)
            {
                results[i] = new EnvelopeOpenResult(envelope, null, e);
            }

            return ValueTask.CompletedTask;
        }).ConfigureAwait(false);
        return results;
    }

    /// <summary>Reads only the prefix of the envelope <paramref name="input"/> starts with and returns its checked header.</summary>
    public static EnvelopeHeader ReadHeader(Stream input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return SealedEnvelope.ParseHeader(EnvelopeLayout.ReadPrefix(input).HeaderBytes);
    }

    /// <summary>Recovers the content key of the envelope with <paramref name="header"/> with the bidder's private key (the bidder's tool does this).</summary>
    public static byte[] UnwrapKey(EnvelopeHeader header, PrivateKey privateKey)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(privateKey);
        return KeyWrapping.Unwrap(header.KeyWrap, privateKey);
    }

    private void OpenSection(
        Stream input, int index, SectionEntry entry, ReadOnlySpan<byte> contentKey, Stream? sink, byte[] cipher, byte[] plain, CancellationToken ct)
    {
        Span<byte> iv = stackalloc byte[BlockBytes];
        Convert.FromHexString(entry.Iv, iv, out _, out var ivBytes);
        if (ivBytes != BlockBytes)
        {
            throw new EnvelopeException(EnvelopeErrors.Unencrypted, $"分段“{entry.Name}”的 IV 不是 32 位十六进制数：投标文件须按 SM4-CBC 加密后递交。");
        }

        using var sm3 = Crypto.CreateSm3();
        using var sm4 = Crypto.CreateSm4CbcDecryptor(contentKey, iv);
        using var mac = Crypto.CreateHmacSm3(contentKey);
        long plainLength = 0;
        var padded = true;
        for (var left = entry.CipherLength; left > 0;)
        {
            ct.ThrowIfCancellationRequested();
            var count = (int)Math.Min(left, PieceBytes);
            try
            {
                input.ReadExactly(cipher, 0, count);
            }
            catch (EndOfStreamException)
            {
                throw EnvelopeLayout.Truncated();
            }

            left -= count;
            sm3.Append(cipher.AsSpan(0, count));
            sm4.Decrypt(cipher.AsSpan(0, count), plain);
            var data = count;
            if (left == 0)
            {
                // The last block ends with the PKCS #7 padding: n bytes of value n, 1 ≤ n ≤ 16.
                var padding = PaddingLength(plain.AsSpan(count - BlockBytes, BlockBytes));
                padded = padding > 0;
                data = count - (padded ? padding : BlockBytes);
            }

            mac.Append(plain.AsSpan(0, data));
            sink?.Write(plain, 0, data);
            plainLength += data;
        }

        Span<byte> digest = stackalloc byte[Sm3Hash.DigestBytes];
        sm3.Finish(digest);
        if (!string.Equals(Convert.ToHexStringLower(digest), entry.CipherSm3, StringComparison.Ordinal))
        {
            throw new EnvelopeException(EnvelopeErrors.CipherDigest, $"分段“{entry.Name}”的密文 SM3 摘要与信封头不符：文件在传输或存储中被改动。");
        }

        Span<byte> plainMac = stackalloc byte[HmacSm3.MacBytes];
        mac.Finish(plainMac);
        if (!padded | plainLength != entry.PlainLength | !CryptographicOperations.FixedTimeEquals(plainMac, Convert.FromHexString(entry.PlainMac)))
        {
            throw index == 0
                ? new EnvelopeException(EnvelopeErrors.KeyUnwrap,
                    $"内容密钥不是本信封的：密文完好（与签名的信封头一致），但用它解密的第一个分段“{entry.Name}”对不上信封头的 HMAC-SM3 摘要。请用密封时的数字证书重新解出内容密钥后提交。")
                : new EnvelopeException(EnvelopeErrors.PlainDigest,
                    $"分段“{entry.Name}”解密后的长度或 HMAC-SM3 摘要与信封头不符：密文与投标人签名的信封头一致、内容密钥已由第一个分段证实，是密封时生成的信封本身有误。");
        }

        sink?.Flush();
    }

    /// <summary>The PKCS #7 padding length of the last block, or 0 when the block does not end with valid padding.</summary>
    private static int PaddingLength(ReadOnlySpan<byte> lastBlock)
    {
        int n = lastBlock[^1];
        if (n is < 1 or > BlockBytes)
        {
            return 0;
        }

        foreach (var b in lastBlock[^n..])
        {
            if (b != n)
            {
                return 0;
            }
        }

        return n;
    }
}
