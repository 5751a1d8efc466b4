using System.CommandLine;
using Ggzy.Cli.Certificates;

namespace Ggzy.Cli.Bids;

/// <summary>The platform address and the API token file that <c>ggzy login</c> wrote, shared by the bid commands that call the platform.</summary>
internal sealed class PlatformOptions
{
    public Option<string> Url { get; } = new("--url") { Description = "平台地址，如 https://ggzy.example.cn", HelpName = "URL", Required = true };

    public Option<string?> TokenFile { get; } = new("--token-file")
    {
        Description = "接口令牌文件（默认为 ggzy login 保存的用户配置目录下的 ggzy/token）",
        HelpName = "FILE",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Url);
        command.Options.Add(TokenFile);
    }

    public BidClient Connect(ParseResult result, CliConsole console, BidTransport transport)
    {
        var url = result.GetValue(Url)!;
        if (!Uri.TryCreate(url, UriKind.Absolute, out var baseUri) || baseUri.Scheme is not ("http" or "https"))
        {
            throw new CliException($"平台地址无效：{url}。请填写 http:// 或 https:// 开头的地址。");
        }

        var tokenFile = result.GetValue(TokenFile) is { } file
            ? Path.GetFullPath(file, console.WorkingDirectory)
            : LoginCommand.DefaultTokenFile();
        string token;
        try
        {
            token = File.ReadAllText(tokenFile).Trim();
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new CliException($"找不到接口令牌文件 {tokenFile}：请先运行 ggzy login --url {url} --cert 证书 --key 私钥 登录，或用 --token-file 指定令牌文件。");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"无法读取接口令牌文件 {tokenFile}：{e.Message}");
        }

        return token.Length == 0
            ? throw new CliException($"接口令牌文件 {tokenFile} 是空的：请先运行 ggzy login 登录。")
            : new BidClient(transport.CreateHandler(), baseUri, token, transport.RequestTimeout);
    }
}
