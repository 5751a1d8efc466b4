using System.CommandLine;
using Ggzy.Cli.Archive;
using Ggzy.Cli.Bids;
using Ggzy.Cli.Certificates;
using Ggzy.Cli.Database;
using Ggzy.Cli.Experts;
using Ggzy.Cli.Ledger;

namespace Ggzy.Cli;

/// <summary>The <c>ggzy</c> command tree, invocable in-process with its own output streams.</summary>
public static class GgzyCli
{
    public static Task<int> InvokeAsync(string[] args, TextWriter output, TextWriter error, CancellationToken ct = default) =>
        InvokeAsync(args, CliConsole.Captured(output, error), ct);

    public static async Task<int> InvokeAsync(string[] args, CliConsole console, CancellationToken ct = default)
    {
        var result = Build(console).Parse(args);
        return await result.InvokeAsync(new InvocationConfiguration { Output = console.Out, Error = console.Error }, ct);
    }

    public static RootCommand Build(CliConsole console) => Build(console, () => new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(30) });

    /// <summary>The command tree; <paramref name="http"/> makes the handler of the commands that read the platform's public API.</summary>
    public static RootCommand Build(CliConsole console, Func<HttpMessageHandler> http)
    {
        var database = new DatabaseSelection();
        var root = new RootCommand("ggzy：公共资源交易平台的运维命令行工具。");
        database.AddTo(root);
        root.Subcommands.Add(new Command("ledger", "交易记录账本") { VerifyLedgerCommand.Create(database, console) });
        root.Subcommands.Add(new Command("db", "数据库") { MigrateDatabaseCommand.Create(database, console) });
        root.Subcommands.Add(LoginCommand.Create(database, console));
        root.Subcommands.Add(new Command("cert", "数字证书") { DemoCaCommand.Create(database, console) });
        root.Subcommands.Add(BidCommand.Create(database, console));
        root.Subcommands.Add(new Command("archive", "归档包") { VerifyArchiveCommand.Create(database, console) });
        root.Subcommands.Add(new Command("experts", "评标专家") { VerifyDrawCommand.Create(database, console, http) });
        return root;
    }
}
