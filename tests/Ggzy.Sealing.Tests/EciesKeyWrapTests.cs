using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text.Json;
using Ggzy.Sealing.Envelope;
using Ggzy.Sealing.Pki;
using static Ggzy.Sealing.Tests.TestEnvelopes;

namespace Ggzy.Sealing.Tests;

public sealed class EciesKeyWrapTests
{
    private static CertificateWithKey EcdsaBidder => BidderOf(KeyAlgorithm.Ecdsa);

    private static byte[] WithKeyWrap(SealedEnvelope envelope, KeyWrap keyWrap) =>
        Compose(JsonSerializer.SerializeToUtf8Bytes(envelope.Header with { KeyWrap = keyWrap }), envelope.Signature, Ciphertexts(envelope));

    [Fact]
    public void EcdsaEnvelope_WrapsTheKeyToAFreshEphemeralPointEachTime()
    {
        var a = Read(Seal(EcdsaBidder));
        var b = Read(Seal(EcdsaBidder));
        var wrappedA = Convert.FromBase64String(a.Header.KeyWrap.WrappedKey);
        var wrappedB = Convert.FromBase64String(b.Header.KeyWrap.WrappedKey);

        a.Header.KeyWrap.Algorithm.ShouldBe(SealedEnvelope.WrapEcies);
        wrappedA.Length.ShouldBe(65 + 16 + 32);
        wrappedA[0].ShouldBe((byte)0x04);
        wrappedA[..65].ShouldNotBe(wrappedB[..65]);
        a.Verify().IsValid.ShouldBeTrue();
    }

    [Fact]
    public void SomeoneElsesKey_IsRefused()
    {
        var envelope = Read(Seal(EcdsaBidder));

        Should.Throw<EnvelopeException>(() => envelope.UnwrapKey(Bidder(KeyAlgorithm.Ecdsa).Key)).Code.ShouldBe(EnvelopeErrors.KeyUnwrap);
        Should.Throw<EnvelopeException>(() => envelope.UnwrapKey(BidderOf(KeyAlgorithm.Sm2).Key)).Code.ShouldBe(EnvelopeErrors.KeyUnwrap);
        Should.Throw<EnvelopeException>(() => envelope.UnwrapKey(BidderOf(KeyAlgorithm.Rsa).Key)).Code.ShouldBe(EnvelopeErrors.KeyUnwrap);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(40)]
    [InlineData(70)]
    [InlineData(100)]
    [InlineData(-1)]
    public void AlteredWrappedKey_IsRefused(int flip)
    {
        var envelope = Read(Seal(EcdsaBidder));
        var wrapped = Convert.FromBase64String(envelope.Header.KeyWrap.WrappedKey);
        if (flip >= 0)
        {
            wrapped[flip] ^= 0x01;
        }
        else
        {
            wrapped = wrapped[..^1];
        }

        var altered = Read(WithKeyWrap(envelope, envelope.Header.KeyWrap with { WrappedKey = Convert.ToBase64String(wrapped) }));

        Should.Throw<EnvelopeException>(() => altered.UnwrapKey(EcdsaBidder.Key)).Code.ShouldBe(EnvelopeErrors.KeyUnwrap);
    }

    [Fact]
    public void EcdsaCertificateWithAnotherWrapAlgorithm_FailsVerification()
    {
        var envelope = Read(Seal(EcdsaBidder));

        var relabelled = Read(WithKeyWrap(envelope, envelope.Header.KeyWrap with { Algorithm = SealedEnvelope.WrapSm2 }));

        relabelled.Verify().Code.ShouldBe(EnvelopeErrors.KeyUnwrap);
    }

    // An implementation of docs/sealed-envelope.md §4.1 with .NET's own ECDH, SHA-256 and HMAC, not the reference code.
    [Fact]
    public void TheDocumentedConstruction_RecoversTheSameKeyWithIndependentPrimitives()
    {
        var envelope = Read(Seal(EcdsaBidder));
        var wrapped = Convert.FromBase64String(envelope.Header.KeyWrap.WrappedKey);
        var point = wrapped[..65];
        var encrypted = wrapped[65..81];
        var tag = wrapped[81..];

        using var recipient = ECDiffieHellman.Create();
        recipient.ImportFromPem(EcdsaBidder.Key.ToPem());
        using var ephemeral = ECDiffieHellman.Create(new ECParameters
        {
            Curve = ECCurve.NamedCurves.nistP256,
            Q = new ECPoint { X = point[1..33], Y = point[33..65] },
        });
        var z = recipient.DeriveRawSecretAgreement(ephemeral.PublicKey);
        var k = X963Kdf(z, point, 48);

        HMACSHA256.HashData(k[16..48], encrypted).ShouldBe(tag);
        var key = encrypted.Select((b, i) => (byte)(b ^ k[i])).ToArray();
        key.ShouldBe(envelope.UnwrapKey(EcdsaBidder.Key));
        envelope.Unseal(key)[0].Content.ShouldBe(PriceSheet);
    }

    private static byte[] X963Kdf(byte[] z, byte[] sharedInfo, int length)
    {
        var output = new List<byte>();
        for (uint counter = 1; output.Count < length; counter++)
        {
            var counterBytes = new byte[4];
            BinaryPrimitives.WriteUInt32BigEndian(counterBytes, counter);
            output.AddRange(SHA256.HashData([.. z, .. counterBytes, .. sharedInfo]));
        }

        return [.. output.Take(length)];
    }
}
