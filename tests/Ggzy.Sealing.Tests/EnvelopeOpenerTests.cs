using System.Security.Cryptography;
using System.Text;
using Ggzy.Sealing.Crypto;
using Ggzy.Sealing.Envelope;
using Ggzy.Sealing.Pki;
using static Ggzy.Sealing.Tests.TestEnvelopes;

namespace Ggzy.Sealing.Tests;

public sealed class EnvelopeOpenerTests
{
    // Sizes around the opener's piece: one byte short of it (the ciphertext fills exactly one piece), exactly two pieces
    // (the last piece is the padding block alone) and several pieces with a partial last block.
    private static readonly byte[] OnePieceLess = Bytes(EnvelopeOpener.PieceBytes - 1, 3);
    private static readonly byte[] TwoPieces = Bytes(2 * EnvelopeOpener.PieceBytes, 5);
    private static readonly byte[] Large = Bytes((5 << 20) / 2 + 7, 7);

    private static readonly Lazy<byte[]> Envelope = new(() => Seal(BidderOf(KeyAlgorithm.Sm2),
        ("price-sheet", "开标一览表.pdf", PriceSheet), ("documents", "投标文件.zip", Large), ("drawings", "图纸.zip", OnePieceLess),
        ("bill", "工程量清单.xlsx", TwoPieces)));

    public static TheoryData<string> Backends()
    {
        var backends = new TheoryData<string> { "managed" };
        if (SmCrypto.LibCrypto is not null)
        {
            backends.Add("libcrypto");
        }

        return backends;
    }

    private static EnvelopeOpener Opener(string backend) => new(backend == "managed" ? SmCrypto.Managed : SmCrypto.LibCrypto!);

    private static byte[] Bytes(int length, int seed) => [.. Enumerable.Range(0, length).Select(i => (byte)(i * seed + (i >> 9)))];

    private static byte[] KeyOf(byte[] envelope) => Read(envelope).UnwrapKey(BidderOf(KeyAlgorithm.Sm2).Key);

    /// <summary>Opens from a forward-only stream (as an upload or a pipe gives it), collecting each section's plaintext.</summary>
    private static (OpenedEnvelope Opened, List<byte[]> Plaintexts) OpenToMemory(EnvelopeOpener opener, byte[] envelope, byte[] key, int maxRead = 4099)
    {
        var sinks = new List<MemoryStream>();
        var opened = opener.Open(new ForwardOnlyStream(envelope, maxRead), envelope.Length, key, (i, _) =>
        {
            sinks.Add(new MemoryStream());
            return sinks[^1];
        });
        return (opened, [.. sinks.Select(s => s.ToArray())]);
    }

    private static EnvelopeException Refusal(EnvelopeOpener opener, byte[] envelope, byte[] key, long? length = null) =>
        Should.Throw<EnvelopeException>(() => opener.Open(new MemoryStream(envelope), length ?? envelope.Length, key));

    [Theory]
    [MemberData(nameof(Backends))]
    public void Open_GivesEachSinkExactlyThePlaintextThatUnsealGives(string backend)
    {
        var bytes = Envelope.Value;
        var envelope = Read(bytes);
        var key = KeyOf(bytes);

        var (opened, plaintexts) = OpenToMemory(Opener(backend), bytes, key, maxRead: 65_537);

        plaintexts.Count.ShouldBe(4);
        plaintexts[0].ShouldBe(PriceSheet);
        plaintexts[1].ShouldBe(Large);
        plaintexts[2].ShouldBe(OnePieceLess);
        plaintexts[3].ShouldBe(TwoPieces);
        plaintexts.ShouldBe(envelope.Unseal(key).Select(s => s.Content));
        opened.Digest.ShouldBe(envelope.Digest);
        opened.Header.ShouldBeEquivalentTo(envelope.Header);
        opened.Length.ShouldBe(bytes.Length);
        opened.PlainBytes.ShouldBe(PriceSheet.Length + Large.Length + OnePieceLess.Length + TwoPieces.Length);
        opened.Certificate.Fingerprint.ShouldBe(BidderOf(KeyAlgorithm.Sm2).Certificate.Fingerprint);
    }

