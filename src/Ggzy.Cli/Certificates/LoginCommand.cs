using System.CommandLine;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Ggzy.Sealing.Pki;

namespace Ggzy.Cli.Certificates;

/// <summary>
/// <c>ggzy login --url … --cert … --key …</c>: signs in by certificate (R32). Asks the platform for a one-time
/// challenge, signs it here with the certificate's key (the key never leaves this machine), and saves the API token
/// it receives to a file only the user can read.
/// </summary>
internal static class LoginCommand
{
    public static Command Create(DatabaseSelection database, CliConsole console)
    {
        var url = new Option<string>("--url") { Description = "平台地址，如 https://ggzy.example.cn", HelpName = "URL", Required = true };
        var cert = new Option<string>("--cert") { Description = "数字证书文件（PEM 或 DER；PEM 可附中级 CA 证书）", HelpName = "FILE", Required = true };
        var key = new Option<string>("--key") { Description = "与证书对应的私钥文件（未加密的 PEM）", HelpName = "FILE", Required = true };
        var tokenFile = new Option<string?>("--token-file")
        {
            Description = "保存接口令牌的文件（默认为用户配置目录下的 ggzy/token，权限 600）",
            HelpName = "FILE",
        };
        var command = new Command("login", "用数字证书登录平台：对平台下发的一次性挑战签名，取得接口令牌并保存。支持 SM2、RSA 和 ECDSA 证书。")
        {
            url, cert, key, tokenFile,
        };
        command.SetAction((result, ct) =>
        {
            var json = result.GetValue(database.Json);
            return CommandRunner.RunAsync(console, json, () => RunAsync(new LoginRequest(
                result.GetValue(url)!, Resolve(console, result.GetValue(cert)!), Resolve(console, result.GetValue(key)!),
                result.GetValue(tokenFile) is { } file ? Resolve(console, file) : DefaultTokenFile()), console, json, ct));
        });
        return command;
    }

    /// <summary>Where the token goes by default: ~/.config/ggzy/token (XDG) or the Windows equivalent.</summary>
    public static string DefaultTokenFile() =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData, Environment.SpecialFolderOption.Create), "ggzy", "token");

    private static string Resolve(CliConsole console, string path) => Path.GetFullPath(path, console.WorkingDirectory);

    private sealed record LoginRequest(string Url, string CertificateFile, string KeyFile, string TokenFile);

    private static async Task<int> RunAsync(LoginRequest request, CliConsole console, bool json, CancellationToken ct)
    {
        var (certificate, key, certificateBytes) = await HolderKeyPair.LoadAsync(request.CertificateFile, request.KeyFile, ct);
        if (!Uri.TryCreate(request.Url, UriKind.Absolute, out var baseUri) || baseUri.Scheme is not ("http" or "https"))
        {
            throw new CliException($"平台地址无效：{request.Url}。请填写 http:// 或 https:// 开头的地址。");
        }

        using var http = new HttpClient { BaseAddress = baseUri, Timeout = TimeSpan.FromSeconds(30) };
        var pem = Pem.LooksLikePem(certificateBytes) ? Encoding.UTF8.GetString(certificateBytes) : Convert.ToBase64String(certificateBytes);
        var challenge = await PostAsync(http, "api/v1/auth/certificate/challenge", new { certificate = pem }, ct);
        var text = challenge.GetProperty("challenge").GetString()!;
        var signature = Convert.ToBase64String(key.Sign(Encoding.UTF8.GetBytes(text)));
        var issued = await PostAsync(http, "api/v1/auth/certificate/token",
            new { challengeId = challenge.GetProperty("challengeId").GetGuid(), signature }, ct);

        var token = issued.GetProperty("token").GetString()!;
        SaveToken(request.TokenFile, token);
        var userName = issued.GetProperty("userName").GetString();
        var displayName = issued.GetProperty("displayName").GetString();
        var organization = issued.GetProperty("organization").GetString();
        var expiresAt = issued.GetProperty("expiresAt").GetDateTimeOffset();
        if (json)
        {
            await CliOutput.WriteJsonAsync(console.Out, new
            {
                status = "signed-in",
                userName,
                displayName,
                organization,
                certificate = certificate.Subject,
                expiresAt,
                tokenFile = request.TokenFile,
            });
        }
        else
        {
            await console.Out.WriteLineAsync(
                $"已登录：{displayName}（{userName}，{organization}），证书 {certificate.CommonName}（{Certificate.NameOf(certificate.KeyAlgorithm)}）。");
            await console.Out.WriteLineAsync(
                $"接口令牌已保存到 {request.TokenFile}，有效至 {Ggzy.Platform.Time.ChinaTime.Format(expiresAt)}。");
        }

        return ExitCodes.Ok;
    }

    private static async Task<JsonElement> PostAsync(HttpClient http, string path, object body, CancellationToken ct)
    {
        HttpResponseMessage response;
        try
        {
            response = await http.PostAsJsonAsync(path, body, ct);
        }
        catch (HttpRequestException e)
        {
            throw new CliException($"无法连接平台 {http.BaseAddress}：{e.Message}");
        }

        using (response)
        {
            var content = await response.Content.ReadAsStringAsync(ct);
            JsonElement parsed;
            try
            {
                parsed = JsonDocument.Parse(content).RootElement.Clone();
            }
            catch (JsonException)
            {
                throw new CliException($"平台返回了无法识别的内容（HTTP {(int)response.StatusCode}）：请确认 --url 指向 Ggzy 平台。");
            }

            if (!response.IsSuccessStatusCode)
            {
                var detail = parsed.TryGetProperty("detail", out var d) ? d.GetString() : null;
                throw new CliException($"登录被拒绝（HTTP {(int)response.StatusCode}）：{detail ?? content}");
            }

            return parsed;
        }
    }

    private static void SaveToken(string path, string token)
    {
        var directory = Path.GetDirectoryName(path)!;
        Directory.CreateDirectory(directory);
        if (OperatingSystem.IsWindows())
        {
            File.WriteAllText(path, token + "\n");
            return;
        }

        // Created with mode 600 from the start, so the token is never readable by others, not even briefly.
        using var stream = new FileStream(path, new FileStreamOptions
        {
            Mode = FileMode.Create,
            Access = FileAccess.Write,
            UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
        });
        stream.Write(Encoding.UTF8.GetBytes(token + "\n"));
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }
}
