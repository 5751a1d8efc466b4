using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Ggzy.Experts.Drawing;
using Ggzy.Sealing;
using Microsoft.AspNetCore.DataProtection;

namespace Ggzy.Experts.Features.Draws;

/// <summary>
/// The draw's secrets, each under a Data Protection purpose of its own (the platform's key ring): the rounds' seeds until
/// the reveal, each draw's pseudonym key, and which expert each exclusion concerns. One-time codes are kept as digests.
/// </summary>
internal sealed class DrawSecrets(IDataProtectionProvider provider)
{
    private readonly IDataProtector _seeds = provider.CreateProtector("Ggzy.Experts.Draw.Seed.v1");
    private readonly IDataProtector _keys = provider.CreateProtector("Ggzy.Experts.Draw.PseudonymKey.v1");
    private readonly IDataProtector _excluded = provider.CreateProtector("Ggzy.Experts.Draw.Excluded.v1");

    /// <summary>32 bytes from the operating system's CSPRNG.</summary>
    public static byte[] NewSeed() => RandomNumberGenerator.GetBytes(Contracts.Drawing.DrawRandom.SeedBytes);

    public string ProtectSeed(byte[] seed) => Convert.ToBase64String(_seeds.Protect(seed));

    public byte[] UnprotectSeed(string protectedSeed) => _seeds.Unprotect(Convert.FromBase64String(protectedSeed));

    public string NewPseudonymKey() => Convert.ToBase64String(_keys.Protect(RandomNumberGenerator.GetBytes(32)));

    public byte[] PseudonymKey(string protectedKey) => _keys.Unprotect(Convert.FromBase64String(protectedKey));

    /// <summary>
    /// Which expert each exclusion concerns, packed and then protected: byte 2 (the form), the number of reason codes, each
    /// code as its length and ASCII bytes, then per exclusion the expert id's 16 bytes (big-endian, RFC 4122 order) and
    /// its code's index — 17 bytes an exclusion instead of a line of text.
    /// </summary>
    public byte[] ProtectExcluded(IReadOnlyList<RecusalExclusion> excluded)
    {
        var codes = new List<string>();
        var indexOf = new Dictionary<string, byte>(StringComparer.Ordinal);
        foreach (var code in excluded.Select(x => x.Code))
        {
            if (!indexOf.ContainsKey(code))
            {
                if (codes.Count == byte.MaxValue || code.Length is 0 or > byte.MaxValue || !Ascii.IsValid(code))
                {
                    throw new ArgumentException($"Exclusion code \"{code}\" cannot be packed.", nameof(excluded));
                }

                indexOf[code] = (byte)codes.Count;
                codes.Add(code);
            }
        }

        var packed = new byte[2 + codes.Sum(c => 1 + c.Length) + (excluded.Count * 17)];
        packed[0] = ExcludedPackedV2;
        packed[1] = (byte)codes.Count;
        var at = 2;
        foreach (var code in codes)
        {
            packed[at++] = (byte)code.Length;
            at += Encoding.ASCII.GetBytes(code, packed.AsSpan(at));
        }

        foreach (var (expertId, code, _, _) in excluded)
        {
            expertId.TryWriteBytes(packed.AsSpan(at), bigEndian: true, out _);
            packed[at + 16] = indexOf[code];
            at += 17;
        }

        return _excluded.Protect(packed);
    }