    [Theory]
    [InlineData(KeyAlgorithm.Sm2)]
    [InlineData(KeyAlgorithm.Rsa)]
    [InlineData(KeyAlgorithm.Ecdsa)]
    public void Open_VerifiesEnvelopesOfEveryCertificateKind_WithoutSinks(KeyAlgorithm algorithm)
    {
        var bytes = Seal(BidderOf(algorithm));
        var key = Read(bytes).UnwrapKey(BidderOf(algorithm).Key);

        var opened = EnvelopeOpener.Default.Open(new MemoryStream(bytes), bytes.Length, key, ct: TestContext.Current.CancellationToken);

        opened.Digest.ShouldBe(Read(bytes).Digest);
        opened.PlainBytes.ShouldBe(PriceSheet.Length + Documents.Length);
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public void AWrongContentKey_IsRefusedAsTheKeys_NotAsTamperedContent(string backend)
    {
        var bytes = Envelope.Value;
        var opener = Opener(backend);
        var wrong = KeyOf(bytes);
        wrong[5] ^= 1;

        var refusal = Refusal(opener, bytes, wrong);
        refusal.Code.ShouldBe(EnvelopeErrors.KeyUnwrap);
        refusal.Message.ShouldContain("内容密钥不是本信封的");
        Refusal(opener, bytes, new byte[16]).Code.ShouldBe(EnvelopeErrors.KeyUnwrap);
        Refusal(opener, bytes, RandomNumberGenerator.GetBytes(16)).Code.ShouldBe(EnvelopeErrors.KeyUnwrap);
        Refusal(opener, bytes, new byte[15]).Code.ShouldBe(EnvelopeErrors.KeyUnwrap);
        Refusal(opener, bytes, new byte[32]).Code.ShouldBe(EnvelopeErrors.KeyUnwrap);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(3)]
    public void AFlippedByteInASection_IsRefusedWithTheCipherDigest_WithTheRightKeyOrAWrongOne(int section)
    {
        var bytes = Envelope.Value;
        var envelope = Read(bytes);
        var ciphertexts = Ciphertexts(envelope);
        ciphertexts[section][ciphertexts[section].Length / 2] ^= 0x40;
        var tampered = Compose(envelope.HeaderBytes, envelope.Signature, ciphertexts);
        var key = KeyOf(bytes);

        foreach (var opener in new[] { SmCrypto.Managed, SmCrypto.LibCrypto }.OfType<SmCrypto>().Select(c => new EnvelopeOpener(c)))
        {
            var refusal = Refusal(opener, tampered, key);
            refusal.Code.ShouldBe(EnvelopeErrors.CipherDigest);
            refusal.Message.ShouldContain(envelope.Header.Sections[section].Name);
            Refusal(opener, tampered, new byte[16]).Code.ShouldBe(
                section == 0 ? EnvelopeErrors.CipherDigest : EnvelopeErrors.KeyUnwrap);
        }
    }

    [Fact]
    public void ALaterSectionThatDoesNotMatchItsSignedHeader_IsTheEnvelopesFault_NotTheKeys()
    {
        // A sealing tool that put a wrong plainMac for the documents in the header it signed: the ciphertexts are the signed
        // ones and the key opens the price sheet, so the documents section is what is wrong.
        var bidder = BidderOf(KeyAlgorithm.Sm2);
        var bytes = Seal(bidder);
        var envelope = Read(bytes);
        var documentsMac = envelope.Header.Sections[1].PlainMac;
        var forged = documentsMac[..10] + (documentsMac[10] == '0' ? '1' : '0') + documentsMac[11..];
        var header = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(envelope.HeaderBytes).Replace(documentsMac, forged, StringComparison.Ordinal));
        var resealed = Compose(header, bidder.Key.Sign(header), Ciphertexts(envelope));
        Read(resealed).Verify().IsValid.ShouldBeTrue();

        var refusal = Refusal(EnvelopeOpener.Default, resealed, KeyOf(bytes));

        refusal.Code.ShouldBe(EnvelopeErrors.PlainDigest);
        refusal.Message.ShouldContain("documents");
    }

    [Fact]
    public void AnEnvelopeThatFailsItsSignature_IsRefusedBeforeAnySectionIsRead()
    {
        var bytes = Envelope.Value;
        var envelope = Read(bytes);
        var header = (byte[])envelope.HeaderBytes.Clone();
        var at = Encoding.UTF8.GetString(header).IndexOf(Lot, StringComparison.Ordinal);
        header[at + Lot.Length - 1] = (byte)'2';
        var altered = Compose(header, envelope.Signature, Ciphertexts(envelope));
        var asked = 0;

        var refusal = Should.Throw<EnvelopeException>(() => EnvelopeOpener.Default.Open(new MemoryStream(altered), altered.Length, KeyOf(bytes),
            (_, _) =>
            {
                asked++;
                return null;
            }));

        refusal.Code.ShouldBe(EnvelopeErrors.Signature);
        asked.ShouldBe(0);
    }

