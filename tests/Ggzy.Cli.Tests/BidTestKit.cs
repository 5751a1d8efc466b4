using System.CommandLine;
using Ggzy.Cli.Bids;
using Ggzy.Sealing.Envelope;
using Ggzy.Sealing.Pki;
using Xunit;

namespace Ggzy.Cli.Tests;

/// <summary>Runs <c>ggzy bid …</c> in-process against a given transport, and makes the files a bid needs.</summary>
internal static class BidTestKit
{
    public const string CreditCode = "91990102MA3E5M9R8X";

    public static async Task<CliRun> InvokeAsync(BidTransport transport, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var console = CliConsole.Captured(output, error);
        var database = new DatabaseSelection();
        var root = new RootCommand("ggzy");
        database.AddTo(root);
        root.Subcommands.Add(BidCommand.Create(database, console, transport));
        var code = await root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error },
            TestContext.Current.CancellationToken);
        return new CliRun(code, output.ToString(), error.ToString());
    }

    /// <summary>A fresh temporary directory, removed when disposed.</summary>
    public static TemporaryDirectory Directory() => new();

    /// <summary>An SM2 holder certificate with the bidder's credit code, and its key, issued by a throwaway CA.</summary>
    public static CertificateWithKey Holder(KeyAlgorithm algorithm = KeyAlgorithm.Sm2, string creditCode = CreditCode)
    {
        var now = TimeProvider.System.GetUtcNow();
        var ca = CertificateAuthority.CreateRoot(algorithm, "测试 CA", "测试", now.AddDays(-1), now.AddYears(1));
        return CertificateAuthority.Issue(ca, algorithm, new CertificateSubject("冯志远", "安和宏远建筑工程有限公司", creditCode),
            now.AddDays(-1), now.AddYears(1));
    }

    /// <summary>Seals an envelope of about <paramref name="documentBytes"/> random bytes for <paramref name="lotCode"/>.</summary>
    public static string SealEnvelope(string directory, string lotCode, int documentBytes, string name = "bid.gse")
    {
        var holder = Holder();
        var documents = new byte[documentBytes];
        Random.Shared.NextBytes(documents);
        var path = Path.Combine(directory, name);
        using var output = File.Create(path);
        SealedEnvelope.Seal(lotCode, CreditCode, new ToolFingerprint("ggzy/test", "machine", "02-42-AC-11-00-02"),
            [
                new SectionInput("price-sheet", "开标一览表.pdf", new MemoryStream("投标报价：壹仟万元整"u8.ToArray())),
                new SectionInput("doc-1", "投标文件.zip", new MemoryStream(documents)),
            ],
            holder.Certificate, holder.Key, output);
        return path;
    }
}

/// <summary>A directory under the system's temporary directory, deleted with its content on dispose.</summary>
internal sealed class TemporaryDirectory : IDisposable
{
    public TemporaryDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "ggzy-bid-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temporary directory is harmless.
        }
    }
}
