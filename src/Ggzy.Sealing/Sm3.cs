using Org.BouncyCastle.Crypto.Digests;

namespace Ggzy.Sealing;

/// <summary>SM3 cryptographic hash (GB/T 32905-2016), 32-byte digests.</summary>
public sealed class Sm3
{
    public const int DigestLength = 32;

    private readonly SM3Digest _digest = new();

    public static byte[] Hash(ReadOnlySpan<byte> data)
    {
        var sm3 = new Sm3();
        sm3.Append(data);
        return sm3.Finish();
    }

    public static string HashHex(ReadOnlySpan<byte> data) => Convert.ToHexStringLower(Hash(data));

    public void Append(ReadOnlySpan<byte> data) => _digest.BlockUpdate(data);

    public byte[] Finish()
    {
        var result = new byte[DigestLength];
        _digest.DoFinal(result);
        return result;
    }

    public void Finish(Span<byte> destination) => _digest.DoFinal(destination);
}