    [Fact]
    public void ATruncatedEnvelope_IsRefused_WhetherItsLengthIsKnownOrTheStreamEndsEarly()
    {
        var bytes = Envelope.Value;
        var envelope = Read(bytes);
        var key = KeyOf(bytes);
        var prefix = 16 + envelope.HeaderBytes.Length + envelope.Signature.Length;
        foreach (var cut in new[] { 5, 20, prefix - 1, prefix + 10, bytes.Length / 2, bytes.Length - 1 })
        {
            var truncated = bytes[..cut];
            Refusal(EnvelopeOpener.Default, truncated, key).Code.ShouldBe(EnvelopeErrors.Truncated, $"cut at {cut}");
            if (cut > prefix)
            {
                // The caller's length is the full one, but the stream ends early: found while reading the sections.
                Refusal(EnvelopeOpener.Default, truncated, key, bytes.Length).Code.ShouldBe(EnvelopeErrors.Truncated, $"cut at {cut}");
            }
        }

        Refusal(EnvelopeOpener.Default, [.. bytes, 0], key).Code.ShouldBe(EnvelopeErrors.TrailingData);
        Refusal(EnvelopeOpener.Default, [.. bytes, 0], key, bytes.Length).Code.ShouldBe(EnvelopeErrors.TrailingData);
    }

