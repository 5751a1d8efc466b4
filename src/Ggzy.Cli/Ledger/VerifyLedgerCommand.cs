using System.CommandLine;
using Ggzy.Platform.Data;
using Ggzy.Platform.Ledger;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ggzy.Cli.Ledger;

/// <summary>
/// <c>ggzy ledger verify</c>: re-verifies every stored entry. Exit 0 when intact, 2 naming the first bad sequence
/// number when an entry was altered, removed or reordered, 1 when the database cannot be read.
/// </summary>
internal static class VerifyLedgerCommand
{
    public static Command Create(DatabaseSelection database, CliConsole console)
    {
        var command = new Command("verify", "校验账本：检查序号连续、哈希链相接，并逐条重算 SM3 哈希；报告第一条有问题的记录。"
            + "退出码：0 完整，2 账本受损，1 用法或数据库错误。");
        command.SetAction((result, ct) =>
        {
            var json = result.GetValue(database.Json);
            return CommandRunner.RunAsync(console, json, () => RunAsync(database.Open(result, console, mustExist: true), console, json, ct));
        });
        return command;
    }

    private static async Task<int> RunAsync(CliDatabase database, CliConsole console, bool json, CancellationToken ct)
    {
        await using (database)
        {
            await using var scope = database.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            if (!(await db.Database.GetAppliedMigrationsAsync(ct)).Any())
            {
                throw new CliException($"数据库尚未初始化（{database.Description}）：请先运行 ggzy db migrate 或启动一次平台。");
            }

            LedgerVerification verification;
            using (var progress = VerifyProgressLine.Start(console, enabled: !json))
            {
                verification = await new LedgerVerifier(db).VerifyAsync(progress, ct);
            }

            await WriteAsync(console.Out, verification, json);
            return verification.IsIntact ? ExitCodes.Ok : ExitCodes.LedgerDamaged;
        }
    }

    private static Task WriteAsync(TextWriter output, LedgerVerification v, bool json)
    {
        var seconds = Math.Round(v.Elapsed.TotalSeconds, 3);
        return (v.Fault, json) switch
        {
            (null, true) => CliOutput.WriteJsonAsync(output, new
            {
                status = "intact",
                count = v.Verified,
                lastHash = v.LastHash,
                elapsedSeconds = seconds,
            }),
            (null, false) => output.WriteLineAsync(
                $"账本完整：共 {CliOutput.Count(v.Verified)} 条，末条哈希 {v.LastHash}，用时 {CliOutput.Seconds(v.Elapsed)}"),
            ({ } f, true) => CliOutput.WriteJsonAsync(output, new
            {
                status = "damaged",
                sequence = f.Sequence,
                reason = Code(f.Kind),
                reasonText = f.Reason,
                detail = f.Detail,
                verified = v.Verified,
                elapsedSeconds = seconds,
            }),
            ({ } f, false) => output.WriteLineAsync(
                $"账本受损：第 {f.Sequence} 条{f.Reason}。{f.Detail}此前 {CliOutput.Count(v.Verified)} 条完好，用时 {CliOutput.Seconds(v.Elapsed)}。"),
        };
    }

    private static string Code(LedgerFaultKind kind) => kind switch
    {
        LedgerFaultKind.Tampered => "tampered",
        LedgerFaultKind.Missing => "missing",
        LedgerFaultKind.OutOfOrder => "out-of-order",
        LedgerFaultKind.ChainBroken => "chain-broken",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
