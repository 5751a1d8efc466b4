using System.Text.Json;
using Ggzy.Platform.Demo;
using Ggzy.TestKit;
using Shouldly;
using Xunit;

namespace Ggzy.Cli.Tests;

/// <summary>
/// The bidder's whole path against the platform on a real socket: <c>ggzy login</c> with the demo certificate, seal
/// for the demo works lot (on sale, documents downloaded by both demo bidders), submit, status, withdraw.
/// </summary>
public sealed class BidEndToEndTests : IAsyncLifetime
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

    private string Home(string file) => Path.Combine(_app.Database.DataDirectory, "home", file);

    [Theory]
    [InlineData("bidder")]
    [InlineData("bidder2")]
    public async Task Bidder_SealsSubmitsChecksAndWithdraws_TheDemoWorksLot(string user)
    {
        var token = Home(user + ".token");
        var login = await CliRun.InvokeAsync(["login", "--url", _url.ToString(), "--cert", Demo(user + ".cert.pem"),
            "--key", Demo(user + ".key.pem"), "--token-file", token]);
        login.ExitCode.ShouldBe(ExitCodes.Ok, login.Error);
        var lotCode = await DemoLotCodeAsync(token);

        var documents = Home("投标文件.pdf");
        await File.WriteAllBytesAsync(documents, new byte[3 << 20], TestContext.Current.CancellationToken);
        var envelope = Home("bid.gse");
        var sealedRun = await CliRun.InvokeAsync(["bid", "seal", "--lot", lotCode, "--price", "12345678.00", "--item", "工期=365日历天", "--files", documents,
            "--cert", Demo(user + ".cert.pem"), "--key", Demo(user + ".key.pem"), "--out", envelope, "--json"]);
        sealedRun.ExitCode.ShouldBe(ExitCodes.Ok, sealedRun.Out + sealedRun.Error);
        var digest = JsonDocument.Parse(sealedRun.Out).RootElement.GetProperty("digest").GetString();

        string[] platform = ["--url", _url.ToString(), "--token-file", token];
        var submitted = await CliRun.InvokeAsync(["bid", "submit", .. platform, "--envelope", envelope, "--chunk-size", "1", "--json"]);
        submitted.ExitCode.ShouldBe(ExitCodes.Ok, submitted.Out + submitted.Error);
        var receipt = JsonDocument.Parse(submitted.Out).RootElement;
        receipt.GetProperty("status").GetString().ShouldBe("submitted");
        receipt.GetProperty("digest").GetString().ShouldBe(digest);
        receipt.GetProperty("lotCode").GetString().ShouldBe(lotCode);
        File.Exists(envelope + ".receipt.json").ShouldBeTrue();

        var again = await CliRun.InvokeAsync(["bid", "submit", .. platform, "--envelope", envelope, "--json"]);
        again.ExitCode.ShouldBe(ExitCodes.Ok, again.Out + again.Error);
        JsonDocument.Parse(again.Out).RootElement.GetProperty("bidId").GetString().ShouldBe(receipt.GetProperty("bidId").GetString());

        var status = await CliRun.InvokeAsync(["bid", "status", .. platform, "--lot", lotCode, "--envelope", envelope]);
        status.ExitCode.ShouldBe(ExitCodes.Ok, status.Error);
        status.Out.ShouldContain($"当前有效投标：回执 {receipt.GetProperty("bidId").GetString()}");
        status.Out.ShouldContain("是当前有效的投标。");

        var withdrawn = await CliRun.InvokeAsync(["bid", "withdraw", .. platform, "--lot", lotCode, "--yes"]);
        withdrawn.ExitCode.ShouldBe(ExitCodes.Ok, withdrawn.Error);
        withdrawn.Out.ShouldContain($"已撤回标段 {lotCode}");

        var after = await CliRun.InvokeAsync(["bid", "status", .. platform, "--lot", lotCode, "--envelope", envelope, "--json"]);
        after.ExitCode.ShouldBe(ExitCodes.Ok, after.Out);
        var mine = JsonDocument.Parse(after.Out).RootElement;
        mine.GetProperty("status").GetString().ShouldBe("no-bid");
        mine.GetProperty("envelope").GetProperty("isCurrent").GetBoolean().ShouldBeFalse();
        mine.GetProperty("history").EnumerateArray().ShouldContain(b => b.GetProperty("status").GetString() == "withdrawn");
    }

    [Fact]
    public async Task Submit_ForALotNotOnSale_IsRefusedWithThePlatformsReason()
    {
        var token = Home("bidder.token");
        (await CliRun.InvokeAsync(["login", "--url", _url.ToString(), "--cert", Demo("bidder.cert.pem"),
            "--key", Demo("bidder.key.pem"), "--token-file", token])).ExitCode.ShouldBe(ExitCodes.Ok);
        using var http = Client(token);
        var lots = JsonDocument.Parse(await http.GetStringAsync(new Uri("/api/v1/trading/lots", UriKind.Relative), TestContext.Current.CancellationToken));
        var closed = lots.RootElement.EnumerateArray().First(l => !l.GetProperty("onSale").GetBoolean()).GetProperty("lotTradeCode").GetString()!;

        var document = Home("d.pdf");
        await File.WriteAllBytesAsync(document, [2], TestContext.Current.CancellationToken);
        var envelope = Home("closed.gse");
        (await CliRun.InvokeAsync(["bid", "seal", "--lot", closed, "--price", "1.00", "--files", document,
            "--cert", Demo("bidder.cert.pem"), "--key", Demo("bidder.key.pem"), "--out", envelope])).ExitCode.ShouldBe(ExitCodes.Ok);

        var refused = await CliRun.InvokeAsync(["bid", "submit", "--url", _url.ToString(), "--token-file", token, "--envelope", envelope]);

        refused.ExitCode.ShouldBe(ExitCodes.Error);
        refused.Error.ShouldContain("平台拒绝（BID_");
        File.Exists(envelope + ".receipt.json").ShouldBeFalse();
    }

    private async Task<string> DemoLotCodeAsync(string tokenFile)
    {
        using var http = Client(tokenFile);
        var lots = JsonDocument.Parse(await http.GetStringAsync(new Uri("/api/v1/trading/lots", UriKind.Relative), TestContext.Current.CancellationToken));
        return lots.RootElement.EnumerateArray().First(l => l.GetProperty("onSale").GetBoolean()).GetProperty("lotTradeCode").GetString()!;
    }

    private HttpClient Client(string tokenFile)
    {
        var http = new HttpClient { BaseAddress = _url };
        http.DefaultRequestHeaders.Authorization = new("Bearer", File.ReadAllText(tokenFile).Trim());
        return http;
    }
}