    [Fact]
    public async Task OpenMany_OpensEveryEnvelopeOnEveryCore_AndReportsEachFailureWithItsOwnCause()
    {
        var bytes = Seal(BidderOf(KeyAlgorithm.Sm2));
        var key = KeyOf(bytes);
        var envelope = Read(bytes);
        var ciphertexts = Ciphertexts(envelope);
        ciphertexts[1][7] ^= 1;
        var directory = Directory.CreateTempSubdirectory("ggzy-opener-");
        try
        {
            string Write(string name, byte[] content)
            {
                var path = Path.Combine(directory.FullName, name);
                File.WriteAllBytes(path, content);
                return path;
            }

            var good = Write("good.gse", bytes);
            var tampered = Write("tampered.gse", Compose(envelope.HeaderBytes, envelope.Signature, ciphertexts));
            var output = Path.Combine(directory.FullName, "out");
            Directory.CreateDirectory(output);
            var requests = new List<EnvelopeToOpen>
            {
                new(good, key, (i, s) => File.Create(Path.Combine(output, s.FileName))),
                new(good, new byte[16]),
                new(tampered, key),
                new(Path.Combine(directory.FullName, "missing.gse"), key),
            };
            requests.AddRange(Enumerable.Range(0, 8).Select(_ => new EnvelopeToOpen(good, key)));

            var results = await EnvelopeOpener.Default.OpenManyAsync(requests, ct: TestContext.Current.CancellationToken);

            results.Select(r => r.Envelope).ShouldBe(requests);
            results[0].IsOpened.ShouldBeTrue();
            File.ReadAllBytes(Path.Combine(output, "开标一览表.pdf")).ShouldBe(PriceSheet);
            File.ReadAllBytes(Path.Combine(output, "投标文件.zip")).ShouldBe(Documents);
            results[1].Code.ShouldBe(EnvelopeErrors.KeyUnwrap);
            results[2].Code.ShouldBe(EnvelopeErrors.CipherDigest);
            results[3].Failure.ShouldBeOfType<FileNotFoundException>();
            results[3].Code.ShouldBeNull();
            results.Skip(4).ShouldAllBe(r => r.IsOpened && r.Opened!.Digest == envelope.Digest);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public void LibCrypto_IsUsedWhereTheSystemHasIt()
    {
        Assert.SkipUnless(File.Exists("/usr/lib/x86_64-linux-gnu/libcrypto.so.3"), "no libcrypto.so.3 on this machine");

        SmCrypto.LibCrypto.ShouldNotBeNull().Name.ShouldStartWith("libcrypto (OpenSSL 3.");
        SmCrypto.Default.ShouldBeSameAs(SmCrypto.LibCrypto);
        EnvelopeOpener.Default.Crypto.ShouldBeSameAs(SmCrypto.LibCrypto);
    }

    [Fact]
    public void BothBackends_GiveTheSameVerdictsAndPlaintexts_OnTheSameEnvelopes()
    {
        Assert.SkipWhen(SmCrypto.LibCrypto is null, "libcrypto with SM3 and SM4 is not available here");
        var managed = Opener("managed");
        var native = Opener("libcrypto");
        var bytes = Envelope.Value;
        var envelope = Read(bytes);
        var key = KeyOf(bytes);

        var (m, mPlain) = OpenToMemory(managed, bytes, key);
        var (n, nPlain) = OpenToMemory(native, bytes, key);
        nPlain.ShouldBe(mPlain);
        n.ShouldBeEquivalentTo(m);

        var cases = new List<(string Case, byte[] Envelope, byte[] Key)> { ("wrong key", bytes, RandomNumberGenerator.GetBytes(16)) };
        for (var section = 0; section < envelope.Header.Sections.Count; section++)
        {
            var ciphertexts = Ciphertexts(envelope);
            ciphertexts[section][^1] ^= 0x01;
            cases.Add(($"section {section} tampered", Compose(envelope.HeaderBytes, envelope.Signature, ciphertexts), key));
        }

        cases.Add(("truncated", bytes[..^1], key));
        foreach (var (name, content, k) in cases)
        {
            var fromManaged = Refusal(managed, content, k);
            var fromNative = Refusal(native, content, k);
            fromNative.Code.ShouldBe(fromManaged.Code, name);
            fromNative.Message.ShouldBe(fromManaged.Message, name);
        }
    }

    [Fact]
    public void BothBackends_ComputeTheSameSm3HmacAndSm4_AsBouncyCastleDoesDirectly()
    {
        Assert.SkipWhen(SmCrypto.LibCrypto is null, "libcrypto with SM3 and SM4 is not available here");
        var data = RandomNumberGenerator.GetBytes(300_007);
        var key = RandomNumberGenerator.GetBytes(16);
        var iv = RandomNumberGenerator.GetBytes(16);
        var expectedMac = new Org.BouncyCastle.Crypto.Macs.HMac(new Org.BouncyCastle.Crypto.Digests.SM3Digest());
        expectedMac.Init(new Org.BouncyCastle.Crypto.Parameters.KeyParameter(key));
        expectedMac.BlockUpdate(data, 0, data.Length);
        var mac = new byte[32];
        expectedMac.DoFinal(mac, 0);
        var cipher = Org.BouncyCastle.Security.CipherUtilities.GetCipher("SM4/CBC/NoPadding");
        cipher.Init(true, new Org.BouncyCastle.Crypto.Parameters.ParametersWithIV(new Org.BouncyCastle.Crypto.Parameters.KeyParameter(key), iv));
        var encrypted = cipher.DoFinal(data, 0, 300_000);

        foreach (var crypto in new[] { SmCrypto.Managed, SmCrypto.LibCrypto! })
        {
            foreach (var split in new[] { 0, 1, 63, 64, 65, 4096, 300_007 })
            {
                using var sm3 = crypto.CreateSm3();
                sm3.Append(data.AsSpan(0, split));
                sm3.Append(data.AsSpan(split));
                sm3.Finish().ShouldBe(Sm3.Hash(data), $"{crypto} SM3 split at {split}");

                using var hmac = crypto.CreateHmacSm3(key);
                hmac.Append(data.AsSpan(0, split));
                hmac.Append(data.AsSpan(split));
                hmac.Finish().ShouldBe(mac, $"{crypto} HMAC-SM3 split at {split}");
            }

            var plain = new byte[300_000];
            using (var sm4 = crypto.CreateSm4CbcDecryptor(key, iv))
            {
                sm4.Decrypt(encrypted.AsSpan(0, 4096), plain);
                sm4.Decrypt(encrypted.AsSpan(4096), plain.AsSpan(4096));
            }

            plain.ShouldBe(data[..300_000], $"{crypto} SM4-CBC");
            using var odd = crypto.CreateSm4CbcDecryptor(key, iv);
            Should.Throw<ArgumentException>(() => odd.Decrypt(encrypted.AsSpan(0, 17), plain));
        }

        // A longer HMAC key is hashed first (RFC 2104), as BouncyCastle does.
        var longKey = RandomNumberGenerator.GetBytes(100);
        expectedMac.Init(new Org.BouncyCastle.Crypto.Parameters.KeyParameter(longKey));
        expectedMac.BlockUpdate(data, 0, 1000);
        expectedMac.DoFinal(mac, 0);
        using var longKeyed = SmCrypto.LibCrypto!.CreateHmacSm3(longKey);
        longKeyed.Append(data.AsSpan(0, 1000));
        longKeyed.Finish().ShouldBe(mac);
    }
}
