using System.Text;
using Ggzy.Platform.Rules;
using Ggzy.Sealing.Archive;
using Ggzy.Sealing.Pki;
using Ggzy.TestKit.Archives;
using Ggzy.Trading.Domain.Archive;
using Ggzy.Trading.Domain.Schedule;

namespace Ggzy.Trading.Tests.Archive;

public sealed class ArchivePackageTests
{
    private static readonly PrivateKey Platform = CertificateAuthority.NewKey(KeyAlgorithm.Sm2);
    private static readonly PrivateKey Other = CertificateAuthority.NewKey(KeyAlgorithm.Sm2);
    private static readonly Lazy<byte[]> Package = new(() => ArchivePackages.Build(Platform));

    private static ArchiveVerification Verify(byte[] package, PublicKey? key = null) =>
        ArchiveVerifier.Verify(new MemoryStream(package), "lot.zip", key);

    private static ArchiveLot Lot(Regime regime = Regime.Procurement) =>
        new("E9901000001001", "东湖公园景观提升工程", "E9901000001001001", "施工", regime, ProcurementMethod.OpenTender, ArchiveOutcome.Awarded,
            new DateOnly(2026, 5, 20));

    [Fact]
    public void Build_ThenVerify_IsIntact_WithThePlatformKeyOrTheOneInside()
    {
        var verification = Verify(Package.Value, Platform.PublicKey);

        verification.IsIntact.ShouldBeTrue(string.Join("\n", verification.Faults));
        verification.KeyGiven.ShouldBeTrue();
        verification.KeyFingerprint.ShouldBe(Platform.PublicKey.Fingerprint);
        verification.DocumentsChecked.ShouldBe(3);
        var manifest = verification.Manifest.ShouldNotBeNull();
        manifest.Format.ShouldBe("ggzy.archive-manifest.v1");
        manifest.Entries.Select(e => (e.Path, e.Size, e.Sm3))
            .ShouldBe(ArchivePackages.Documents.Select(d => (d.Path, (long)d.Content.Length, ArchivePackages.Sm3Of(d.Content))));
        var inside = Verify(Package.Value);
        inside.IsIntact.ShouldBeTrue();
        inside.KeyGiven.ShouldBeFalse();
    }

    [Fact]
    public void Package_IsAnOrdinaryZip_InTheDocumentedOrder()
    {
        var files = ArchivePackages.Read(Package.Value);

        files.Select(f => f.Name).ShouldBe([.. ArchivePackages.Documents.Select(d => d.Path), "manifest.json", "manifest.sig", "platform-key.pem"]);
        files[0].Content.ShouldBe(ArchivePackages.Documents[0].Content);
        Encoding.UTF8.GetString(files[3].Content).ShouldContain("\"lot\": {");
        ArchivePackages.Rewrite(Package.Value, _ => { }).ShouldBe(Package.Value); // the layout is exactly the documented one
    }

    [Fact]
    public void Verify_OneByteChangedAnywhere_Fails_NamingTheFile()
    {
        var package = Package.Value;
        var files = ArchivePackages.Read(package);
        var regions = Regions(package, files);
        for (var i = 0; i < package.Length; i++)
        {
            var changed = (byte[])package.Clone();
            changed[i] ^= 0x01;

            var verification = Verify(changed, Platform.PublicKey);

            verification.IsIntact.ShouldBeFalse($"a change at byte {i} went unnoticed");
            if (regions.FirstOrDefault(r => i >= r.From && i < r.To) is { Name: not null } region)
            {
                var text = string.Join("\n", verification.Faults.Select(f => f.File + "：" + f.Message));
                text.ShouldContain(region.Name, Case.Sensitive, $"a change at byte {i}, inside {region.Name}");
            }
        }
    }

    // The data of every file in the package, by the position of its bytes.
    private static List<(string? Name, int From, int To)> Regions(byte[] package, List<(string Name, byte[] Content)> files)
    {
        var regions = new List<(string? Name, int From, int To)>();
        var at = 0;
        foreach (var (name, content) in files)
        {
            var start = at + 30 + Encoding.UTF8.GetByteCount(name);
            package.AsSpan(start, content.Length).SequenceEqual(content).ShouldBeTrue();
            regions.Add((name, at, start + content.Length)); // the local header names the file too
            at = start + content.Length;
        }

        return regions;
    }

    [Fact]
    public void Verify_AnExtraFile_IsNamed()
    {
        var package = ArchivePackages.Rewrite(Package.Value, files => files.Insert(2, ("04-投标文件/补充.pdf", [1, 2, 3])));

        var fault = Verify(package, Platform.PublicKey).Faults.ShouldHaveSingleItem();

        fault.Kind.ShouldBe(ArchiveFaultKind.Extra);
        fault.File.ShouldBe("04-投标文件/补充.pdf");
    }

