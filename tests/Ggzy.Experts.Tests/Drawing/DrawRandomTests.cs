using Ggzy.Experts.Contracts.Drawing;
using Ggzy.Sealing;
using Ggzy.Sealing.Crypto;

namespace Ggzy.Experts.Tests.Drawing;

public sealed class DrawRandomTests
{
    // Computed with OpenSSL 3.0: openssl mac -digest SM3 -macopt hexkey:11…11 -in <label ‖ SM3("abc") ‖ counter> HMAC.
    [Theory]
    [MemberData(nameof(Implementations))]
    public void Words_OfTheStream_MatchOpenSslsHmacSm3(string implementation)
    {
        using var random = new DrawRandom(DrawFixtures.FilledSeed(0x11), Sm3.Hash("abc"u8), Crypto(implementation));

        var words = Enumerable.Range(0, 5).Select(_ => random.NextUInt64()).ToList();

        words.ShouldBe([0x870F9F953D93EB6EUL, 0x5E04B61662E02CDCUL, 0xC7DC3588B41A47E4UL, 0x6E4BFC123D4CBC3AUL, 0x779C897BE95102CCUL]);
        random.Blocks.ShouldBe(2UL);
    }

    public static TheoryData<string> Implementations => SmCrypto.LibCrypto is null ? ["managed"] : ["managed", "libcrypto"];

    [Fact]
    public void Below_ReturnsTheWordModuloN_WhenTheWordIsAccepted()
    {
        using var random = new DrawRandom(DrawFixtures.FilledSeed(0x11), Sm3.Hash("abc"u8));

        random.Below(10).ShouldBe((int)(0x870F9F953D93EB6EUL % 10));
        random.Below(1).ShouldBe(0);
        random.Blocks.ShouldBe(1UL);
    }

    [Theory]
    [InlineData(3UL, 1UL)] // 2^64 mod 3 = 1: only the largest word is rejected
    [InlineData(10UL, 6UL)]
    [InlineData(1UL << 40, 0UL)]
    [InlineData(3UL << 62, 1UL << 62)]
    public void UniformBelow_RejectsExactlyTheWordsOfTheIncompleteTopRange(ulong n, ulong rejected)
    {
        var firstRejected = ulong.MaxValue - rejected + 1;
        var words = new Queue<ulong>([ulong.MaxValue, firstRejected, firstRejected - 1]);

        var value = DrawRandom.UniformBelow(n, words.Dequeue);

        value.ShouldBe(rejected == 0 ? ulong.MaxValue % n : (firstRejected - 1) % n);
        words.Count.ShouldBe(rejected == 0 ? 2 : 0);
    }

    [Fact]
    public void Constructor_WithASeedNot32Bytes_IsRefused() =>
        Should.Throw<ArgumentException>(() => new DrawRandom(new byte[16], Sm3.Hash("abc"u8)));

    private static SmCrypto Crypto(string name) => name == "managed" ? SmCrypto.Managed : SmCrypto.LibCrypto!;
}
