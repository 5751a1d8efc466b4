using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Ggzy.Experts.Features.Draws;

/// <summary>
/// SM3 (GB/T 32905-2016) of exactly one 48-byte message — a 32-byte pseudonym key followed by an expert id's 16 bytes —
/// which pads to a single 64-byte block: one compression, on the stack, nothing allocated. The key fills message words
/// 0–7, which are all the first four rounds read (W<sub>j</sub> and W<sub>j</sub> ⊕ W<sub>j+4</sub> for j &lt; 4), so the
/// state after those rounds is computed once per key and each pseudonym runs the other 60. The result is byte for byte
/// the general SM3's (<c>PseudonymSm3Tests</c> compares them); only the first 16 bytes of the digest are returned. Many
/// ids are hashed eight at a time, one in each lane of a 256-bit vector, where the processor has such vectors.
/// </summary>
internal sealed class PseudonymSm3
{
    public const int KeyLength = 32;

    private static readonly uint[] Iv = [0x7380166f, 0x4914b2b9, 0x172442d7, 0xda8a0600, 0xa96f30bc, 0x163138aa, 0xe38dee4d, 0xb0fb0e4e];

    // T_j rotated left by j mod 32, per round.
    private static readonly uint[] RoundConstants = MakeRoundConstants();

    private readonly uint _k0, _k1, _k2, _k3, _k4, _k5, _k6, _k7;
    private readonly uint _a, _b, _c, _d, _e, _f, _g, _h;

    public PseudonymSm3(ReadOnlySpan<byte> key)
    {
        if (key.Length != KeyLength)
        {
            throw new ArgumentException($"A pseudonym key has {KeyLength} bytes.", nameof(key));
        }

        _k0 = BinaryPrimitives.ReadUInt32BigEndian(key);
        _k1 = BinaryPrimitives.ReadUInt32BigEndian(key[4..]);
        _k2 = BinaryPrimitives.ReadUInt32BigEndian(key[8..]);
        _k3 = BinaryPrimitives.ReadUInt32BigEndian(key[12..]);
        _k4 = BinaryPrimitives.ReadUInt32BigEndian(key[16..]);
        _k5 = BinaryPrimitives.ReadUInt32BigEndian(key[20..]);
        _k6 = BinaryPrimitives.ReadUInt32BigEndian(key[24..]);
        _k7 = BinaryPrimitives.ReadUInt32BigEndian(key[28..]);

        uint a = Iv[0], b = Iv[1], c = Iv[2], d = Iv[3], e = Iv[4], f = Iv[5], g = Iv[6], h = Iv[7];
        Span<uint> w = [_k0, _k1, _k2, _k3, _k4, _k5, _k6, _k7];
        for (var j = 0; j < 4; j++)
        {
            Round(j, w[j], w[j] ^ w[j + 4], ref a, ref b, ref c, ref d, ref e, ref f, ref g, ref h);
        }

        (_a, _b, _c, _d, _e, _f, _g, _h) = (a, b, c, d, e, f, g, h);
    }

    /// <summary>The first 16 bytes of SM3(key ‖ id), as a big-endian number.</summary>
    public UInt128 First16(ReadOnlySpan<byte> id)
    {
        Span<uint> w = stackalloc uint[68];
        w[0] = _k0;
        w[1] = _k1;
        w[2] = _k2;
        w[3] = _k3;
        w[4] = _k4;
        w[5] = _k5;
        w[6] = _k6;
        w[7] = _k7;
        w[8] = BinaryPrimitives.ReadUInt32BigEndian(id);
        w[9] = BinaryPrimitives.ReadUInt32BigEndian(id[4..]);
        w[10] = BinaryPrimitives.ReadUInt32BigEndian(id[8..]);
        w[11] = BinaryPrimitives.ReadUInt32BigEndian(id[12..]);
        w[12] = 0x80000000; // the padding's 1 bit after 48 bytes
        w[13] = 0;
        w[14] = 0;
        w[15] = 48 * 8; // the message's length in bits
        for (var j = 16; j < 68; j++)
        {
            w[j] = P1(w[j - 16] ^ w[j - 9] ^ BitOperations.RotateLeft(w[j - 3], 15)) ^ BitOperations.RotateLeft(w[j - 13], 7) ^ w[j - 6];
        }

        uint a = _a, b = _b, c = _c, d = _d, e = _e, f = _f, g = _g, h = _h;
        for (var j = 4; j < 64; j++)
        {
            Round(j, w[j], w[j] ^ w[j + 4], ref a, ref b, ref c, ref d, ref e, ref f, ref g, ref h);
        }

        return new UInt128(((ulong)(a ^ Iv[0]) << 32) | (b ^ Iv[1]), ((ulong)(c ^ Iv[2]) << 32) | (d ^ Iv[3]));
    }

