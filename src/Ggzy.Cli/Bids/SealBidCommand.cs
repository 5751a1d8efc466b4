using System.CommandLine;
using Ggzy.Cli.Certificates;
using Ggzy.Sealing.Envelope;
using Ggzy.Sealing.Pki;

namespace Ggzy.Cli.Bids;

/// <summary>
/// <c>ggzy bid seal</c>: seals the price sheet and the bid documents on this machine into one envelope
/// (docs/sealed-envelope.md), encrypted to the bidder's certificate and signed with its key, and writes it whole or not at all.
/// </summary>
internal static class SealBidCommand
{
    public static Command Create(DatabaseSelection database, CliConsole console)
    {
        var lot = new Option<string>("--lot") { Description = "标段编号（交易编码）", HelpName = "CODE", Required = true };
        var bidder = new Option<string?>("--bidder")
        {
            Description = "投标人统一社会信用代码（默认取证书主题中的 organizationIdentifier）",
            HelpName = "CODE",
        };
        var price = new Option<string?>("--price") { Description = "投标总价（元，最多两位小数），生成开标一览表 ggzy.price-sheet.v1（开标时首先解密并唱标）", HelpName = "元" };
        var items = new Option<string[]>("--item")
        {
            Description = "开标一览表的其他唱标内容，名称=内容，可重复，如 --item 工期=365日历天 --item 质量=合格",
            HelpName = "名称=内容",
            AllowMultipleArgumentsPerToken = false,
            Arity = ArgumentArity.ZeroOrMore,
        };
        var priceSheet = new Option<string?>("--price-sheet") { Description = "现成的开标一览表 JSON 文件（ggzy.price-sheet.v1），代替 --price 和 --item", HelpName = "FILE" };
        var files = new Option<string[]>("--files")
        {
            Description = "投标文件（一个或多个，每个文件单独加密为一个分段）",
            HelpName = "FILE",
            Required = true,
            AllowMultipleArgumentsPerToken = true,
            Arity = ArgumentArity.OneOrMore,
        };
        var cert = new Option<string>("--cert") { Description = "投标人的数字证书（SM2 或 RSA，PEM 或 DER）", HelpName = "FILE", Required = true };
        var key = new Option<string>("--key") { Description = "与证书对应的私钥文件（未加密的 PEM；只在本机使用）", HelpName = "FILE", Required = true };
        var output = new Option<string>("--out") { Description = "输出的密封投标文件（.gse）", HelpName = "FILE", Required = true };
        var command = new Command("seal", "在本机密封投标文件：开标一览表与各投标文件分段 SM4 加密，内容密钥用证书公钥封装，信封头用证书私钥签名"
            + "（《电子招标投标办法》第二十六条）。")
        {
            lot, bidder, price, items, priceSheet, files, cert, key, output,
        };
        command.SetAction((result, ct) =>
        {
            var json = result.GetValue(database.Json);
            string Full(string path) => Path.GetFullPath(path, console.WorkingDirectory);
            return BidCommand.RunAsync(console, json, () => RunAsync(new SealRequest(
                result.GetValue(lot)!, result.GetValue(bidder), result.GetValue(price), result.GetValue(items) ?? [],
                result.GetValue(priceSheet) is { } sheet ? Full(sheet) : null,
                [.. result.GetValue(files)!.Select(Full)], Full(result.GetValue(cert)!), Full(result.GetValue(key)!),
                Full(result.GetValue(output)!)), console, json, ct));
        });
        return command;
    }

    private sealed record SealRequest(
        string LotCode, string? BidderCreditCode, string? Price, IReadOnlyList<string> Items, string? PriceSheet, IReadOnlyList<string> Files,
        string CertificateFile,
        string KeyFile, string Output);

