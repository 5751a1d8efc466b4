using System.Buffers.Binary;

namespace Ggzy.Sealing.Envelope;

/// <summary>
/// The container of docs/sealed-envelope.md §1: magic, header length, header, signature length, signature, then the
/// ciphertexts. Reads and writes the prefix (everything before the first ciphertext).
/// </summary>
internal static class EnvelopeLayout
{
    /// <summary>Magic, header length and signature length: the fixed bytes of the prefix.</summary>
    public const int FixedPrefixBytes = 16;

    public static ReadOnlySpan<byte> Magic => "GGZYSENV"u8;

    public static long PrefixLength(byte[] headerBytes, byte[] signature) => FixedPrefixBytes + (long)headerBytes.Length + signature.Length;

    public static void WritePrefix(Stream output, byte[] headerBytes, byte[] signature)
    {
        output.Write(Magic);
        WriteLength(output, headerBytes.Length);
        output.Write(headerBytes);
        WriteLength(output, signature.Length);
        output.Write(signature);
    }

    /// <summary>Reads magic, header and signature, refusing a wrong magic, out-of-range lengths and a short input.</summary>
    public static (byte[] HeaderBytes, byte[] Signature) ReadPrefix(Stream input)
    {
        CheckMagic(ReadExactly(input, Magic.Length));
        var headerLength = ReadLength(input, SealedEnvelope.MaxHeaderBytes, "信封头");
        var headerBytes = ReadExactly(input, headerLength);
        var signatureLength = ReadLength(input, SealedEnvelope.MaxSignatureBytes, "签名");
        var signature = ReadExactly(input, signatureLength);
        return (headerBytes, signature);
    }

    public static byte[] ReadExactly(Stream input, int count)
    {
        var buffer = new byte[count];
        try
        {
            input.ReadExactly(buffer);
        }
        catch (EndOfStreamException)
        {
            throw Truncated();
        }

        return buffer;
    }

    public static void CheckMagic(ReadOnlySpan<byte> magic)
    {
        if (!magic.SequenceEqual(Magic))
        {
            throw new EnvelopeException(EnvelopeErrors.BadMagic, "这不是投标文件密封信封（文件头不是 GGZYSENV）：请上传投标工具生成的 .gse 文件。");
        }
    }

    /// <summary>A length field of the prefix, refused when 0 or above <paramref name="max"/>.</summary>
    public static int CheckLength(uint value, int max, string what) =>
        value == 0 || value > (uint)max
            ? throw new EnvelopeException(EnvelopeErrors.TooLarge, $"{what}声明的长度 {value} 字节不在允许范围（1 至 {max} 字节）内。")
            : (int)value;

    public static EnvelopeException Truncated() =>
        new(EnvelopeErrors.Truncated, "信封不完整（文件被截断）：请重新上传完整的文件。");

    public static EnvelopeException Trailing() =>
        new(EnvelopeErrors.TrailingData, "信封在最后一个分段之后还有多余数据：文件已被改动，请重新生成。");

    private static void WriteLength(Stream output, int length)
    {
        Span<byte> buffer = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(buffer, (uint)length);
        output.Write(buffer);
    }

    private static int ReadLength(Stream input, int max, string what) =>
        CheckLength(BinaryPrimitives.ReadUInt32BigEndian(ReadExactly(input, 4)), max, what);
}
