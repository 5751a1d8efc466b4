using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Ggzy.Sealing.Crypto;

namespace Ggzy.Experts.Contracts.Drawing;

/// <summary>
/// The deterministic random stream of a round (docs/expert-draw.md §4): HMAC-SM3 in counter mode keyed with the round's
/// 32-byte seed, block i = HMAC-SM3(seed, "ggzy.expert-draw.prng.v1" ‖ SM3(snapshot) ‖ i as 8 bytes big-endian), read as
/// big-endian 64-bit words. <see cref="Below"/> draws an integer in [0, n) without bias by rejection sampling.
/// </summary>
public sealed class DrawRandom : IDisposable
{
    public const int SeedBytes = 32;

    private static readonly byte[] Label = Encoding.ASCII.GetBytes("ggzy.expert-draw.prng.v1");

    private readonly byte[] _seed;
    private readonly byte[] _message;
    private readonly byte[] _block = new byte[HmacSm3.MacBytes];
    private readonly SmCrypto _crypto;
    private ulong _counter;
    private int _used = HmacSm3.MacBytes;

    public DrawRandom(ReadOnlySpan<byte> seed, ReadOnlySpan<byte> snapshotDigest, SmCrypto? crypto = null)
    {
        if (seed.Length != SeedBytes)
        {
            throw new ArgumentException($"The seed is {SeedBytes} bytes.", nameof(seed));
        }

        if (snapshotDigest.Length != Sm3Hash.DigestBytes)
        {
            throw new ArgumentException("The snapshot digest is an SM3 digest (32 bytes).", nameof(snapshotDigest));
        }

        _crypto = crypto ?? SmCrypto.Default;
        _seed = seed.ToArray();
        _message = new byte[Label.Length + Sm3Hash.DigestBytes + sizeof(ulong)];
        Label.CopyTo(_message, 0);
        snapshotDigest.CopyTo(_message.AsSpan(Label.Length));
    }

    /// <summary>How many HMAC blocks the stream has produced.</summary>
    public ulong Blocks => _counter;

    public ulong NextUInt64()
    {
        if (_used == _block.Length)
        {
            BinaryPrimitives.WriteUInt64BigEndian(_message.AsSpan(_message.Length - sizeof(ulong)), _counter++);
            using var mac = _crypto.CreateHmacSm3(_seed);
            mac.Append(_message);
            mac.Finish(_block);
            _used = 0;
        }

        var value = BinaryPrimitives.ReadUInt64BigEndian(_block.AsSpan(_used));
        _used += sizeof(ulong);
        return value;
    }

    /// <summary>
    /// A uniform integer in [0, <paramref name="n"/>): a word x is accepted when x &lt; 2^64 − (2^64 mod n), and then
    /// x mod n is returned; otherwise the next word is tried. Every call reads at least one word.
    /// </summary>
    public int Below(int n)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        return (int)UniformBelow((ulong)n, NextUInt64);
    }

    internal static ulong UniformBelow(ulong n, Func<ulong> nextWord)
    {
        var lastAccepted = ulong.MaxValue - (((ulong.MaxValue % n) + 1) % n); // 2^64 − 1 − (2^64 mod n)
        while (true)
        {
            var x = nextWord();
            if (x <= lastAccepted)
            {
                return x % n;
            }
        }
    }

    public void Dispose()
    {
        CryptographicOperations.ZeroMemory(_seed);
        CryptographicOperations.ZeroMemory(_block);
    }
}
