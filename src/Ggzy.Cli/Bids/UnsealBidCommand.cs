using System.CommandLine;
using Ggzy.Platform.Time;
using Ggzy.Sealing.Envelope;
using Ggzy.Sealing.Pki;

namespace Ggzy.Cli.Bids;

/// <summary>
/// <c>ggzy bid unseal</c>: at the opening, unwraps the envelope's content key here with the certificate's private key
/// and sends only the content key to the platform, which decrypts and checks the bid inside the decryption window
/// (docs/bid-opening.md). The private key never leaves this machine; <c>--key-only</c> just prints the content key, for
/// the opening hall page. Only the envelope's header is read (bounded memory for an envelope of any size).
/// </summary>
internal static class UnsealBidCommand
{
    private const int Retries = 4;

    public static Command Create(DatabaseSelection database, CliConsole console, BidTransport transport)
    {
        var platform = new PlatformOptions();
        platform.Url.Required = false;
        var lot = new Option<string?>("--lot") { Description = "标段编号（交易编码）；默认取信封中的标段编号", HelpName = "CODE" };
        var envelope = new Option<string>("--envelope") { Description = "本单位递交的密封投标文件（.gse）", HelpName = "FILE", Required = true };
        var key = new Option<string>("--key") { Description = "密封时所用证书的私钥文件（未加密的 PEM；只在本机使用）", HelpName = "FILE", Required = true };
        var keyOnly = new Option<bool>("--key-only") { Description = "只在本机解出并显示内容密钥（32 位十六进制），不连接平台；可粘贴到开标大厅页面" };
        var command = new Command("unseal", "开标时解密本单位的投标文件：在本机用证书私钥解出内容密钥，只把内容密钥发给平台，由平台在解密时间内解密并核验"
            + "（《电子招标投标办法》第三十条、第三十一条）。");
        platform.AddTo(command);
        command.Options.Add(lot);
        command.Options.Add(envelope);
        command.Options.Add(key);
        command.Options.Add(keyOnly);
        command.SetAction((result, ct) =>
        {
            var json = result.GetValue(database.Json);
            return BidCommand.RunAsync(console, json, async () =>
            {
                var path = Path.GetFullPath(result.GetValue(envelope)!, console.WorkingDirectory);
                var (header, contentKey) = await UnwrapAsync(path, Path.GetFullPath(result.GetValue(key)!, console.WorkingDirectory), ct);
                var hex = Convert.ToHexStringLower(contentKey);
                System.Security.Cryptography.CryptographicOperations.ZeroMemory(contentKey);
                if (result.GetValue(keyOnly))
                {
                    await WriteKeyAsync(console, json, header, hex);
                    return ExitCodes.Ok;
                }

                if (result.GetValue(platform.Url) is null)
                {
                    throw new CliException("请用 --url 指定平台地址（或加 --key-only 只在本机解出内容密钥）。");
                }

                var lotCode = result.GetValue(lot)?.Trim() is { Length: > 0 } given ? given : header.LotCode;
                if (!string.Equals(lotCode, header.LotCode, StringComparison.Ordinal))
                {
                    throw new CliException($"信封是为标段 {header.LotCode} 密封的，不是 --lot {lotCode}：请核对投标文件。");
                }

                using var client = platform.Connect(result, console, transport);
                var retry = new Retrier(Retries, transport);
                var listing = await LotLookup.FindAsync(client, retry, lotCode, ct);

                // Decryption is idempotent on the platform's side (a decided bid is refused as such), so a lost answer may be retried.
                var decrypted = await retry.RunAsync(() => client.DecryptAsync(listing.LotId, hex, ct), ct);
                await WriteAsync(console, json, listing, decrypted);
                return decrypted.Outcome == "decrypted" ? ExitCodes.Ok : ExitCodes.Error;
            });
        });
        return command;
    }

    private static async Task<(EnvelopeHeader Header, byte[] Key)> UnwrapAsync(string path, string keyFile, CancellationToken ct)
    {
        PrivateKey privateKey;
        try
        {
            privateKey = PrivateKey.Parse(await File.ReadAllBytesAsync(keyFile, ct));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"无法读取私钥文件 {keyFile}：{e.Message}");
        }
        catch (CertificateFormatException e)
        {
            throw new CliException(e.Message);
        }

        try
        {
            // The header is at the start: only it is read, whatever the size of the envelope (the platform checks the rest).
            await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
            var header = SealedEnvelope.ReadHeader(file);
            return (header, SealedEnvelope.UnwrapKey(header, privateKey));
        }
        catch (EnvelopeException e)
        {
            throw new CliException($"无法从 {path} 解出内容密钥（{e.Code}）：{e.Message}");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"无法读取投标文件 {path}：{e.Message}");
        }
    }

    private static async Task WriteKeyAsync(CliConsole console, bool json, EnvelopeHeader header, string hex)
    {
        if (json)
        {
            await CliOutput.WriteJsonAsync(console.Out, new { status = "unwrapped", lotCode = header.LotCode, bidderCreditCode = header.BidderCreditCode, contentKey = hex });
            return;
        }

        await console.Out.WriteLineAsync(hex);
    }

    private static async Task WriteAsync(CliConsole console, bool json, LotListing lot, DecryptedBid bid)
    {
        if (json)
        {
            await CliOutput.WriteJsonAsync(console.Out, new
            {
                status = bid.Outcome,
                lotId = lot.LotId,
                lotCode = lot.LotTradeCode,
                bidId = bid.BidId,
                decidedAt = bid.DecidedAt,
                totalPrice = bid.TotalPrice,
                items = bid.Items,
                failureCode = bid.FailureCode,
                failureReason = bid.FailureReason,
                priceSheetProblem = bid.PriceSheetProblem,
            });
            return;
        }

        var at = bid.DecidedAt is { } d ? $"（{ChinaTime.Format(d)}，北京时间）" : "";
        await console.Out.WriteLineAsync($"标段 {lot.LotTradeCode}（{lot.LotName}）：{bid.OutcomeLabel}{at}");
        if (bid.TotalPrice is { } price)
        {
            await console.Out.WriteLineAsync($"  投标总价 {price} 元");
            foreach (var (name, value) in bid.Items ?? new Dictionary<string, string>())
            {
                await console.Out.WriteLineAsync($"  {name}：{value}");
            }
        }

        if (bid.PriceSheetProblem is { } problem)
        {
            await console.Out.WriteLineAsync($"  开标一览表无法唱标：{problem}");
        }

        if (bid.FailureReason is { } reason)
        {
            await console.Out.WriteLineAsync($"  {bid.FailureCode}：{reason}");
        }
    }
}
