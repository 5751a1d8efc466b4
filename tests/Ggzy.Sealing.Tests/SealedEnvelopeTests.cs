using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Ggzy.Sealing.Envelope;
using Ggzy.Sealing.Pki;
using static Ggzy.Sealing.Tests.TestEnvelopes;

namespace Ggzy.Sealing.Tests;

public sealed class SealedEnvelopeTests
{
    private static CertificateWithKey Sm2Bidder => BidderOf(KeyAlgorithm.Sm2);

    private static CertificateWithKey RsaBidder => BidderOf(KeyAlgorithm.Rsa);

    private static string ReadCode(byte[] bytes) => Should.Throw<EnvelopeException>(() => Read(bytes)).Code;

    [Theory]
    [InlineData(KeyAlgorithm.Sm2)]
    [InlineData(KeyAlgorithm.Rsa)]
    [InlineData(KeyAlgorithm.Ecdsa)]
    public void SealThenUnseal_RoundTrips_AndSignedHeaderCarriesLotBidderAndTool(KeyAlgorithm algorithm)
    {
        var bidder = BidderOf(algorithm);
        var envelope = Read(Seal(bidder));

        envelope.Verify().IsValid.ShouldBeTrue();
        envelope.Header.Format.ShouldBe(SealedEnvelope.FormatV1);
        envelope.Header.LotCode.ShouldBe(Lot);
        envelope.Header.BidderCreditCode.ShouldBe(CreditCode);
        envelope.Header.Tool.ShouldBe(Tool);
        envelope.Header.KeyWrap.Algorithm.ShouldBe(algorithm switch
        {
            KeyAlgorithm.Sm2 => SealedEnvelope.WrapSm2,
            KeyAlgorithm.Rsa => SealedEnvelope.WrapRsaOaep,
            _ => SealedEnvelope.WrapEcies,
        });
        envelope.Certificate.ShouldNotBeNull().Fingerprint.ShouldBe(bidder.Certificate.Fingerprint);
        envelope.Header.Sections.Select(s => s.Name).ShouldBe(["price-sheet", "documents"]);
        envelope.Ciphertext(1).ToArray().ShouldNotBe(Documents);

        var sections = envelope.Unseal(envelope.UnwrapKey(bidder.Key));

        sections[0].Content.ShouldBe(PriceSheet);
        sections[1].Content.ShouldBe(Documents);
        sections[1].Entry.PlainMac.ShouldNotBe(Sm3.HashHex(Documents));
    }

    [Fact]
    public void TwoSeals_UseFreshKeysAndIvs()
    {
        var a = Read(Seal(Sm2Bidder));
        var b = Read(Seal(Sm2Bidder));

        a.UnwrapKey(Sm2Bidder.Key).ShouldNotBe(b.UnwrapKey(Sm2Bidder.Key));
        a.Header.Sections[0].Iv.ShouldNotBe(a.Header.Sections[1].Iv);
        a.Header.Sections[0].CipherSm3.ShouldNotBe(b.Header.Sections[0].CipherSm3);
    }

    [Fact]
    public void TamperedHeader_FailsSignature()
    {
        var envelope = Read(Seal(Sm2Bidder));
        var header = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(envelope.HeaderBytes).Replace(Lot, "E9901000001001002", StringComparison.Ordinal));

        var tampered = Read(Compose(header, envelope.Signature, [envelope.Ciphertext(0).ToArray(), envelope.Ciphertext(1).ToArray()]));

