using System.Text;
using Ggzy.Sealing.Pki;
using Org.BouncyCastle.Asn1.X509;

namespace Ggzy.Platform.Tests.Sealing;

public sealed class CertificateValidatorTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 2, 0, 0, TimeSpan.Zero);
    private static readonly CertificateSubject Holder = new("冯志远", "安和宏远建筑工程有限公司", "91990102MA3E5M9R8X");

    [Theory]
    [InlineData(KeyAlgorithm.Sm2)]
    [InlineData(KeyAlgorithm.Rsa)]
    [InlineData(KeyAlgorithm.Ecdsa)]
    public void Validate_CertificateOfATrustedRoot_IsValidAndItsKeySignsChallenges(KeyAlgorithm algorithm)
    {
        var root = Root(algorithm);
        var leaf = Issue(root, algorithm);

        var check = CertificateValidator.Validate(leaf.Certificate, [new TrustAnchor(root.Certificate)], Now);

        check.IsValid.ShouldBeTrue();
        check.Chain.Count.ShouldBe(2);
        leaf.Certificate.KeyAlgorithm.ShouldBe(algorithm);
        var challenge = Encoding.UTF8.GetBytes("ggzy-sign-in:challenge");
        var signature = leaf.Key.Sign(challenge);
        leaf.Certificate.VerifySignature(challenge, signature).ShouldBeTrue();
        leaf.Certificate.VerifySignature(Encoding.UTF8.GetBytes("something else"), signature).ShouldBeFalse();
        root.Certificate.VerifySignature(challenge, signature).ShouldBeFalse();
    }

    [Fact]
    public void Validate_Sm2Certificate_UsesSm3WithSm2()
    {
        var root = Root(KeyAlgorithm.Sm2);

        root.Certificate.SignatureAlgorithmOid.ShouldBe("1.2.156.10197.1.501");
        Issue(root, KeyAlgorithm.Sm2).Certificate.SignatureAlgorithmOid.ShouldBe("1.2.156.10197.1.501");
    }

    [Fact]
    public void Validate_ThroughAnIntermediateOnTheList_IsValid_AndNotWithoutTheRoot()
    {
        var root = Root(KeyAlgorithm.Rsa);
        var intermediate = CertificateAuthority.CreateIntermediate(root, KeyAlgorithm.Sm2, "中级 CA", "测试 CA", Now.AddDays(-10), Now.AddYears(5));
        var leaf = Issue(intermediate, KeyAlgorithm.Sm2);

        CertificateValidator.Validate(leaf.Certificate, [new(root.Certificate), new(intermediate.Certificate)], Now).Chain.Count.ShouldBe(3);
        CertificateValidator.Validate(leaf.Certificate, [new(root.Certificate)], Now, [intermediate.Certificate]).IsValid.ShouldBeTrue();
        CertificateValidator.Validate(leaf.Certificate, [new(intermediate.Certificate)], Now).Problem.ShouldBe(CertificateProblem.Untrusted);
    }

    [Fact]
    public void Validate_OutsideItsValidity_IsExpiredOrNotYetValid()
    {
        var root = Root(KeyAlgorithm.Sm2);
        var leaf = Issue(root, KeyAlgorithm.Sm2);

        CertificateValidator.Validate(leaf.Certificate, [new(root.Certificate)], Now.AddYears(2)).Problem.ShouldBe(CertificateProblem.Expired);
        CertificateValidator.Validate(leaf.Certificate, [new(root.Certificate)], Now.AddDays(-2)).Problem.ShouldBe(CertificateProblem.NotYetValid);
    }

    [Fact]
    public void Validate_OfAnUnlistedCa_IsUntrusted()
    {
        var leaf = Issue(Root(KeyAlgorithm.Rsa), KeyAlgorithm.Rsa);

        CertificateValidator.Validate(leaf.Certificate, [new(Root(KeyAlgorithm.Sm2, "另一 CA").Certificate)], Now).Problem
            .ShouldBe(CertificateProblem.Untrusted);
    }

    [Fact]
    public void Validate_ByAnImpostorWithTheListedCasName_HasAnInvalidSignature()
    {
        var listed = Root(KeyAlgorithm.Sm2);
        var impostor = Root(KeyAlgorithm.Sm2);
        var leaf = Issue(impostor, KeyAlgorithm.Sm2);

        CertificateValidator.Validate(leaf.Certificate, [new(listed.Certificate)], Now).Problem.ShouldBe(CertificateProblem.SignatureInvalid);
    }

    [Fact]
    public void Validate_RevokedByTheIssuersList_IsRevoked_AndAStaleListIsRefused()
    {
        var root = Root(KeyAlgorithm.Sm2);
        var leaf = Issue(root, KeyAlgorithm.Sm2);
        var other = Issue(root, KeyAlgorithm.Sm2);
        var crl = CertificateAuthority.IssueRevocationList(root, [leaf.Certificate], Now.AddHours(-1), Now.AddDays(7));

        CertificateValidator.Validate(leaf.Certificate, [new(root.Certificate, crl)], Now).Problem.ShouldBe(CertificateProblem.Revoked);
        CertificateValidator.Validate(other.Certificate, [new(root.Certificate, crl)], Now).IsValid.ShouldBeTrue();
        CertificateValidator.Validate(other.Certificate, [new(root.Certificate, crl)], Now.AddDays(8)).Problem
            .ShouldBe(CertificateProblem.RevocationListStale);
        crl.IsIssuedBy(root.Certificate).ShouldBeTrue();
        crl.IsIssuedBy(Root(KeyAlgorithm.Sm2).Certificate).ShouldBeFalse();
    }

    [Fact]
    public void Validate_WithoutDigitalSignatureKeyUsage_IsRefused()
    {
        var root = Root(KeyAlgorithm.Rsa);
        var leaf = CertificateAuthority.Issue(root, KeyAlgorithm.Rsa, Holder, Now.AddDays(-1), Now.AddYears(1), KeyUsage.KeyEncipherment);

        CertificateValidator.Validate(leaf.Certificate, [new(root.Certificate)], Now).Problem.ShouldBe(CertificateProblem.KeyUsage);
    }

    [Fact]
    public void Parse_PemAndDer_ReadTheSameCertificateKeyAndList()
    {
        var root = Root(KeyAlgorithm.Sm2);
        var leaf = Issue(root, KeyAlgorithm.Sm2);
        var crl = CertificateAuthority.IssueRevocationList(root, [], Now, Now.AddDays(1));

        Certificate.Parse(Encoding.ASCII.GetBytes(leaf.Certificate.ToPem())).Fingerprint.ShouldBe(leaf.Certificate.Fingerprint);
        Certificate.Parse(leaf.Certificate.Der).Fingerprint.ShouldBe(leaf.Certificate.Fingerprint);
        Certificate.ParseAll(Encoding.ASCII.GetBytes(leaf.Certificate.ToPem() + root.Certificate.ToPem())).Count.ShouldBe(2);
        RevocationList.Parse(Encoding.ASCII.GetBytes(crl.ToPem())).Der.ShouldBe(crl.Der);
        var key = PrivateKey.Parse(Encoding.ASCII.GetBytes(leaf.Key.ToPem()));
        key.Algorithm.ShouldBe(KeyAlgorithm.Sm2);
        leaf.Certificate.VerifySignature("x"u8, key.Sign("x"u8)).ShouldBeTrue();
        leaf.Certificate.SubjectValues(Certificate.OrganizationIdentifier).ShouldBe(["91990102MA3E5M9R8X"]);
        leaf.Certificate.CommonName.ShouldBe("冯志远");
        Should.Throw<CertificateFormatException>(() => Certificate.Parse("not a certificate"u8));
        Should.Throw<CertificateFormatException>(() => Certificate.Parse([0x30, 0x03, 0x02, 0x01, 0x01]));
        Should.Throw<CertificateFormatException>(() => PrivateKey.Parse("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n"u8));
    }

    private static CertificateWithKey Root(KeyAlgorithm algorithm, string name = "测试根 CA") =>
        CertificateAuthority.CreateRoot(algorithm, name, "测试 CA", Now.AddYears(-1), Now.AddYears(10));

    private static CertificateWithKey Issue(CertificateWithKey issuer, KeyAlgorithm algorithm) =>
        CertificateAuthority.Issue(issuer, algorithm, Holder, Now.AddDays(-1), Now.AddYears(1));
}