    [Fact]
    public void Verify_AMissingFile_IsNamed()
    {
        var package = ArchivePackages.Rewrite(Package.Value, files => files.RemoveAt(1));

        var fault = Verify(package, Platform.PublicKey).Faults.ShouldHaveSingleItem();

        fault.Kind.ShouldBe(ArchiveFaultKind.Missing);
        fault.File.ShouldBe("05-开标记录/开标记录.json");
    }

    [Fact]
    public void Verify_AReplacedDocument_IsNamed()
    {
        var package = ArchivePackages.Rewrite(Package.Value, files => ArchivePackages.Replace(files, "10-合同/合同.pdf", Encoding.UTF8.GetBytes("%PDF-1.7 合同 甲方 丙方")));

        var fault = Verify(package, Platform.PublicKey).Faults.ShouldHaveSingleItem();

        fault.Kind.ShouldBe(ArchiveFaultKind.Content);
        fault.File.ShouldBe("10-合同/合同.pdf");
    }

    [Fact]
    public void Verify_AManifestEditedWithoutTheKey_FailsItsSignature()
    {
        var package = ArchivePackages.Rewrite(Package.Value, files =>
        {
            var manifest = Encoding.UTF8.GetString(files.Single(f => f.Name == "manifest.json").Content);
            ArchivePackages.Replace(files, "manifest.json", Encoding.UTF8.GetBytes(manifest.Replace("\"years\": 15", "\"years\": 5", StringComparison.Ordinal)));
        });

        var fault = Verify(package).Faults.ShouldHaveSingleItem();

        fault.Kind.ShouldBe(ArchiveFaultKind.Signature);
        fault.File.ShouldBe("manifest.json");
    }

    [Fact]
    public void Verify_AManifestForgedWithAnotherKey_FailsAgainstThePlatformKey()
    {
        var forged = ArchivePackages.Resign(ArchivePackages.Rewrite(Package.Value,
                files => ArchivePackages.Replace(files, "10-合同/合同.pdf", Encoding.UTF8.GetBytes("伪造的合同"))),
            m => m with
            {
                Entries = [.. m.Entries.Select(e => e.Path == "10-合同/合同.pdf"
                    ? e with { Size = Encoding.UTF8.GetByteCount("伪造的合同"), Sm3 = ArchivePackages.Sm3Of(Encoding.UTF8.GetBytes("伪造的合同")) }
                    : e)],
            }, Other);

        var trusted = Verify(forged, Platform.PublicKey);
        trusted.IsIntact.ShouldBeFalse();
        trusted.Faults.ShouldContain(f => f.File == "platform-key.pem" && f.Kind == ArchiveFaultKind.Signature);
        trusted.Faults.ShouldContain(f => f.File == "manifest.json" && f.Kind == ArchiveFaultKind.Signature);

        // With only the key inside, the forgery is consistent: the verifier says which key signed it, for comparison.
        var untrusted = Verify(forged);
        untrusted.IsIntact.ShouldBeTrue();
        untrusted.KeyGiven.ShouldBeFalse();
        untrusted.KeyFingerprint.ShouldBe(Other.PublicKey.Fingerprint);
        untrusted.KeyFingerprint.ShouldNotBe(Platform.PublicKey.Fingerprint);
    }

    [Fact]
    public void Verify_SomethingThatIsNotAPackage_SaysSo()
    {
        Verify([1, 2, 3]).Faults.ShouldHaveSingleItem().Kind.ShouldBe(ArchiveFaultKind.NotAPackage);
        Verify(Package.Value[..^1]).Faults.ShouldHaveSingleItem().File.ShouldBe("lot.zip");
    }

    [Fact]
    public void Builder_PutsDocumentsInTheFoldersOfTheirKind_AndNumbersRepeatedNames()
    {
        using var output = new MemoryStream();
        var manifest = ArchivePackageBuilder.Build(output, Guid.CreateVersion7(), ArchivePackages.BuiltAt, Lot(),
            ArchiveRetentions.Procurement(new DateOnly(2026, 5, 20)),
            [
                new ArchiveDocument(ArchiveDocumentKind.TenderDocuments, "招标文件.pdf", null, () => new MemoryStream([1])),
                new ArchiveDocument(ArchiveDocumentKind.Bid, "投标文件.gse", "甲公司投标文件", () => new MemoryStream([2])),
                new ArchiveDocument(ArchiveDocumentKind.Bid, "投标文件.gse", "乙公司投标文件", () => new MemoryStream([3])),
                new ArchiveDocument(ArchiveDocumentKind.LedgerExtract, "账本:摘录/2026.jsonl", null, () => new MemoryStream([4])),
            ],
            ArchiveSigner.From(Platform));

        manifest.Entries.Select(e => e.Path).ShouldBe(["02-招标文件/招标文件.pdf", "04-投标文件/投标文件.gse", "04-投标文件/投标文件 (2).gse", "11-交易记录/账本_摘录_2026.jsonl"]);
        manifest.Entries.Select(e => e.Kind).ShouldBe(["tender-documents", "bid", "bid", "ledger-extract"]);
        manifest.Entries[0].Title.ShouldBe("招标文件");
        manifest.Entries[2].Title.ShouldBe("乙公司投标文件");
        manifest.Procedure.ShouldBe(new ArchiveProcedure("procurement", "open-tender", "awarded", new DateOnly(2026, 5, 20)));
        Verify(output.ToArray(), Platform.PublicKey).IsIntact.ShouldBeTrue();
    }