    private static async Task<int> RunAsync(SealRequest request, CliConsole console, bool json, CancellationToken ct)
    {
        var lotCode = request.LotCode.Trim();
        if (lotCode.Length == 0)
        {
            throw new CliException("--lot 不能为空：请填写标段编号（交易编码）。");
        }

        if ((request.Price is null) == (request.PriceSheet is null) || (request.PriceSheet is not null && request.Items.Count > 0))
        {
            throw new CliException("请用 --price（及 --item）生成开标一览表，或用 --price-sheet 给出现成的 ggzy.price-sheet.v1 文件，二者选一。");
        }

        var inputs = SectionFiles.Plan(request.Files);
        var holder = await HolderKeyPair.LoadAsync(request.CertificateFile, request.KeyFile, ct);
        var bidderCode = BidderCode(request.BidderCreditCode, holder.Certificate);
        var tool = ToolFingerprints.Current();
        var sheet = request.Price is { } total
            ? PriceSheetInput.Build(lotCode, bidderCode, total, request.Items)
            : PriceSheetInput.Read(request.PriceSheet!, lotCode, bidderCode);

        var streams = new List<FileStream>();
        try
        {
            var sections = new List<SectionInput> { new(SealedEnvelope.PriceSheet, PriceSheetInput.FileName, new MemoryStream(sheet, writable: false)) };
            foreach (var (name, path) in inputs)
            {
                var stream = SectionFiles.Open(path);
                streams.Add(stream);
                sections.Add(new SectionInput(name, Path.GetFileName(path), stream));
            }

            // Sections are encrypted piece by piece into temporary files beside the output, so any permitted size seals in bounded memory.
            AtomicFile.Write(request.Output, stream => SealedEnvelope.Seal(lotCode, bidderCode, tool, sections, holder.Certificate,
                holder.Key, stream, Path.GetDirectoryName(request.Output)!));
        }
        catch (EnvelopeException e)
        {
            throw new CliException($"无法密封（{e.Code}）：{e.Message}");
        }
        finally
        {
            foreach (var stream in streams)
            {
                await stream.DisposeAsync();
            }
        }

        var facts = EnvelopeFiles.Describe(request.Output);
        await WriteAsync(console, json, facts, holder.Certificate);
        return ExitCodes.Ok;
    }

    private static string BidderCode(string? given, Certificate certificate)
    {
        var codes = certificate.SubjectValues(Certificate.OrganizationIdentifier);
        if (string.IsNullOrWhiteSpace(given))
        {
            return codes is [var code, ..]
                ? code
                : throw new CliException("证书主题中没有统一社会信用代码（organizationIdentifier）：请用 --bidder 指定投标人的统一社会信用代码。");
        }

        var bidder = given.Trim().ToUpperInvariant();
        return codes.Count == 0 || codes.Contains(bidder, StringComparer.Ordinal)
            ? bidder
            : throw new CliException($"--bidder {bidder} 与证书中的统一社会信用代码 {string.Join("、", codes)} 不一致：请使用本单位的数字证书密封。");
    }

    private static async Task WriteAsync(CliConsole console, bool json, EnvelopeFacts facts, Certificate certificate)
    {
        var header = facts.Header;
        if (json)
        {
            await CliOutput.WriteJsonAsync(console.Out, new
            {
                status = "sealed",
                path = facts.Path,
                lotCode = facts.LotCode,
                bidderCreditCode = facts.BidderCreditCode,
                certificate = certificate.Subject,
                sections = header.Sections.Select(s => new { s.Name, s.FileName, s.PlainLength, s.CipherLength }),
                size = facts.Size,
                digest = facts.Digest,
                tool = header.Tool,
            });
            return;
        }

        await console.Out.WriteLineAsync($"已密封：{facts.Path}");
        await console.Out.WriteLineAsync($"  标段 {facts.LotCode}，投标人 {facts.BidderCreditCode}，证书 {certificate.CommonName}（{Certificate.NameOf(certificate.KeyAlgorithm)}）");
        foreach (var section in header.Sections)
        {
            await console.Out.WriteLineAsync($"  分段 {section.Name}：{section.FileName}（{CliOutput.Count(section.PlainLength)} 字节）");
        }

        await console.Out.WriteLineAsync($"  大小 {CliOutput.Count(facts.Size)} 字节，信封摘要（SM3）{facts.Digest}");
        await console.Out.WriteLineAsync($"  工具指纹：{header.Tool.Version}，机器 {header.Tool.MachineId}，MAC {(header.Tool.Mac.Length > 0 ? header.Tool.Mac : "无")}");
        await console.Out.WriteLineAsync("用 ggzy bid submit --url 平台地址 --envelope 此文件 递交；投标截止前可重新密封并递交，新的投标替换旧的。");
    }
}
