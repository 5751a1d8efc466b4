namespace Ggzy.Sealing.Crypto;

/// <summary>The standards' own examples, checked before an implementation is used.</summary>
internal static class KnownAnswers
{
    // GB/T 32905-2016 Appendix A, example 1: SM3("abc").
    private static ReadOnlySpan<byte> Sm3Abc => [
        0x66, 0xc7, 0xf0, 0xf4, 0x62, 0xee, 0xed, 0xd9, 0xd1, 0xf2, 0xd4, 0x6b, 0xdc, 0x10, 0xe4, 0xe2,
        0x41, 0x67, 0xc4, 0x87, 0x5c, 0xf2, 0xf7, 0xa2, 0x29, 0x7d, 0xa0, 0x2b, 0x8f, 0x4b, 0xa8, 0xe0];

    // GB/T 32907-2016 Appendix A, example 1: key = plaintext = 0123456789abcdeffedcba9876543210.
    private static ReadOnlySpan<byte> Sm4Key => [
        0x01, 0x23, 0x45, 0x67, 0x89, 0xab, 0xcd, 0xef, 0xfe, 0xdc, 0xba, 0x98, 0x76, 0x54, 0x32, 0x10];

    private static ReadOnlySpan<byte> Sm4Cipher => [
        0x68, 0x1e, 0xdf, 0x34, 0xd2, 0x06, 0x96, 0x5e, 0x86, 0xb3, 0xe9, 0x4f, 0x53, 0x6e, 0x42, 0x46];

    /// <summary>SM3 of "abc" and one SM4 block (CBC with a zero IV, then chained to a second block) as the standards give them.</summary>
    public static bool Pass(SmCrypto crypto)
    {
        Span<byte> digest = stackalloc byte[Sm3Hash.DigestBytes];
        using (var sm3 = crypto.CreateSm3())
        {
            sm3.Append("a"u8);
            sm3.Append("bc"u8);
            sm3.Finish(digest);
        }

        if (!digest.SequenceEqual(Sm3Abc))
        {
            return false;
        }

        // Two blocks: C1 = E(P) under a zero IV, then C2 = C1 so that the second block decrypts to P xor C1.
        Span<byte> cipher = stackalloc byte[32];
        Sm4Cipher.CopyTo(cipher);
        Sm4Cipher.CopyTo(cipher[16..]);
        Span<byte> plain = stackalloc byte[32];
        Span<byte> zeroIv = stackalloc byte[16];
        zeroIv.Clear();
        using (var sm4 = crypto.CreateSm4CbcDecryptor(Sm4Key, zeroIv))
        {
            sm4.Decrypt(cipher[..16], plain);
            sm4.Decrypt(cipher[16..], plain[16..]);
        }

        for (var i = 0; i < 16; i++)
        {
            if (plain[i] != Sm4Key[i] || plain[16 + i] != (byte)(Sm4Key[i] ^ Sm4Cipher[i]))
            {
                return false;
            }
        }

        return true;
    }
}
