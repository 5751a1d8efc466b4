using System.Text.Json;
using System.Text.RegularExpressions;
using Ggzy.Cli.Bids;
using Ggzy.Platform.Demo;
using Ggzy.Sealing.Envelope;
using Ggzy.Sealing.Pki;
using Shouldly;
using Xunit;

namespace Ggzy.Cli.Tests;

/// <summary><c>ggzy bid seal</c> with the demo's SM2 and RSA certificates: what it writes opens with the bidder's key.</summary>
public sealed partial class BidSealTests : IDisposable
{
    private static readonly DemoCertificateSet Demo = DemoCertificates.Create(TimeProvider.System.GetUtcNow());

    private readonly TemporaryDirectory _directory = BidTestKit.Directory();

    public BidSealTests() => DemoCertificates.WriteTo(Demo, _directory.File("certs"));

    public void Dispose() => _directory.Dispose();

    private string Cert(string user) => Path.Combine(_directory.Path, "certs", user + ".cert.pem");

    private string Key(string user) => Path.Combine(_directory.Path, "certs", user + ".key.pem");

    private string Write(string name, byte[] content)
    {
        var path = _directory.File(name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, content);
        return path;
    }

    [Theory]
    [InlineData("bidder", KeyAlgorithm.Sm2)]
    [InlineData("bidder2", KeyAlgorithm.Rsa)]
    public async Task Seal_WithADemoCertificate_WritesAnEnvelopeThatVerifiesAndOpensWithTheKey(string user, KeyAlgorithm algorithm)
    {
        var holder = Demo.Holders.Single(h => h.UserName == user);
        holder.Issued.Key.Algorithm.ShouldBe(algorithm);
        var technical = Write("技术标.pdf", [.. Enumerable.Range(0, 70_000).Select(i => (byte)(i * 7))]);
        var commercial = Write("sub/商务标.zip", [1, 2, 3]);
        var output = _directory.File("out/bid.gse");

        var run = await CliRun.InvokeAsync(["bid", "seal", "--lot", "E9901000001001001", "--price", "9876543.21", "--item", "工期=365日历天",
            "--item", "项目负责人=冯志远", "--files", technical, commercial, "--cert", Cert(user), "--key", Key(user), "--out", output, "--json"]);

        run.ExitCode.ShouldBe(ExitCodes.Ok, run.Out + run.Error);
        var answer = JsonDocument.Parse(run.Out).RootElement;
        answer.GetProperty("bidderCreditCode").GetString().ShouldBe(holder.CreditCode);
        answer.GetProperty("digest").GetString().ShouldBe(EnvelopeFiles.Describe(output).Digest);
        answer.GetProperty("size").GetInt64().ShouldBe(new FileInfo(output).Length);
        Directory.GetFiles(Path.GetDirectoryName(output)!).ShouldBe([output]);

        await using var stream = File.OpenRead(output);
        var envelope = SealedEnvelope.Read(stream);
        envelope.Verify().IsValid.ShouldBeTrue();
        envelope.Header.LotCode.ShouldBe("E9901000001001001");
        envelope.Header.BidderCreditCode.ShouldBe(holder.CreditCode);
        envelope.Header.Tool.Version.ShouldStartWith("ggzy/");
        envelope.Header.Tool.MachineId.ShouldNotBeNullOrWhiteSpace();
        MacPattern().IsMatch(envelope.Header.Tool.Mac).ShouldBeTrue(envelope.Header.Tool.Mac);
        envelope.Header.Sections.Select(s => (s.Name, s.FileName))
            .ShouldBe([("price-sheet", "开标一览表.json"), ("doc-1", "技术标.pdf"), ("doc-2", "商务标.zip")]);

        var opened = envelope.Unseal(envelope.UnwrapKey(holder.Issued.Key));
        opened.Skip(1).Select(s => s.Content).ShouldBe([File.ReadAllBytes(technical), File.ReadAllBytes(commercial)]);
        var sheet = JsonDocument.Parse(opened[0].Content).RootElement;
        sheet.GetProperty("format").GetString().ShouldBe("ggzy.price-sheet.v1");
        sheet.GetProperty("lotCode").GetString().ShouldBe("E9901000001001001");
        sheet.GetProperty("bidderCreditCode").GetString().ShouldBe(holder.CreditCode);
        sheet.GetProperty("totalPrice").GetString().ShouldBe("9876543.21");
        sheet.GetProperty("items").GetProperty("工期").GetString().ShouldBe("365日历天");
        sheet.GetProperty("items").GetProperty("项目负责人").GetString().ShouldBe("冯志远");
    }

    [Fact]
    public async Task Seal_AsText_SaysWhatWasSealed()
    {
        var output = _directory.File("bid.gse");

        var run = await CliRun.InvokeAsync(["bid", "seal", "--lot", "E9901000001001001", "--price", "100",
            "--files", Write("doc.pdf", [8]), "--cert", Cert("bidder"), "--key", Key("bidder"), "--out", output]);

        run.ExitCode.ShouldBe(ExitCodes.Ok, run.Error);
        run.Out.ShouldContain($"已密封：{output}");
        run.Out.ShouldContain("分段 price-sheet：开标一览表.json（");
        run.Out.ShouldContain("分段 doc-1：doc.pdf（1 字节）");
        run.Out.ShouldContain("信封摘要（SM3）" + EnvelopeFiles.Describe(output).Digest);
    }

