using System.CommandLine;
using Ggzy.Platform.Time;

namespace Ggzy.Cli.Bids;

/// <summary><c>ggzy bid withdraw</c>: withdraws the current bid on a lot before the deadline (撤回投标文件), after a confirmation.</summary>
internal static class WithdrawBidCommand
{
    private const int Retries = 4;
    private const string NothingToWithdraw = "BID_NOTHING_TO_WITHDRAW";

    public static Command Create(DatabaseSelection database, CliConsole console, BidTransport transport)
    {
        var platform = new PlatformOptions();
        var lot = new Option<string>("--lot") { Description = "标段编号（交易编码）", HelpName = "CODE", Required = true };
        var yes = new Option<bool>("--yes") { Description = "不再询问，直接撤回（脚本中必须使用）" };
        var command = new Command("withdraw", "撤回本单位在标段上的当前投标（投标截止前）。撤回后可在截止前重新递交。");
        platform.AddTo(command);
        command.Options.Add(lot);
        command.Options.Add(yes);
        command.SetAction((result, ct) =>
        {
            var json = result.GetValue(database.Json);
            return BidCommand.RunAsync(console, json, async () =>
            {
                var lotCode = result.GetValue(lot)!.Trim();
                if (!result.GetValue(yes) && !await ConfirmAsync(console, json, lotCode))
                {
                    throw new CliException("已取消，没有撤回投标。");
                }

                using var client = platform.Connect(result, console, transport);
                var retry = new Retrier(Retries, transport);
                var listing = await LotLookup.FindAsync(client, retry, lotCode, ct);
                var withdrawn = await WithdrawAsync(client, retry, listing.LotId, ct);
                await WriteAsync(console, json, listing, withdrawn);
                return ExitCodes.Ok;
            });
        });
        return command;
    }

    private static async Task<bool> ConfirmAsync(CliConsole console, bool json, string lotCode)
    {
        if (json || !console.ErrorIsTerminal || Console.IsInputRedirected)
        {
            throw new CliException("撤回投标须确认：非交互方式运行时请加 --yes，表示确认撤回。");
        }

        await console.Error.WriteAsync($"确认撤回标段 {lotCode} 的当前投标？撤回后须在投标截止前重新递交才算投标。输入 yes 确认：");
        var answer = await Console.In.ReadLineAsync();
        return string.Equals(answer?.Trim(), "yes", StringComparison.OrdinalIgnoreCase);
    }

    // A withdrawal whose answer was lost is retried; the platform then has nothing left to withdraw, and the bid the
    // first attempt withdrew is found in the history.
    private static async Task<BidRecord> WithdrawAsync(BidClient client, Retrier retry, string lotId, CancellationToken ct)
    {
        var failed = false;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await client.WithdrawAsync(lotId, ct);
            }
            catch (BidTransientException) when (attempt <= retry.Retries)
            {
                failed = true;
                await retry.WaitAsync(attempt, ct);
            }
            catch (BidRefusedException e) when (failed && e.Code == NothingToWithdraw)
            {
                var mine = await retry.RunAsync(() => client.MineAsync(lotId, ct), ct);
                var withdrawn = (mine.History ?? []).Where(b => string.Equals(b.Status, "withdrawn", StringComparison.Ordinal))
                    .OrderByDescending(b => b.EndedAt).FirstOrDefault();
                if (withdrawn is null)
                {
                    throw;
                }

                return withdrawn;
            }
        }
    }

    private static async Task WriteAsync(CliConsole console, bool json, LotListing lot, BidRecord bid)
    {
        if (json)
        {
            await CliOutput.WriteJsonAsync(console.Out, new
            {
                status = "withdrawn",
                lotId = lot.LotId,
                lotCode = lot.LotTradeCode,
                bidId = bid.BidId,
                digest = bid.Digest,
                size = bid.Size,
                completedAt = bid.CompletedAt,
                endedAt = bid.EndedAt,
            });
            return;
        }

        var at = bid.EndedAt is { } e ? $"，撤回时间 {ChinaTime.Format(e)}（北京时间）" : "";
        await console.Out.WriteLineAsync($"已撤回标段 {lot.LotTradeCode}（{lot.LotName}）的投标：回执 {bid.BidId}，摘要 {bid.Digest}{at}。");
        await console.Out.WriteLineAsync("投标截止前可重新递交；截止时没有有效投标即视为未投标。");
    }
}