    /// <summary>Which expert each exclusion of a round concerns, from either stored form (packed, or the earlier text).</summary>
    public IReadOnlyList<(Guid ExpertId, string Code)> UnprotectExcluded(Domain.Draws.DrawRound round)
    {
        if (round.ExcludedPacked is null)
        {
            return round.ExcludedProtected is { Length: > 0 } text
                ? [.. _excluded.Unprotect(text).Split('\n').Select(line => line.Split(' ')).Select(p => (Guid.Parse(p[0]), p[1]))]
                : [];
        }

        var packed = _excluded.Unprotect(round.ExcludedPacked);
        if (packed.Length < 2 || packed[0] != ExcludedPackedV2)
        {
            throw new CryptographicException("The round's excluded experts are not in a known form.");
        }

        var codes = new string[packed[1]];
        var at = 2;
        for (var i = 0; i < codes.Length; i++)
        {
            codes[i] = Encoding.ASCII.GetString(packed, at + 1, packed[at]);
            at += 1 + packed[at];
        }

        var excluded = new List<(Guid, string)>((packed.Length - at) / 17);
        for (; at + 17 <= packed.Length; at += 17)
        {
            excluded.Add((new Guid(packed.AsSpan(at, 16), bigEndian: true), codes[packed[at + 16]]));
        }

        return excluded;
    }

    private const byte ExcludedPackedV2 = 2;

    /// <summary>
    /// The expert's pseudonym in a draw: the first 16 bytes, in hex, of SM3(key ‖ the expert's id in its 16-byte form).
    /// Stable within the draw (a replacement round's snapshot can be checked against earlier rounds), unlinkable across
    /// draws without the key.
    /// </summary>
    public static string Pseudonym(byte[] key, Guid expertId) => new Pseudonyms(key).Of(expertId);

    /// <summary>
    /// Pseudonyms of many experts under one key (a round hashes every candidate): with a key of the usual 32 bytes, key
    /// and id make one SM3 block and go through <see cref="PseudonymSm3"/> (the key's rounds done once, no allocation);
    /// a key of another length through the general SM3. Both give the same bytes.
    /// </summary>
    public sealed class Pseudonyms(byte[] key)
    {
        private readonly PseudonymSm3? _oneBlock = key.Length == PseudonymSm3.KeyLength ? new PseudonymSm3(key) : null;
        private Sm3? _sm3;

        public string Of(Guid expertId) => Contracts.Drawing.CandidateSnapshot.Hex(Bits(expertId));

        /// <summary>The pseudonyms' bits (as <see cref="Bits(Guid)"/>) of each of <paramref name="ids"/>, into the same places of <paramref name="into"/>.</summary>
        public void Bits(ReadOnlySpan<Guid> ids, Span<UInt128> into)
        {
            if (_oneBlock is not null)
            {
                _oneBlock.First16(ids, into);
                return;
            }

            for (var i = 0; i < ids.Length; i++)
            {
                into[i] = Bits(ids[i]);
            }
        }

        /// <summary>The pseudonym's 16 bytes as a big-endian number: its hex text, without making the text.</summary>
        public UInt128 Bits(Guid expertId)
        {
            Span<byte> id = stackalloc byte[16];
            expertId.TryWriteBytes(id, bigEndian: true, out _);
            if (_oneBlock is not null)
            {
                return _oneBlock.First16(id);
            }

            Span<byte> digest = stackalloc byte[Sm3.DigestLength];
            _sm3 ??= new Sm3();
            _sm3.Append(key);
            _sm3.Append(id);
            _sm3.Finish(digest);
            return System.Buffers.Binary.BinaryPrimitives.ReadUInt128BigEndian(digest);
        }
    }

    /// <summary>A 6-digit one-time code from the CSPRNG.</summary>
    public static string NewCode() => RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", CultureInfo.InvariantCulture);

    /// <summary>What is stored of a code: SM3 over the seat, the purpose and the code.</summary>
    public static string CodeDigest(Guid seatId, string purpose, string code) =>
        Sm3.HashHex(Encoding.UTF8.GetBytes($"ggzy.expert-draw.code.v1\n{seatId:D}\n{purpose}\n{code}"));

    public static bool CodeMatches(string? stored, Guid seatId, string purpose, string? code) =>
        stored is not null && code is { Length: 6 } && code.All(char.IsAsciiDigit)
        && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(stored), Encoding.ASCII.GetBytes(CodeDigest(seatId, purpose, code)));
}
