using System.Text;
using Ggzy.Sealing.Envelope;
using Ggzy.Sealing.Pki;
using static Ggzy.Sealing.Tests.TestEnvelopes;

namespace Ggzy.Sealing.Tests;

public sealed class EnvelopeInspectionTests
{
    // Over 2 MiB, so the section is hashed in several buffer loads.
    private static readonly byte[] LargeDocuments = [.. Enumerable.Range(0, (5 << 20) / 2 + 7).Select(i => (byte)(i * 7 + (i >> 11)))];
    private static readonly Lazy<byte[]> Envelope = new(() => Seal(BidderOf(KeyAlgorithm.Sm2),
        ("price-sheet", "开标一览表.pdf", PriceSheet), ("documents", "投标文件.zip", LargeDocuments), ("drawings", "图纸.zip", Documents)));

    private static int PrefixLength(SealedEnvelope envelope) => 16 + envelope.HeaderBytes.Length + envelope.Signature.Length;

    private static string InspectCode(byte[] bytes, long? expectedLength = null)
    {
        var seekable = Should.Throw<EnvelopeException>(() => SealedEnvelope.Inspect(new MemoryStream(bytes), expectedLength)).Code;
        var forwardOnly = Should.Throw<EnvelopeException>(() => SealedEnvelope.Inspect(new ForwardOnlyStream(bytes), expectedLength)).Code;
        forwardOnly.ShouldBe(seekable);
        var inPieces = Should.Throw<EnvelopeException>(() => InspectInPieces(bytes, expectedLength, pieceBytes: 3)).Code;
        inPieces.ShouldBe(seekable);
        return seekable;
    }

    /// <summary>As an upload's chunks feed it: the bytes in pieces of one size, then the inspection.</summary>
    private static EnvelopeInspection InspectInPieces(byte[] bytes, long? expectedLength, int pieceBytes)
    {
        var inspector = new EnvelopeInspector(expectedLength);
        for (var at = 0; at < bytes.Length; at += pieceBytes)
        {
            inspector.Append(bytes.AsSpan(at, Math.Min(pieceBytes, bytes.Length - at)));
            inspector.Consumed.ShouldBe(Math.Min(at + pieceBytes, bytes.Length));
        }

        return inspector.Finish();
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(4096)]
    [InlineData(1 << 20)]
    [InlineData(64 << 20)]
    public void AnInspectorFedInPieces_GivesWhatInspectGives(int pieceBytes)
    {
        var bytes = Envelope.Value;
        var whole = SealedEnvelope.Inspect(new MemoryStream(bytes), bytes.Length);

        var pieces = InspectInPieces(bytes, bytes.Length, pieceBytes);

        pieces.Digest.ShouldBe(whole.Digest);
        pieces.CipherSm3.ShouldBe(whole.CipherSm3);
        pieces.HeaderBytes.ShouldBe(whole.HeaderBytes);
        pieces.Signature.ShouldBe(whole.Signature);
        pieces.Length.ShouldBe(bytes.Length);
        pieces.Verify().IsValid.ShouldBeTrue();
    }

    [Fact]
    public void AnInspector_RefusesABadStartAtOnce_AndBytesAfterTheLastSection()
    {
        var bad = new EnvelopeInspector();
        Should.Throw<EnvelopeException>(() => bad.Append("NOTENVEL"u8)).Code.ShouldBe(EnvelopeErrors.BadMagic);

        var bytes = Envelope.Value;
        var inspector = new EnvelopeInspector();
        inspector.Append(bytes);
        Should.Throw<EnvelopeException>(() => inspector.Append([0])).Code.ShouldBe(EnvelopeErrors.TrailingData);

        var early = new EnvelopeInspector();
        early.Append(bytes.AsSpan(0, bytes.Length - 1));
        Should.Throw<EnvelopeException>(early.Finish).Code.ShouldBe(EnvelopeErrors.Truncated);
    }

