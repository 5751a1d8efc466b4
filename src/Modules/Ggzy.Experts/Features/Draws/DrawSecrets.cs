using System.Globalization;
using System.Security.Cryptography;
using System.Text;
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

    public string ProtectExcluded(IEnumerable<(Guid ExpertId, string Code)> excluded) =>
        _excluded.Protect(string.Join('\n', excluded.Select(e => e.ExpertId.ToString("D") + " " + e.Code)));

    /// <summary>
    /// The expert's pseudonym in a draw: the first 16 bytes, in hex, of SM3(key ‖ the expert's id in its 16-byte form).
    /// Stable within the draw (a replacement round's snapshot can be checked against earlier rounds), unlinkable across
    /// draws without the key.
    /// </summary>
    public static string Pseudonym(byte[] key, Guid expertId) => new Pseudonyms(key).Of(expertId);

    /// <summary>Pseudonyms of many experts with one SM3 computation object (a round hashes every candidate).</summary>
    public sealed class Pseudonyms(byte[] key)
    {
        private readonly Sm3 _sm3 = new();

        public string Of(Guid expertId) => Contracts.Drawing.CandidateSnapshot.Hex(Bits(expertId));

        /// <summary>The pseudonym's 16 bytes as a big-endian number: its hex text, without making the text.</summary>
        public UInt128 Bits(Guid expertId)
        {
            Span<byte> id = stackalloc byte[16];
            Span<byte> digest = stackalloc byte[Sm3.DigestLength];
            expertId.TryWriteBytes(id, bigEndian: true, out _);
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