    [Theory]
    [InlineData("a\\b.pdf")]
    [InlineData("c:d.pdf")]
    [InlineData("tab\there.pdf")]
    public async Task Seal_AFileWhoseNameIsPathLike_IsRefused(string name)
    {
        var output = _directory.File("bid.gse");

        var run = await CliRun.InvokeAsync(["bid", "seal", "--lot", "E9901000001001001", "--price", "1.00",
            "--files", Write(name, [2]), "--cert", Cert("bidder"), "--key", Key("bidder"), "--out", output]);

        run.ExitCode.ShouldBe(ExitCodes.Error);
        run.Error.ShouldContain("不能写入投标文件");
        File.Exists(output).ShouldBeFalse();
    }

    [Fact]
    public async Task Seal_WithAnotherCertificatesKey_IsRefused_AndWritesNothing()
    {
        var output = _directory.File("bid.gse");

        var run = await CliRun.InvokeAsync(["bid", "seal", "--lot", "E9901000001001001", "--price", "1.00",
            "--files", Write("doc.pdf", [2]), "--cert", Cert("bidder"), "--key", Key("tenderer"), "--out", output]);

        run.ExitCode.ShouldBe(ExitCodes.Error);
        run.Error.ShouldContain("私钥与证书不匹配");
        Directory.GetFiles(_directory.Path).ShouldNotContain(f => f.EndsWith(".gse", StringComparison.Ordinal) || f.EndsWith(".tmp", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Seal_ForAnotherBiddersCreditCode_IsRefused()
    {
        var other = Demo.Holders.Single(h => h.UserName == "bidder2").CreditCode;

        var run = await CliRun.InvokeAsync(["bid", "seal", "--lot", "E9901000001001001", "--bidder", other,
            "--price", "1.00", "--files", Write("doc.pdf", [2]), "--cert", Cert("bidder"), "--key", Key("bidder"),
            "--out", _directory.File("bid.gse")]);

        run.ExitCode.ShouldBe(ExitCodes.Error);
        run.Error.ShouldContain("与证书中的统一社会信用代码");
    }

    [Fact]
    public async Task Seal_WithAReadyPriceSheet_TakesItAsIs_AndRefusesOneThatIsNotV1()
    {
        var holder = Demo.Holders.Single(h => h.UserName == "bidder");
        var json = JsonSerializer.Serialize(new
        {
            format = "ggzy.price-sheet.v1",
            lotCode = "E9901000001001001",
            bidderCreditCode = holder.CreditCode,
            totalPrice = "42.50",
            items = new Dictionary<string, string> { ["质量"] = "合格" },
        });
        var ready = Write("sheet.json", System.Text.Encoding.UTF8.GetBytes(json));
        var output = _directory.File("bid.gse");

        var run = await CliRun.InvokeAsync(["bid", "seal", "--lot", "E9901000001001001", "--price-sheet", ready,
            "--files", Write("doc.pdf", [8]), "--cert", Cert("bidder"), "--key", Key("bidder"), "--out", output]);

        run.ExitCode.ShouldBe(ExitCodes.Ok, run.Error);
        await using (var stream = File.OpenRead(output))
        {
            var envelope = SealedEnvelope.Read(stream);
            envelope.Unseal(envelope.UnwrapKey(holder.Issued.Key))[0].Content.ShouldBe(File.ReadAllBytes(ready));
        }

        var pdf = await CliRun.InvokeAsync(["bid", "seal", "--lot", "E9901000001001001", "--price-sheet", Write("price.pdf", [1]),
            "--files", Write("doc.pdf", [8]), "--cert", Cert("bidder"), "--key", Key("bidder"), "--out", _directory.File("pdf.gse")]);
        pdf.ExitCode.ShouldBe(ExitCodes.Error);
        pdf.Error.ShouldContain("不是有效的开标一览表");
        File.Exists(_directory.File("pdf.gse")).ShouldBeFalse();
    }

    [Theory]
    [InlineData("1,234.567")]
    [InlineData("-5")]
    [InlineData("1e6")]
    [InlineData("一百万")]
    public async Task Seal_WithAPriceThatIsNotAnAmountInYuan_IsRefused(string price)
    {
        var run = await CliRun.InvokeAsync(["bid", "seal", "--lot", "E9901000001001001", "--price", price,
            "--files", Write("doc.pdf", [8]), "--cert", Cert("bidder"), "--key", Key("bidder"), "--out", _directory.File("bid.gse")]);

        run.ExitCode.ShouldBe(ExitCodes.Error);
        run.Error.ShouldContain("不是有效的投标总价");
    }

    [Fact]
    public void ToolFingerprint_IsStableOnThisMachine()
    {
        var first = ToolFingerprints.Current();
        var second = ToolFingerprints.Current();

        second.ShouldBe(first);
        MacPattern().IsMatch(first.Mac).ShouldBeTrue(first.Mac);
    }

    [GeneratedRegex("^$|^[0-9A-F]{2}(-[0-9A-F]{2})+$")]
    private static partial Regex MacPattern();
}