    [Theory]
    [InlineData(KeyAlgorithm.Sm2)]
    [InlineData(KeyAlgorithm.Rsa)]
    [InlineData(KeyAlgorithm.Ecdsa)]
    public void Inspect_AgreesWithReadAndVerify(KeyAlgorithm algorithm)
    {
        var bytes = Seal(BidderOf(algorithm));
        var envelope = Read(bytes);

        var inspection = SealedEnvelope.Inspect(new ForwardOnlyStream(bytes), bytes.Length);

        inspection.Verify().ShouldBe(envelope.Verify());
        inspection.Verify().IsValid.ShouldBeTrue();
        inspection.Digest.ShouldBe(envelope.Digest);
        inspection.Header.ShouldBeEquivalentTo(envelope.Header);
        inspection.HeaderBytes.ShouldBe(envelope.HeaderBytes);
        inspection.Signature.ShouldBe(envelope.Signature);
        inspection.CipherSm3.ShouldBe(envelope.Header.Sections.Select(s => s.CipherSm3));
        inspection.Length.ShouldBe(bytes.Length);
        inspection.Certificate.ShouldNotBeNull().Fingerprint.ShouldBe(BidderOf(algorithm).Certificate.Fingerprint);
    }

    [Fact]
    public void Inspect_HashesLargeSectionsInPieces_FromSeekableAndForwardOnlyStreams()
    {
        var bytes = Envelope.Value;
        var envelope = Read(bytes);

        var fromMemory = SealedEnvelope.Inspect(new MemoryStream(bytes));
        var fromUpload = SealedEnvelope.Inspect(new ForwardOnlyStream(bytes, maxRead: 65_537));

        fromMemory.CipherSm3.ShouldBe(envelope.Header.Sections.Select(s => s.CipherSm3));
        fromUpload.CipherSm3.ShouldBe(fromMemory.CipherSm3);
        fromUpload.Verify().IsValid.ShouldBeTrue();
        fromUpload.Digest.ShouldBe(envelope.Digest);
    }

    [Fact]
    public void Digest_IsTheSm3OfHeaderAndSignature_AndNeedsOnlyThePrefix()
    {
        var bytes = Envelope.Value;
        var envelope = Read(bytes);
        var prefix = bytes[..PrefixLength(envelope)];
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllBytes(file, bytes);

            envelope.Digest.ShouldBe(Sm3.HashHex([.. envelope.HeaderBytes, .. envelope.Signature]));
            SealedEnvelope.DigestOf(envelope.HeaderBytes, envelope.Signature).ShouldBe(envelope.Digest);
            SealedEnvelope.DigestOf(new ForwardOnlyStream(prefix)).ShouldBe(envelope.Digest);
            SealedEnvelope.DigestOfFile(file).ShouldBe(envelope.Digest);
            SealedEnvelope.Inspect(new MemoryStream(bytes)).Digest.ShouldBe(envelope.Digest);
        }
        finally
        {
            File.Delete(file);
        }

