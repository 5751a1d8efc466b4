using System.CommandLine;
using System.Text.Json;
using Ggzy.Platform.Time;

namespace Ggzy.Cli.Bids;

/// <summary>
/// <c>ggzy bid submit</c>: uploads a sealed envelope in chunks, resuming where the platform stands after any failure,
/// and keeps the platform's signed receipt (回执) beside the envelope once it has checked it.
/// </summary>
internal static class SubmitBidCommand
{
    private const int MaxChunkMebibytes = 16;
    private static readonly JsonSerializerOptions ReceiptJson = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static Command Create(DatabaseSelection database, CliConsole console, BidTransport transport)
    {
        var platform = new PlatformOptions();
        var envelope = new Option<string>("--envelope") { Description = "ggzy bid seal 生成的密封投标文件（.gse）", HelpName = "FILE", Required = true };
        var chunkSize = new Option<int>("--chunk-size") { Description = "每块大小（MiB，1–16）", HelpName = "MiB", DefaultValueFactory = _ => 8 };
        var retries = new Option<int>("--retries") { Description = "网络错误或平台繁忙时连续重试的次数", HelpName = "N", DefaultValueFactory = _ => 8 };
        var command = new Command("submit", "向平台递交密封投标文件：分块上传，中断后从平台已收到处续传；同一文件重复递交只得到同一份回执。"
            + "回执经平台签名核验后保存为 文件名.receipt.json（《电子招标投标办法》第二十八条）。");
        platform.AddTo(command);
        command.Options.Add(envelope);
        command.Options.Add(chunkSize);
        command.Options.Add(retries);
        command.SetAction((result, ct) =>
        {
            var json = result.GetValue(database.Json);
            return BidCommand.RunAsync(console, json, async () =>
            {
                var chunk = result.GetValue(chunkSize);
                var attempts = result.GetValue(retries);
                if (chunk is < 1 or > MaxChunkMebibytes)
                {
                    throw new CliException($"--chunk-size {chunk} 不在 1 至 {MaxChunkMebibytes} MiB 之间（平台每块最多接收 {MaxChunkMebibytes} MiB）。");
                }

                if (attempts is < 0 or > 100)
                {
                    throw new CliException($"--retries {attempts} 不在 0 至 100 之间。");
                }

                var facts = EnvelopeFiles.Describe(Path.GetFullPath(result.GetValue(envelope)!, console.WorkingDirectory));
                using var client = platform.Connect(result, console, transport);
                SubmissionResult submitted;
                using (var progress = UploadProgressLine.Start(console, enabled: !json, facts.Size))
                {
                    submitted = await new BidSubmission(client, new Retrier(attempts, transport))
                        .RunAsync(facts, chunk << 20, progress, ct);
                }

                var receiptFile = facts.Path + ".receipt.json";
                AtomicFile.Write(receiptFile, stream => JsonSerializer.Serialize(stream, submitted.Signed, ReceiptJson));
                await WriteAsync(console, json, facts, submitted, receiptFile);
                return ExitCodes.Ok;
            });
        });
        return command;
    }

    private static async Task WriteAsync(CliConsole console, bool json, EnvelopeFacts facts, SubmissionResult submitted, string receiptFile)
    {
        var r = submitted.Receipt;
        if (json)
        {
            await CliOutput.WriteJsonAsync(console.Out, new
            {
                status = submitted.AlreadySubmitted ? "already-submitted" : "submitted",
                lotId = r.LotId,
                lotCode = r.LotCode,
                bidId = r.BidId,
                bidderCreditCode = r.BidderCreditCode,
                bidderName = r.BidderName,
                digest = r.Digest,
                size = r.Size,
                completedAt = r.CompletedAt,
                replaces = r.Replaces,
                resumedFrom = submitted.ResumedFrom,
                keyFingerprint = submitted.Signed.KeyFingerprint,
                receiptFile,
            });
            return;
        }

        await console.Out.WriteLineAsync(submitted.AlreadySubmitted
            ? $"该文件此前已递交，平台返回原回执（没有重复投标）：标段 {r.LotCode}（{submitted.Lot.LotName}）"
            : $"已递交：标段 {r.LotCode}（{submitted.Lot.LotName}）");
        await console.Out.WriteLineAsync($"  回执编号 {r.BidId}，投标人 {r.BidderName}（{r.BidderCreditCode}）");
        await console.Out.WriteLineAsync($"  文件 {facts.Path}，{CliOutput.Count(r.Size)} 字节，信封摘要（SM3）{r.Digest}");
        await console.Out.WriteLineAsync($"  平台收讫时间 {ChinaTime.Format(r.CompletedAt)}（北京时间）");
        if (submitted.ResumedFrom > 0 && !submitted.AlreadySubmitted)
        {
            await console.Out.WriteLineAsync($"  从第 {CliOutput.Count(submitted.ResumedFrom)} 字节处续传");
        }

        if (r.Replaces is { } replaced)
        {
            await console.Out.WriteLineAsync($"  本次投标替换了此前的投标 {replaced}");
        }

        await console.Out.WriteLineAsync($"回执签名已用平台公钥核验（{submitted.Signed.KeyFingerprint}），已保存到 {receiptFile}，请妥善保存。");
    }
}