    /// <summary>The first 16 bytes of SM3(key ‖ id) for each of <paramref name="ids"/>, into the same places of <paramref name="into"/>.</summary>
    public void First16(ReadOnlySpan<Guid> ids, Span<UInt128> into)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(into.Length, ids.Length, nameof(into));
        var i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            for (; i + Lanes <= ids.Length; i += Lanes)
            {
                Eight(ids.Slice(i, Lanes), into.Slice(i, Lanes));
            }
        }

        Span<byte> id = stackalloc byte[16];
        for (; i < ids.Length; i++)
        {
            ids[i].TryWriteBytes(id, bigEndian: true, out _);
            into[i] = First16(id);
        }
    }

    private const int Lanes = 8;

    // The compression of First16(id), for eight ids at once: lane n of every vector is the n-th id's word.
    private void Eight(ReadOnlySpan<Guid> ids, Span<UInt128> into)
    {
        Span<uint> words = stackalloc uint[4 * Lanes];
        Span<byte> id = stackalloc byte[16];
        for (var lane = 0; lane < Lanes; lane++)
        {
            ids[lane].TryWriteBytes(id, bigEndian: true, out _);
            for (var k = 0; k < 4; k++)
            {
                words[(k * Lanes) + lane] = BinaryPrimitives.ReadUInt32BigEndian(id[(4 * k)..]);
            }
        }

        Span<Vector256<uint>> w = stackalloc Vector256<uint>[68];
        w[0] = Vector256.Create(_k0);
        w[1] = Vector256.Create(_k1);
        w[2] = Vector256.Create(_k2);
        w[3] = Vector256.Create(_k3);
        w[4] = Vector256.Create(_k4);
        w[5] = Vector256.Create(_k5);
        w[6] = Vector256.Create(_k6);
        w[7] = Vector256.Create(_k7);
        for (var k = 0; k < 4; k++)
        {
            w[8 + k] = Vector256.Create<uint>(words.Slice(k * Lanes, Lanes));
        }

        w[12] = Vector256.Create(0x80000000u);
        w[13] = Vector256<uint>.Zero;
        w[14] = Vector256<uint>.Zero;
        w[15] = Vector256.Create(48u * 8);
        for (var j = 16; j < 68; j++)
        {
            w[j] = P1(w[j - 16] ^ w[j - 9] ^ Rotate(w[j - 3], 15)) ^ Rotate(w[j - 13], 7) ^ w[j - 6];
        }

        Vector256<uint> a = Vector256.Create(_a), b = Vector256.Create(_b), c = Vector256.Create(_c), d = Vector256.Create(_d);
        Vector256<uint> e = Vector256.Create(_e), f = Vector256.Create(_f), g = Vector256.Create(_g), h = Vector256.Create(_h);
        for (var j = 4; j < 64; j++)
        {
            var a12 = Rotate(a, 12);
            var ss1 = Rotate(a12 + e + Vector256.Create(RoundConstants[j]), 7);
            var ss2 = ss1 ^ a12;
            var ff = j < 16 ? a ^ b ^ c : (a & b) | (c & (a | b));
            var gg = j < 16 ? e ^ f ^ g : Vector256.ConditionalSelect(e, f, g);
            var tt1 = ff + d + ss2 + (w[j] ^ w[j + 4]);
            var tt2 = gg + h + ss1 + w[j];
            d = c;
            c = Rotate(b, 9);
            b = a;
            a = tt1;
            h = g;
            g = Rotate(f, 19);
            f = e;
            e = P0(tt2);
        }

        a ^= Vector256.Create(Iv[0]);
        b ^= Vector256.Create(Iv[1]);
        c ^= Vector256.Create(Iv[2]);
        d ^= Vector256.Create(Iv[3]);
        for (var lane = 0; lane < Lanes; lane++)
        {
            into[lane] = new UInt128(((ulong)a.GetElement(lane) << 32) | b.GetElement(lane), ((ulong)c.GetElement(lane) << 32) | d.GetElement(lane));
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<uint> Rotate(Vector256<uint> x, int n) => Vector256.ShiftLeft(x, n) | Vector256.ShiftRightLogical(x, 32 - n);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<uint> P0(Vector256<uint> x) => x ^ Rotate(x, 9) ^ Rotate(x, 17);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<uint> P1(Vector256<uint> x) => x ^ Rotate(x, 15) ^ Rotate(x, 23);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Round(int j, uint wj, uint wj2, ref uint a, ref uint b, ref uint c, ref uint d, ref uint e, ref uint f, ref uint g, ref uint h)
    {
        var a12 = BitOperations.RotateLeft(a, 12);
        var ss1 = BitOperations.RotateLeft(a12 + e + RoundConstants[j], 7);
        var ss2 = ss1 ^ a12;
        var ff = j < 16 ? a ^ b ^ c : (a & b) | (a & c) | (b & c);
        var gg = j < 16 ? e ^ f ^ g : (e & f) | (~e & g);
        var tt1 = ff + d + ss2 + wj2;
        var tt2 = gg + h + ss1 + wj;
        d = c;
        c = BitOperations.RotateLeft(b, 9);
        b = a;
        a = tt1;
        h = g;
        g = BitOperations.RotateLeft(f, 19);
        f = e;
        e = P0(tt2);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint P0(uint x) => x ^ BitOperations.RotateLeft(x, 9) ^ BitOperations.RotateLeft(x, 17);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint P1(uint x) => x ^ BitOperations.RotateLeft(x, 15) ^ BitOperations.RotateLeft(x, 23);

    private static uint[] MakeRoundConstants()
    {
        var t = new uint[64];
        for (var j = 0; j < 64; j++)
        {
            t[j] = BitOperations.RotateLeft(j < 16 ? 0x79cc4519u : 0x7a879d8au, j % 32);
        }

        return t;
    }
}
