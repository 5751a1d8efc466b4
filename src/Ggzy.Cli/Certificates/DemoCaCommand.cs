using System.CommandLine;
using Ggzy.Platform.Demo;

namespace Ggzy.Cli.Certificates;

/// <summary>
/// <c>ggzy cert demo-ca --out DIR</c>: writes a demo SM2 CA and a demo RSA CA with certificates and keys for the demo
/// market entities' accounts (PEM), to try the trust list, binding and <c>ggzy login</c>. Not for real use.
/// </summary>
internal static class DemoCaCommand
{
    public static Command Create(DatabaseSelection database, CliConsole console)
    {
        var output = new Option<string>("--out") { Description = "输出目录", HelpName = "DIR", Required = true };
        var command = new Command("demo-ca", "生成演示用的 SM2 和 RSA 根 CA，以及演示市场主体账户的证书和私钥（PEM 文件，仅供演示和测试）。")
        {
            output,
        };
        command.SetAction((result, ct) =>
        {
            var json = result.GetValue(database.Json);
            return CommandRunner.RunAsync(console, json, async () =>
            {
                var directory = Path.GetFullPath(result.GetValue(output)!, console.WorkingDirectory);
                var set = DemoCertificates.Create(TimeProvider.System.GetUtcNow());
                var files = DemoCertificates.WriteTo(set, directory);
                if (json)
                {
                    await CliOutput.WriteJsonAsync(console.Out, new
                    {
                        status = "written",
                        directory,
                        files = files.Select(Path.GetFileName),
                        holders = set.Holders.Select(h => new { h.UserName, h.OrganizationName, h.CreditCode, algorithm = h.Issued.Key.Algorithm.ToString() }),
                    });
                }
                else
                {
                    await console.Out.WriteLineAsync($"已在 {directory} 生成演示 CA 和证书（{files.Count} 个文件）：");
                    foreach (var h in set.Holders)
                    {
                        await console.Out.WriteLineAsync($"  {h.UserName}.cert.pem / {h.UserName}.key.pem  {h.OrganizationName}（{h.CreditCode}，{h.Issued.Key.Algorithm}）");
                    }

                    await console.Out.WriteLineAsync("将 sm2-ca.pem 和 rsa-ca.pem 加入平台的信任列表后，即可绑定这些证书并用 ggzy login 登录。私钥文件仅本人可读。");
                }

                return ExitCodes.Ok;
            });
        });
        return command;
    }
}