    [Fact]
    public void Verify_ChecksTheDocumentsThePlatformSignedOnTheirOwn()
    {
        var report = Encoding.UTF8.GetBytes("<!DOCTYPE html><html><body>评标报告</body></html>");
        byte[] Build(byte[] signature)
        {
            using var output = new MemoryStream();
            ArchivePackageBuilder.Build(output, Guid.CreateVersion7(), ArchivePackages.BuiltAt, Lot(), ArchiveRetentions.Procurement(new DateOnly(2026, 5, 20)),
            [
                new ArchiveDocument(ArchiveDocumentKind.EvaluationReport, "evaluation-report.html", "评标报告", () => new MemoryStream(report)),
                new ArchiveDocument(ArchiveDocumentKind.EvaluationReport, "evaluation-report.sig", "评标报告的平台签名", () => new MemoryStream(signature)),
            ], ArchiveSigner.From(Platform));
            return output.ToArray();
        }

        var good = Verify(Build(Platform.Sign(report)), Platform.PublicKey);
        good.IsIntact.ShouldBeTrue(string.Join("\n", good.Faults));
        good.SignaturesChecked.ShouldBe(1);

        // Signed by another key, or over other bytes: the manifest holds (the platform packed what it was given), the report's own signature does not.
        foreach (var wrong in new[] { Other.Sign(report), Platform.Sign([.. report, 0x20]) })
        {
            var fault = Verify(Build(wrong), Platform.PublicKey).Faults.ShouldHaveSingleItem();
            fault.Kind.ShouldBe(ArchiveFaultKind.Signature);
            fault.File.ShouldBe("06-评标报告/evaluation-report.html");
        }
    }

    [Fact]
    public void Retention_Procurement_IsFifteenYearsFromTheEnd_OrTheLongerLocalValue()
    {
        var national = ArchiveRetentions.Procurement(new DateOnly(2026, 5, 20));
        national.Years.ShouldBe(15);
        national.Until.ShouldBe(new DateOnly(2041, 5, 20));
        national.Basis.ShouldContain("《中华人民共和国政府采购法》第四十二条");
        StatutoryRules.ProcurementRecordRetention.Unit.ShouldBe(RuleUnit.Years);

        var local = ArchiveRetentions.Procurement(new DateOnly(2026, 5, 20),
            new EffectiveRule(StatutoryRules.ProcurementRecordRetention, 20, "《安和市政府采购档案管理办法》第六条", null));
        local.Years.ShouldBe(20);
        local.Basis.ShouldContain("安和市");
    }

    [Fact]
    public void Retention_Tender_HasNoNationalNumber_UnlessConfigured()
    {
        var none = ArchiveRetentions.Tender(new DateOnly(2026, 5, 20));
        none.Years.ShouldBeNull();
        none.Basis.ShouldContain("未规定统一的工程招标档案保存年限");

        var configured = ArchiveRetentions.Tender(new DateOnly(2026, 5, 20), 30, "《安和市建设工程招标投标档案管理规定》第九条");
        configured.Until.ShouldBe(new DateOnly(2056, 5, 20));
    }

    [Theory]
    [InlineData("manifest.json")]
    [InlineData("../招标文件.pdf")]
    [InlineData("/abs.pdf")]
    [InlineData("a//b.pdf")]
    [InlineData("a\\b.pdf")]
    public void Writer_RefusesAPathThatCouldEscapeOrCollide(string path)
    {
        using var output = new MemoryStream();

        Should.Throw<ArchiveFormatException>(() => ArchivePackageWriter.Write(output, ArchivePackages.Description,
            [new ArchiveSource(path, "other", "x", () => new MemoryStream([1]))], ArchiveSigner.From(Platform))).Code.ShouldBe(ArchiveErrors.Path);
    }
}