        tampered.Verify().Code.ShouldBe(EnvelopeErrors.Signature);
    }

    [Fact]
    public void TamperedSignature_Fails()
    {
        var envelope = Read(Seal(RsaBidder));
        var signature = envelope.Signature.ToArray();
        signature[10] ^= 1;

        var tampered = Read(Compose(envelope.HeaderBytes, signature, [envelope.Ciphertext(0).ToArray(), envelope.Ciphertext(1).ToArray()]));

        var verification = tampered.Verify();
        verification.Code.ShouldBe(EnvelopeErrors.Signature);
        verification.Reason.ShouldNotBeNull().ShouldContain("签名验证失败");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void TamperedCiphertext_FailsDigest(int section)
    {
        var envelope = Read(Seal(Sm2Bidder));
        var ciphertexts = new[] { envelope.Ciphertext(0).ToArray(), envelope.Ciphertext(1).ToArray() };
        ciphertexts[section][5] ^= 0x40;

        var tampered = Read(Compose(envelope.HeaderBytes, envelope.Signature, ciphertexts));

        tampered.Verify().Code.ShouldBe(EnvelopeErrors.CipherDigest);
        Should.Throw<EnvelopeException>(() => tampered.Unseal(tampered.UnwrapKey(Sm2Bidder.Key))).Code.ShouldBe(EnvelopeErrors.PlainDigest);
    }

    [Fact]
    public void SomeoneElsesKeyOrAWrongContentKey_IsRefused()
    {
        var envelope = Read(Seal(Sm2Bidder));
        var other = Bidder(KeyAlgorithm.Sm2);

        Should.Throw<EnvelopeException>(() => envelope.UnwrapKey(other.Key)).Code.ShouldBe(EnvelopeErrors.KeyUnwrap);
        Should.Throw<EnvelopeException>(() => envelope.UnwrapKey(RsaBidder.Key)).Code.ShouldBe(EnvelopeErrors.KeyUnwrap);
        Should.Throw<EnvelopeException>(() => envelope.Unseal(new byte[16])).Code.ShouldBe(EnvelopeErrors.PlainDigest);
    }

    [Fact]
    public void EmbeddedCertificateOfAnotherBidder_Fails()
    {
        var other = CertificateAuthority.Issue(
            CertificateAuthority.CreateRoot(KeyAlgorithm.Sm2, "CA", "CA", Now.AddYears(-1), Now.AddYears(5)), KeyAlgorithm.Sm2,
            new CertificateSubject("张三", "另一家公司", "91990102MA3E5M9R9Y"), Now.AddDays(-1), Now.AddYears(1));
        using var output = new MemoryStream();
        SealedEnvelope.Seal(Lot, CreditCode, Tool,
            [new SectionInput("price-sheet", "a.pdf", new MemoryStream(PriceSheet)), new SectionInput("documents", "b.zip", new MemoryStream(Documents))],
            other.Certificate, other.Key, output);

        Read(output.ToArray()).Verify().Code.ShouldBe(EnvelopeErrors.CertificateProblem);
    }

    [Fact]
    public void TruncatedEnvelope_IsRefusedAtEveryCut()
    {
        var bytes = Seal(Sm2Bidder);
        foreach (var cut in new[] { 0, 4, 10, 14, 200, bytes.Length - 1 })
        {
            ReadCode(bytes[..cut]).ShouldBe(EnvelopeErrors.Truncated);
        }

        ReadCode([.. bytes, 0]).ShouldBe(EnvelopeErrors.TrailingData);
    }

    [Fact]
    public void BadInputs_AreRefusedWithStableCodes()
    {
        var envelope = Read(Seal(Sm2Bidder));
        var ciphertexts = new[] { envelope.Ciphertext(0).ToArray(), envelope.Ciphertext(1).ToArray() };
        byte[] WithHeader(Func<EnvelopeHeader, EnvelopeHeader> change) =>
            Compose(JsonSerializer.SerializeToUtf8Bytes(change(envelope.Header)), envelope.Signature, ciphertexts);

        ReadCode([.. "NOTENVEL"u8, .. new byte[20]]).ShouldBe(EnvelopeErrors.BadMagic);
        ReadCode(WithHeader(h => h with { Format = "ggzy.sealed-envelope.v9" })).ShouldBe(EnvelopeErrors.UnknownVersion);
        ReadCode(WithHeader(h => h with { Cipher = "NONE" })).ShouldBe(EnvelopeErrors.Unencrypted);
        ReadCode(WithHeader(h => h with { Sections = [h.Sections[0]] })).ShouldBe(EnvelopeErrors.SectionCount);
        ReadCode(WithHeader(h => h with { Sections = [h.Sections[0], h.Sections[1] with { FileName = "../../etc/passwd" }] }))
            .ShouldBe(EnvelopeErrors.SectionName);
        ReadCode(WithHeader(h => h with { Sections = [h.Sections[0], h.Sections[1] with { FileName = "C:\\x.zip" }] }))
            .ShouldBe(EnvelopeErrors.SectionName);
        ReadCode(WithHeader(h => h with { Sections = [h.Sections[0], h.Sections[1] with { CipherLength = 1L << 40, PlainLength = (1L << 40) - 1 }] }))
            .ShouldBe(EnvelopeErrors.TooLarge);
        var s1 = envelope.Header.Sections[1];
        ReadCode(WithHeader(h => h with { Sections = [h.Sections[0], s1 with { CipherLength = s1.PlainLength }] })).ShouldBe(EnvelopeErrors.Unencrypted);
        ReadCode(WithHeader(h => h with { Sections = [h.Sections[0], s1 with { CipherSm3 = s1.PlainMac }] })).ShouldBe(EnvelopeErrors.Unencrypted);
        ReadCode(Compose("{not json"u8.ToArray(), envelope.Signature, ciphertexts)).ShouldBe(EnvelopeErrors.BadHeader);
        ReadCode([.. "GGZYSENV"u8, 0x7f, 0xff, 0xff, 0xff]).ShouldBe(EnvelopeErrors.TooLarge);
    }

    [Fact]
    public void Seal_RefusesBadSections()
    {
        static string Code(params (string, string)[] sections)
        {
            using var output = new MemoryStream();
            return Should.Throw<EnvelopeException>(() => SealedEnvelope.Seal(Lot, CreditCode, Tool,
                [.. sections.Select(s => new SectionInput(s.Item1, s.Item2, new MemoryStream([1])))],
                Sm2Bidder.Certificate, Sm2Bidder.Key, output)).Code;
        }

        Code(("price-sheet", "a.pdf")).ShouldBe(EnvelopeErrors.SectionCount);
        Code(("documents", "a.pdf"), ("price-sheet", "b.pdf")).ShouldBe(EnvelopeErrors.SectionCount);
        Code(("price-sheet", "a.pdf"), ("documents", "dir/b.pdf")).ShouldBe(EnvelopeErrors.SectionName);
        Code(("price-sheet", "a.pdf"), ("price-sheet", "b.pdf")).ShouldBe(EnvelopeErrors.SectionName);
    }

    [Fact]
    public void OpenSsl_RecomputesDigestsAndDecryptsWithTheUnwrappedKey()
    {
        const string OpenSsl = "/usr/bin/openssl";
        Assert.SkipUnless(File.Exists(OpenSsl), "/usr/bin/openssl is not installed");
        var envelope = Read(Seal(Sm2Bidder));
        var key = envelope.UnwrapKey(Sm2Bidder.Key);
        var directory = Directory.CreateTempSubdirectory("ggzy-envelope-");
        try
        {
            for (var i = 0; i < envelope.Header.Sections.Count; i++)
            {
                var entry = envelope.Header.Sections[i];
                var cipherFile = Path.Combine(directory.FullName, $"{i}.enc");
                var plainFile = Path.Combine(directory.FullName, $"{i}.out");
                File.WriteAllBytes(cipherFile, envelope.Ciphertext(i).ToArray());

                Run(OpenSsl, "dgst", "-sm3", "-r", cipherFile).Split(' ')[0].ShouldBe(entry.CipherSm3);
                Run(OpenSsl, "enc", "-d", "-sm4-cbc", "-K", Convert.ToHexStringLower(key), "-iv", entry.Iv, "-in", cipherFile, "-out", plainFile);
                Run(OpenSsl, "dgst", "-sm3", "-mac", "HMAC", "-macopt", "hexkey:" + Convert.ToHexStringLower(key), "-r", plainFile)
                    .Split(' ')[0].ShouldBe(entry.PlainMac);
                File.ReadAllBytes(plainFile).ShouldBe(i == 0 ? PriceSheet : Documents);
            }
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private static string Run(string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        process.ExitCode.ShouldBe(0, error);
        return output;
    }
}
