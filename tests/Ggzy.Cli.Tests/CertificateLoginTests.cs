using System.Text.Json;
using Ggzy.Platform.Demo;
using Ggzy.Sealing.Pki;
using Ggzy.TestKit;
using Shouldly;
using Xunit;

namespace Ggzy.Cli.Tests;

/// <summary><c>ggzy login</c> against the platform on a real socket, with the demo's SM2 and RSA certificates.</summary>
public sealed class CertificateLoginTests : IAsyncLifetime
{
    private readonly GgzyApp _app = new();
    private Uri _url = null!;

    public async ValueTask InitializeAsync()
    {
        await _app.InitializeAsync();
        _url = _app.StartOnLoopback();
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private string Demo(string file) => Path.Combine(_app.Database.DataDirectory, DemoCertificates.FolderName, file);

    [Theory]
    [InlineData("bidder", "冯志远")]
    [InlineData("bidder2", "何永康")]
    public async Task Login_WithADemoCertificate_SavesATokenOnlyTheUserCanRead(string user, string name)
    {
        var tokenFile = Path.Combine(_app.Database.DataDirectory, "home", user + ".token");

        var run = await CliRun.InvokeAsync(["login", "--url", _url.ToString(), "--cert", Demo(user + ".cert.pem"),
            "--key", Demo(user + ".key.pem"), "--token-file", tokenFile]);

        run.ExitCode.ShouldBe(ExitCodes.Ok, run.Error);
        run.Out.ShouldContain($"已登录：{name}（{user}");
        var token = (await File.ReadAllTextAsync(tokenFile, TestContext.Current.CancellationToken)).Trim();
        token.ShouldStartWith("ggzy_");
        if (!OperatingSystem.IsWindows())
        {
            File.GetUnixFileMode(tokenFile).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        using var http = new HttpClient { BaseAddress = _url };
        http.DefaultRequestHeaders.Authorization = new("Bearer", token);
        var me = JsonDocument.Parse(await http.GetStringAsync(new Uri("/api/v1/me", UriKind.Relative), TestContext.Current.CancellationToken));
        me.RootElement.GetProperty("userName").GetString().ShouldBe(user);
    }

    [Fact]
    public async Task Login_WithAnotherCertificatesKey_OrAnUntrustedCertificate_SaysWhy()
    {
        var mismatch = await CliRun.InvokeAsync(["login", "--url", _url.ToString(), "--cert", Demo("bidder.cert.pem"),
            "--key", Demo("tenderer.key.pem"), "--token-file", Path.Combine(_app.Database.DataDirectory, "t1")]);
        mismatch.ExitCode.ShouldBe(ExitCodes.Error);
        mismatch.Error.ShouldContain("私钥与证书不匹配");

        var folder = Path.Combine(_app.Database.DataDirectory, "other-ca");
        var made = await CliRun.InvokeAsync(["cert", "demo-ca", "--out", folder, "--json"]);
        made.ExitCode.ShouldBe(ExitCodes.Ok, made.Error);
        JsonDocument.Parse(made.Out).RootElement.GetProperty("files").GetArrayLength().ShouldBe(14);
        Certificate.Parse(await File.ReadAllBytesAsync(Path.Combine(folder, "bidder2.cert.pem"), TestContext.Current.CancellationToken))
            .KeyAlgorithm.ShouldBe(KeyAlgorithm.Rsa);

        var untrusted = await CliRun.InvokeAsync(["login", "--url", _url.ToString(), "--cert", Path.Combine(folder, "bidder.cert.pem"),
            "--key", Path.Combine(folder, "bidder.key.pem"), "--token-file", Path.Combine(_app.Database.DataDirectory, "t2")]);
        untrusted.ExitCode.ShouldBe(ExitCodes.Error);
        untrusted.Error.ShouldContain("证书签名无效");
        File.Exists(Path.Combine(_app.Database.DataDirectory, "t2")).ShouldBeFalse();
    }
}