        Should.Throw<EnvelopeException>(() => SealedEnvelope.DigestOf(new MemoryStream(prefix[..^1]))).Code.ShouldBe(EnvelopeErrors.Truncated);
        Should.Throw<EnvelopeException>(() => SealedEnvelope.DigestOf(new MemoryStream("NOTENVEL........"u8.ToArray()))).Code.ShouldBe(EnvelopeErrors.BadMagic);
    }

    [Fact]
    public void TruncatedEnvelope_IsRefusedInHeaderSignatureAndEverySection()
    {
        var bytes = Envelope.Value;
        var envelope = Read(bytes);
        var sections = envelope.Header.Sections;
        var firstSection = PrefixLength(envelope);
        var secondSection = firstSection + (int)sections[0].CipherLength;

        int[] cuts =
        [
            0, 5, 10, 14, 200, 16 + envelope.HeaderBytes.Length - 1, 16 + envelope.HeaderBytes.Length + 1, firstSection - 1,
            firstSection, firstSection + 3, secondSection + (1 << 20) + 5, bytes.Length - (int)sections[2].CipherLength, bytes.Length - 1,
        ];
        foreach (var cut in cuts)
        {
            InspectCode(bytes[..cut]).ShouldBe(EnvelopeErrors.Truncated, $"cut at {cut}");
        }
    }

    [Fact]
    public void TrailingBytes_AreRefused()
    {
        InspectCode([.. Envelope.Value, 0]).ShouldBe(EnvelopeErrors.TrailingData);
    }

    [Fact]
    public void ADeclaredLengthOtherThanTheUploadsSize_IsRefusedBeforeAnySectionIsRead()
    {
        var bytes = Envelope.Value;
        var prefix = PrefixLength(Read(bytes));

        foreach (var (expected, code) in new[] { (bytes.Length - 1L, EnvelopeErrors.Truncated), (bytes.Length + 1L, EnvelopeErrors.TrailingData) })
        {
            var upload = new ForwardOnlyStream(bytes, maxRead: 1);
            Should.Throw<EnvelopeException>(() => SealedEnvelope.Inspect(upload, expected)).Code.ShouldBe(code);
            upload.BytesRead.ShouldBe(prefix);
        }

        InspectCode(bytes, 0).ShouldBe(EnvelopeErrors.Truncated);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void FlippedByteInASection_FailsVerificationWithCipherDigest(int section)
    {
        var bytes = Envelope.Value.ToArray();
        var envelope = Read(bytes);
        var offset = PrefixLength(envelope) + envelope.Header.Sections.Take(section).Sum(s => (int)s.CipherLength)
            + (int)envelope.Header.Sections[section].CipherLength / 2;
        bytes[offset] ^= 0x20;

        var inspection = SealedEnvelope.Inspect(new ForwardOnlyStream(bytes), bytes.Length);

        inspection.Digest.ShouldBe(envelope.Digest);
        var verification = inspection.Verify();
        verification.Code.ShouldBe(EnvelopeErrors.CipherDigest);
        verification.Reason.ShouldNotBeNull().ShouldContain(envelope.Header.Sections[section].Name);
    }

    [Fact]
    public void FlippedByteInTheHeader_FailsTheSignature()
    {
        var bytes = Envelope.Value.ToArray();
        var envelope = Read(bytes);
        var lot = Encoding.UTF8.GetBytes(Lot);
        var at = 12 + envelope.HeaderBytes.AsSpan().IndexOf(lot) + lot.Length - 1;
        bytes[at] ^= 0x01;

        var inspection = SealedEnvelope.Inspect(new MemoryStream(bytes), bytes.Length);

        inspection.Header.LotCode.ShouldNotBe(Lot);
        inspection.Digest.ShouldNotBe(envelope.Digest);
        inspection.Verify().Code.ShouldBe(EnvelopeErrors.Signature);
    }

    [Fact]
    public void MalformedHeader_IsRefusedAsByRead()
    {
        var envelope = Read(Seal(BidderOf(KeyAlgorithm.Sm2)));

        InspectCode(Compose("{not json"u8.ToArray(), envelope.Signature, Ciphertexts(envelope))).ShouldBe(EnvelopeErrors.BadHeader);
        InspectCode([.. "NOTENVEL"u8, .. new byte[20]]).ShouldBe(EnvelopeErrors.BadMagic);
        InspectCode([.. "GGZYSENV"u8, 0x7f, 0xff, 0xff, 0xff]).ShouldBe(EnvelopeErrors.TooLarge);
    }

    [Fact]
    public void SealingThroughATemporaryDirectory_GivesAnEnvelopeThatInspectsAndOpens_AndLeavesNoFiles()
    {
        var bidder = BidderOf(KeyAlgorithm.Ecdsa);
        var directory = Directory.CreateTempSubdirectory("ggzy-seal-");
        try
        {
            using var output = new MemoryStream();
            SealedEnvelope.Seal(Lot, CreditCode, Tool,
                [
                    new SectionInput("price-sheet", "开标一览表.pdf", new ForwardOnlyStream(PriceSheet)),
                    new SectionInput("documents", "投标文件.zip", new ForwardOnlyStream(LargeDocuments, maxRead: 300_001)),
                    new SectionInput("empty", "空.txt", new MemoryStream()),
                ],
                bidder.Certificate, bidder.Key, output, directory.FullName);
            var bytes = output.ToArray();

            directory.GetFiles().ShouldBeEmpty();
            SealedEnvelope.Inspect(new MemoryStream(bytes), bytes.Length).Verify().IsValid.ShouldBeTrue();
            var envelope = Read(bytes);
            var sections = envelope.Unseal(envelope.UnwrapKey(bidder.Key));
            sections.Select(s => s.Content).ShouldBe([PriceSheet, LargeDocuments, []]);
            envelope.Header.Sections[2].CipherLength.ShouldBe(16);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
