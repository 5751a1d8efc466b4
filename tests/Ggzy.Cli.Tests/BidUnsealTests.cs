using Ggzy.Sealing.Envelope;
using Shouldly;
using Xunit;

namespace Ggzy.Cli.Tests;

/// <summary>
/// <c>ggzy bid unseal --key-only</c> reads only the envelope's header (docs/bid-opening.md §5): the content key comes out
/// of an envelope of any size in bounded memory — here one grown to 4 GiB (a sparse file, so the test costs nothing) and
/// one cut right after its header. Reading the whole envelope would take the 4 GiB and refuse both.
/// </summary>
public sealed class BidUnsealTests
{
    [Fact]
    public async Task KeyOnly_ReadsOnlyTheHeader_OfAHugeEnvelope_AndOfOneCutAfterItsHeader()
    {
        using var directory = BidTestKit.Directory();
        var holder = BidTestKit.Holder();
        var path = directory.File("bid.gse");
        await using (var output = File.Create(path))
        {
            SealedEnvelope.Seal("E9901000001001001", BidTestKit.CreditCode, new ToolFingerprint("ggzy/test", "machine", "02-42-AC-11-00-02"),
                [
                    new SectionInput("price-sheet", "开标一览表.pdf", new MemoryStream("投标报价：壹仟万元整"u8.ToArray())),
                    new SectionInput("doc-1", "投标文件.zip", new MemoryStream(new byte[200_000])),
                ],
                holder.Certificate, holder.Key, output);
        }

        string expected;
        long prefix;
        await using (var input = File.OpenRead(path))
        {
            var envelope = SealedEnvelope.Read(input);
            expected = Convert.ToHexStringLower(envelope.UnwrapKey(holder.Key));
            prefix = 16 + envelope.HeaderBytes.Length + envelope.Signature.Length;
        }

        var key = directory.File("key.pem");
        await File.WriteAllTextAsync(key, holder.Key.ToPem(), TestContext.Current.CancellationToken);

        var huge = directory.File("huge.gse");
        File.Copy(path, huge);
        await using (var grown = new FileStream(huge, FileMode.Open, FileAccess.Write))
        {
            grown.SetLength(4L << 30);
        }

        var cut = directory.File("cut.gse");
        await using (var source = File.OpenRead(path))
        await using (var target = File.Create(cut))
        {
            var bytes = new byte[prefix];
            await source.ReadExactlyAsync(bytes, TestContext.Current.CancellationToken);
            await target.WriteAsync(bytes, TestContext.Current.CancellationToken);
        }

        foreach (var file in new[] { path, huge, cut })
        {
            var run = await CliRun.InvokeAsync(["bid", "unseal", "--envelope", file, "--key", key, "--key-only"]);
            run.ExitCode.ShouldBe(ExitCodes.Ok, $"{Path.GetFileName(file)}: {run.Error}");
            run.Out.Trim().ShouldBe(expected, Path.GetFileName(file));
        }

        // A file cut inside its header still cannot give a key.
        var broken = directory.File("broken.gse");
        await using (var source = File.OpenRead(path))
        await using (var target = File.Create(broken))
        {
            var bytes = new byte[prefix / 2];
            await source.ReadExactlyAsync(bytes, TestContext.Current.CancellationToken);
            await target.WriteAsync(bytes, TestContext.Current.CancellationToken);
        }

        var refused = await CliRun.InvokeAsync(["bid", "unseal", "--envelope", broken, "--key", key, "--key-only"]);
        refused.ExitCode.ShouldBe(ExitCodes.Error);
        refused.Error.ShouldContain("ENV_");
    }
}
