using System.Security.Cryptography;

namespace Ggzy.Sealing.Crypto;

/// <summary>HMAC-SM3 (RFC 2104 with SM3, 64-byte blocks) on top of any <see cref="SmCrypto"/>.</summary>
public sealed class HmacSm3 : IDisposable
{
    private const byte InnerPad = 0x36;
    private const byte OuterPad = 0x5c;

    private readonly SmCrypto _crypto;
    private readonly Sm3Hash _inner;
    private readonly byte[] _outerKey = new byte[Sm3Hash.BlockBytes];

    internal HmacSm3(SmCrypto crypto, ReadOnlySpan<byte> key)
    {
        _crypto = crypto;
        Span<byte> block = stackalloc byte[Sm3Hash.BlockBytes];
        block.Clear();
        if (key.Length > Sm3Hash.BlockBytes)
        {
            using var sm3 = crypto.CreateSm3();
            sm3.Append(key);
            sm3.Finish(block);
        }
        else
        {
            key.CopyTo(block);
        }

        for (var i = 0; i < block.Length; i++)
        {
            _outerKey[i] = (byte)(block[i] ^ OuterPad);
            block[i] ^= InnerPad;
        }

        _inner = crypto.CreateSm3();
        _inner.Append(block);
        CryptographicOperations.ZeroMemory(block);
    }

    public const int MacBytes = Sm3Hash.DigestBytes;

    public void Append(ReadOnlySpan<byte> data) => _inner.Append(data);

    /// <summary>Writes the 32-byte MAC to <paramref name="mac"/>; the computation cannot be continued afterwards.</summary>
    public void Finish(Span<byte> mac)
    {
        Span<byte> innerDigest = stackalloc byte[Sm3Hash.DigestBytes];
        _inner.Finish(innerDigest);
        using var outer = _crypto.CreateSm3();
        outer.Append(_outerKey);
        outer.Append(innerDigest);
        outer.Finish(mac);
    }

    public byte[] Finish()
    {
        var mac = new byte[MacBytes];
        Finish(mac);
        return mac;
    }

    public void Dispose()
    {
        CryptographicOperations.ZeroMemory(_outerKey);
        _inner.Dispose();
    }
}
