using System.Text;
using System.Text.Json;
using Ggzy.Sealing.Pki;
using Ggzy.TestKit.Archives;
using Shouldly;
using Xunit;

namespace Ggzy.Cli.Tests;

/// <summary><c>ggzy archive verify</c>: exit 0 for an intact package, 3 naming each file that fails, 1 for what cannot be read.</summary>
public sealed class ArchiveVerifyTests : IDisposable
{
    private static readonly PrivateKey Platform = CertificateAuthority.NewKey(KeyAlgorithm.Sm2);
    private static readonly PrivateKey Other = CertificateAuthority.NewKey(KeyAlgorithm.Sm2);
    private static readonly Lazy<byte[]> Package = new(() => ArchivePackages.Build(Platform));

    private readonly TemporaryDirectory _directory = BidTestKit.Directory();

    public void Dispose() => _directory.Dispose();

    private string Write(string name, byte[] content)
    {
        var path = _directory.File(name);
        File.WriteAllBytes(path, content);
        return path;
    }

    private string PlatformKey => Write("platform-key.pub.pem", Encoding.ASCII.GetBytes(Platform.PublicKey.ToPem()));

    [Fact]
    public async Task Verify_AnIntactPackage_ExitsZero_AndSaysWhatWasChecked()
    {
        var run = await CliRun.InvokeAsync(["archive", "verify", Write("lot.zip", Package.Value), "--platform-key", PlatformKey]);

        run.ExitCode.ShouldBe(ExitCodes.Ok, run.Out + run.Error);
        run.Out.ShouldContain("归档包完好：lot.zip");
        run.Out.ShouldContain("E9901000001001001");
        run.Out.ShouldContain("3 个文件");
        run.Out.ShouldContain("15 年，至 2041-05-20");
        run.Out.ShouldContain("由所给的平台公钥签发");
    }

    [Fact]
    public async Task Verify_WithoutThePlatformKey_SaysOnlyTheKeyInsideWasUsed()
    {
        var run = await CliRun.InvokeAsync(["archive", "verify", Write("lot.zip", Package.Value)]);

        run.ExitCode.ShouldBe(ExitCodes.Ok);
        run.Out.ShouldContain("只用包内的公钥核验");
        run.Out.ShouldContain(Platform.PublicKey.Fingerprint);
    }

    [Fact]
    public async Task Verify_OneByteChangedInADocument_ExitsThree_NamingIt()
    {
        var changed = (byte[])Package.Value.Clone();
        var contract = ArchivePackages.Documents.Single(d => d.Path == "10-合同/合同.pdf").Content;
        var at = changed.AsSpan().IndexOf(contract);
        changed[at + 3] ^= 0x20;

        var run = await CliRun.InvokeAsync(["archive", "verify", Write("lot.zip", changed), "--platform-key", PlatformKey]);

        run.ExitCode.ShouldBe(ExitCodes.ArchiveDamaged);
        run.Out.ShouldContain("归档包受损：lot.zip，1 处问题");
        run.Out.ShouldContain("10-合同/合同.pdf：");
    }

    [Fact]
    public async Task Verify_ExtraAndMissingFiles_AreEachNamed()
    {
        var package = ArchivePackages.Rewrite(Package.Value, files =>
        {
            files.RemoveAt(0);
            files.Insert(0, ("99-其他/说明.txt", Encoding.UTF8.GetBytes("补充说明")));
        });

        var run = await CliRun.InvokeAsync(["archive", "verify", Write("lot.zip", package), "--platform-key", PlatformKey, "--json"]);

        run.ExitCode.ShouldBe(ExitCodes.ArchiveDamaged);
        var answer = JsonDocument.Parse(run.Out).RootElement;
        answer.GetProperty("status").GetString().ShouldBe("damaged");
        var faults = answer.GetProperty("faults").EnumerateArray()
            .Select(f => (f.GetProperty("file").GetString(), f.GetProperty("kind").GetString())).ToList();
        faults.ShouldBe([("02-招标文件/招标文件.pdf", "missing"), ("99-其他/说明.txt", "extra")], ignoreOrder: true);
    }

    [Fact]
    public async Task Verify_AManifestForgedWithAnotherKey_FailsAgainstThePlatformKey()
    {
        var forged = ArchivePackages.Resign(Package.Value, m => m with { Retention = m.Retention with { Years = 1 } }, Other);
        var file = Write("lot.zip", forged);

        var run = await CliRun.InvokeAsync(["archive", "verify", file, "--platform-key", PlatformKey]);

        run.ExitCode.ShouldBe(ExitCodes.ArchiveDamaged);
        run.Out.ShouldContain("platform-key.pem：");
        run.Out.ShouldContain("清单签名验证失败");
        var alone = await CliRun.InvokeAsync(["archive", "verify", file, "--json"]);
        alone.ExitCode.ShouldBe(ExitCodes.Ok);
        var answer = JsonDocument.Parse(alone.Out).RootElement;
        answer.GetProperty("keyGiven").GetBoolean().ShouldBeFalse();
        answer.GetProperty("keyFingerprint").GetString().ShouldBe(Other.PublicKey.Fingerprint);
    }

    [Fact]
    public async Task Verify_WhatCannotBeRead_ExitsOne()
    {
        var missing = await CliRun.InvokeAsync(["archive", "verify", _directory.File("none.zip")]);
        missing.ExitCode.ShouldBe(ExitCodes.Error);
        missing.Error.ShouldContain("找不到归档包");

        var badKey = await CliRun.InvokeAsync(["archive", "verify", Write("lot.zip", Package.Value), "--platform-key", Write("key.pem", [1, 2, 3])]);
        badKey.ExitCode.ShouldBe(ExitCodes.Error);
        badKey.Error.ShouldContain("无法读取公钥");
    }

    [Fact]
    public async Task Verify_NotAPackage_ExitsThree_NamingThePackage()
    {
        var run = await CliRun.InvokeAsync(["archive", "verify", Write("notes.zip", Encoding.UTF8.GetBytes("这不是归档包"))]);

        run.ExitCode.ShouldBe(ExitCodes.ArchiveDamaged);
        run.Out.ShouldContain("notes.zip：");
    }
}
