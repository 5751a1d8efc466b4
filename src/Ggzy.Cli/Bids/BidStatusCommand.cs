using System.CommandLine;
using Ggzy.Platform.Time;

namespace Ggzy.Cli.Bids;

/// <summary>
/// <c>ggzy bid status</c>: the bidder's own bid on a lot — the current receipt (signature checked), the bids it
/// replaced or withdrew, uploads still open — and, with <c>--envelope</c>, whether that file is the current bid.
/// </summary>
internal static class BidStatusCommand
{
    private const int Retries = 4;

    public static Command Create(DatabaseSelection database, CliConsole console, BidTransport transport)
    {
        var platform = new PlatformOptions();
        var lot = new Option<string>("--lot") { Description = "标段编号（交易编码）", HelpName = "CODE", Required = true };
        var envelope = new Option<string?>("--envelope") { Description = "核对这个密封投标文件是否为当前有效的投标", HelpName = "FILE" };
        var command = new Command("status", "查询本单位在标段上的投标：当前有效投标的回执（核验签名）、被替换或撤回的投标、未完成的上传。");
        platform.AddTo(command);
        command.Options.Add(lot);
        command.Options.Add(envelope);
        command.SetAction((result, ct) =>
        {
            var json = result.GetValue(database.Json);
            return BidCommand.RunAsync(console, json, async () =>
            {
                var facts = result.GetValue(envelope) is { } file
                    ? EnvelopeFiles.Describe(Path.GetFullPath(file, console.WorkingDirectory))
                    : null;
                using var client = platform.Connect(result, console, transport);
                var retry = new Retrier(Retries, transport);
                var listing = await LotLookup.FindAsync(client, retry, result.GetValue(lot)!.Trim(), ct);
                var mine = await retry.RunAsync(() => client.MineAsync(listing.LotId, ct), ct);
                BidReceipt? current = null;
                if (mine.Current is { } signed)
                {
                    var verifier = ReceiptVerifier.From(await retry.RunAsync(() => client.ReceiptKeyAsync(ct), ct));
                    current = verifier.Verify(signed);
                    if (!string.Equals(current.LotId, listing.LotId, StringComparison.OrdinalIgnoreCase))
                    {
                        throw new CliException($"平台返回的当前回执属于另一个标段（{current.LotCode}）：请联系平台核实。");
                    }
                }

                await WriteAsync(console, json, listing, mine, current, facts);
                return ExitCodes.Ok;
            });
        });
        return command;
    }

    private static async Task WriteAsync(CliConsole console, bool json, LotListing lot, MyBids mine, BidReceipt? current, EnvelopeFacts? envelope)
    {
        var history = mine.History ?? [];
        var uploads = (mine.Uploads ?? []).Where(u => u.Receipt is null).ToList();
        bool? isCurrent = envelope is null ? null
            : current is not null && string.Equals(current.Digest, envelope.Digest, StringComparison.OrdinalIgnoreCase);
        if (json)
        {
            await CliOutput.WriteJsonAsync(console.Out, new
            {
                status = current is null ? "no-bid" : "current",
                lotId = lot.LotId,
                lotCode = lot.LotTradeCode,
                deadline = mine.Deadline ?? lot.Deadline,
                current = current is null ? null : new
                {
                    current.BidId,
                    current.Digest,
                    current.Size,
                    current.CompletedAt,
                    current.Replaces,
                    current.BidderCreditCode,
                    current.BidderName,
                    signatureVerified = true,
                },
                history = history.Select(b => new { b.BidId, b.Digest, b.Size, b.CompletedAt, b.Status, b.EndedAt }),
                uploads = uploads.Select(u => new { u.UploadId, u.Size, u.Received, u.State, u.StartedAt }),
                envelope = envelope is null ? null : new { path = envelope.Path, digest = envelope.Digest, isCurrent },
            });
            return;
        }

        var deadline = mine.Deadline ?? lot.Deadline;
        await console.Out.WriteLineAsync($"标段 {lot.LotTradeCode}（{lot.LotName}）"
            + (deadline is { } d ? $"，投标截止 {ChinaTime.Format(d)}（北京时间）" : ""));
        await console.Out.WriteLineAsync(current is null
            ? "当前没有有效的投标。"
            : $"当前有效投标：回执 {current.BidId}，{CliOutput.Count(current.Size)} 字节，摘要 {current.Digest}，"
              + $"平台收讫于 {ChinaTime.Format(current.CompletedAt)}（回执签名已核验）");
        foreach (var bid in history.Where(b => !string.Equals(b.Status, "current", StringComparison.Ordinal)))
        {
            var ended = bid.EndedAt is { } e ? $"，{ChinaTime.Format(e)}" : "";
            await console.Out.WriteLineAsync($"  {StatusText(bid.Status)}{ended}：回执 {bid.BidId}，{CliOutput.Count(bid.Size)} 字节，"
                + $"摘要 {bid.Digest}，递交于 {ChinaTime.Format(bid.CompletedAt)}");
        }

        foreach (var upload in uploads)
        {
            await console.Out.WriteLineAsync($"  未完成的上传 {upload.UploadId}：已收到 {CliOutput.Count(upload.Received)} / {CliOutput.Count(upload.Size)} 字节"
                + $"（{StatusText(upload.State)}），重新运行 ggzy bid submit 可续传");
        }

        if (envelope is not null)
        {
            await console.Out.WriteLineAsync(isCurrent == true
                ? $"文件 {envelope.Path} 是当前有效的投标。"
                : $"文件 {envelope.Path}（摘要 {envelope.Digest}）不是当前有效的投标。");
        }
    }

    private static string StatusText(string status) => status switch
    {
        "current" => "有效",
        "replaced" => "已被替换",
        "withdrawn" => "已撤回",
        "open" => "上传中",
        "expired" => "截止时未完成，视为撤回",
        "abandoned" => "已放弃",
        _ => status,
    };
}
