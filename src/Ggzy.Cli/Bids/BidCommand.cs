using System.CommandLine;

namespace Ggzy.Cli.Bids;

/// <summary>
/// <c>ggzy bid seal | submit | status | withdraw | unseal</c>: the bidder's side of 网上递交投标文件 (docs/bid-submission.md)
/// and of the opening's decryption (docs/bid-opening.md).
/// </summary>
internal static class BidCommand
{
    public static Command Create(DatabaseSelection database, CliConsole console) => Create(database, console, BidTransport.Default);

    public static Command Create(DatabaseSelection database, CliConsole console, BidTransport transport) =>
        new("bid", "投标文件：在本机密封、向平台递交（分块上传、断点续传、核验回执）、查询、撤回，开标时解密。")
        {
            SealBidCommand.Create(database, console),
            SubmitBidCommand.Create(database, console, transport),
            BidStatusCommand.Create(database, console, transport),
            WithdrawBidCommand.Create(database, console, transport),
            UnsealBidCommand.Create(database, console, transport),
        };

    /// <summary>Runs a bid command, turning the platform's refusals and lasting network failures into Chinese messages.</summary>
    public static Task<int> RunAsync(CliConsole console, bool json, Func<Task<int>> command) =>
        CommandRunner.RunAsync(console, json, async () =>
        {
            try
            {
                return await command();
            }
            catch (BidRefusedException e)
            {
                var code = e.Code is null ? "" : e.Code + "，";
                throw new CliException($"平台拒绝（{code}HTTP {e.Status}）：{e.Message}", e);
            }
            catch (BidTransientException e)
            {
                throw new CliException($"多次重试后仍未成功：{e.Message} 请检查网络后重新运行同一命令；已上传的部分不会重传。", e);
            }
        });
}
