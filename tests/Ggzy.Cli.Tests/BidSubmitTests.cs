using System.Text.Json;
using Ggzy.Cli.Bids;
using Shouldly;
using Xunit;

namespace Ggzy.Cli.Tests;

/// <summary><c>ggzy bid submit</c>, <c>status</c> and <c>withdraw</c> against the API kept in memory, on a network that misbehaves.</summary>
public sealed class BidSubmitTests : IDisposable
{
    private const int MiB = 1 << 20;

    private readonly TemporaryDirectory _directory = BidTestKit.Directory();
    private readonly BidFakePlatform _platform = new();
    private readonly string _tokenFile;
    private readonly string _envelope;

    public BidSubmitTests()
    {
        _tokenFile = _directory.File("token");
        File.WriteAllText(_tokenFile, BidFakePlatform.Token + "\n");
        _envelope = BidTestKit.SealEnvelope(_directory.Path, BidFakePlatform.LotCode, (int)(4.5 * MiB));
    }

    public void Dispose() => _directory.Dispose();

    private Task<CliRun> SubmitAsync(params string[] more) =>
        BidTestKit.InvokeAsync(_platform.Transport,
            ["bid", "submit", "--url", "http://platform.test/", "--envelope", _envelope, "--token-file", _tokenFile, "--chunk-size", "1", .. more]);

    private void ShouldHoldExactlyOneBidOfTheEnvelope()
    {
        _platform.Uploads.Count.ShouldBe(1);
        _platform.Bids.Count.ShouldBe(1);
        _platform.Uploads[0].Content.ToArray().ShouldBe(File.ReadAllBytes(_envelope));
    }

    [Fact]
    public async Task Submit_UploadsInChunks_AndKeepsTheCheckedReceipt()
    {
        var run = await SubmitAsync();

        run.ExitCode.ShouldBe(ExitCodes.Ok, run.Error);
        run.Out.ShouldContain($"已递交：标段 {BidFakePlatform.LotCode}");
        run.Out.ShouldContain("回执签名已用平台公钥核验");
        ShouldHoldExactlyOneBidOfTheEnvelope();
        _platform.Count("PUT").ShouldBe(5);
        var saved = JsonDocument.Parse(await File.ReadAllTextAsync(_envelope + ".receipt.json", TestContext.Current.CancellationToken)).RootElement;
        saved.GetProperty("receiptJson").GetString().ShouldBe(_platform.Uploads[0].Receipt!.ReceiptJson);
        saved.GetProperty("receipt").GetProperty("digest").GetString().ShouldBe(EnvelopeFiles.Describe(_envelope).Digest);
    }

    [Fact]
    public async Task Submit_ThroughFailuresAndLostAnswers_CompletesWithOneUploadAndOneBid()
    {
        var puts = 0;
        _platform.Faults = (request, n) =>
        {
            if (request.Method == HttpMethod.Put && ++puts == 2)
            {
                return BidFault.LoseAnswer;
            }

            return n % 3 == 0 ? BidFault.FailBeforeArrival : n % 7 == 0 ? BidFault.Unavailable : BidFault.None;
        };

        var run = await SubmitAsync("--json");

        run.ExitCode.ShouldBe(ExitCodes.Ok, run.Out + run.Error);
        JsonDocument.Parse(run.Out).RootElement.GetProperty("status").GetString().ShouldBe("submitted");
        ShouldHoldExactlyOneBidOfTheEnvelope();
        _platform.Log.ShouldContain(l => l.Contains("(answer lost)", StringComparison.Ordinal));
        _platform.Log.ShouldContain(l => l.EndsWith("-> failed", StringComparison.Ordinal));
        _platform.Log.ShouldContain(l => l.EndsWith("-> 503", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Submit_WhenCompletionsAnswerIsLost_FindsTheReceiptInsteadOfBiddingTwice()
    {
        _platform.Faults = (request, _) =>
            request.RequestUri!.AbsolutePath.EndsWith("/complete", StringComparison.Ordinal) ? BidFault.LoseAnswer : BidFault.None;

        var run = await SubmitAsync();

        run.ExitCode.ShouldBe(ExitCodes.Ok, run.Error);
        _platform.Count("POST /api/v1/trading/bids/uploads/").ShouldBe(1);
        ShouldHoldExactlyOneBidOfTheEnvelope();
    }

    [Fact]
    public async Task Submit_WhenThePlatformHoldsMoreThanThought_ContinuesFromTheReceivedCountItAnswers()
    {
        var bytes = await File.ReadAllBytesAsync(_envelope, TestContext.Current.CancellationToken);
        _platform.BeforeChunk = upload =>
        {
            // Another run of the tool sent the second chunk meanwhile.
            if (upload.Received == MiB)
            {
                upload.Content.Write(bytes, MiB, MiB);
            }
        };

        var run = await SubmitAsync();

        run.ExitCode.ShouldBe(ExitCodes.Ok, run.Error);
        _platform.Log.Count(l => l.StartsWith("PUT", StringComparison.Ordinal) && l.EndsWith("-> 409", StringComparison.Ordinal)).ShouldBe(1);
        _platform.Log.ShouldContain($"PUT /api/v1/trading/bids/uploads/{_platform.Uploads[0].UploadId}/chunks?offset={2 * MiB} -> 200");
        ShouldHoldExactlyOneBidOfTheEnvelope();
    }

    [Fact]
    public async Task Submit_TheSameEnvelopeAgain_GivesTheSameReceipt_AndNoSecondBid()
    {
        var first = await SubmitAsync("--json");
        var second = await SubmitAsync("--json");

        first.ExitCode.ShouldBe(ExitCodes.Ok, first.Error);
        second.ExitCode.ShouldBe(ExitCodes.Ok, second.Error);
        var a = JsonDocument.Parse(first.Out).RootElement;
        var b = JsonDocument.Parse(second.Out).RootElement;
        b.GetProperty("status").GetString().ShouldBe("already-submitted");
        b.GetProperty("bidId").GetString().ShouldBe(a.GetProperty("bidId").GetString());
        b.GetProperty("completedAt").GetDateTimeOffset().ShouldBe(a.GetProperty("completedAt").GetDateTimeOffset());
        ShouldHoldExactlyOneBidOfTheEnvelope();
        _platform.Count("PUT").ShouldBe(5);
    }

    [Fact]
    public async Task Submit_ARefusal_FailsWithThePlatformsChineseDetailAndCode()
    {
        _platform.RefuseUploads = ("BID_NO_DOCUMENTS", "本单位尚未获取该标段的招标文件，不能投标：请先下载招标文件（《电子招标投标办法》第二十条）。");

        var run = await SubmitAsync();

        run.ExitCode.ShouldBe(ExitCodes.Error);
        run.Error.ShouldContain("BID_NO_DOCUMENTS");
        run.Error.ShouldContain("本单位尚未获取该标段的招标文件");
        _platform.Count("PUT").ShouldBe(0);
        File.Exists(_envelope + ".receipt.json").ShouldBeFalse();
    }

    [Fact]
    public async Task Submit_AReceiptWhoseSignatureFails_IsRefused()
    {
        _platform.ForgeReceipts = true;

        var run = await SubmitAsync("--json");

        run.ExitCode.ShouldBe(ExitCodes.Error);
        var answer = JsonDocument.Parse(run.Out).RootElement;
        answer.GetProperty("status").GetString().ShouldBe("error");
        answer.GetProperty("message").GetString()!.ShouldContain("回执的签名验证失败");
        File.Exists(_envelope + ".receipt.json").ShouldBeFalse();
    }

    [Fact]
    public async Task Submit_WhenTheNetworkStaysDown_GivesUpAfterTheRetries_AndTheNextRunResumes()
    {
        var puts = 0;
        _platform.Faults = (request, _) => request.Method == HttpMethod.Put && ++puts >= 3 && puts < 20 ? BidFault.FailBeforeArrival : BidFault.None;

        var failed = await SubmitAsync("--retries", "2");
        failed.ExitCode.ShouldBe(ExitCodes.Error);
        failed.Error.ShouldContain("多次重试后仍未成功");
        _platform.Uploads[0].Received.ShouldBe(2 * MiB);

        puts = 100;
        var resumed = await SubmitAsync();
        resumed.ExitCode.ShouldBe(ExitCodes.Ok, resumed.Error);
        resumed.Out.ShouldContain("从第 2,097,152 字节处续传");
        ShouldHoldExactlyOneBidOfTheEnvelope();
    }

    [Fact]
    public async Task StatusAndWithdraw_ShowTheCurrentBid_AndWithdrawOnlyWhenConfirmed()
    {
        (await SubmitAsync()).ExitCode.ShouldBe(ExitCodes.Ok);
        string[] platform = ["--url", "http://platform.test", "--token-file", _tokenFile, "--lot", BidFakePlatform.LotCode];

        var status = await BidTestKit.InvokeAsync(_platform.Transport, ["bid", "status", .. platform, "--envelope", _envelope]);
        status.ExitCode.ShouldBe(ExitCodes.Ok, status.Error);
        status.Out.ShouldContain("当前有效投标：回执");
        status.Out.ShouldContain("是当前有效的投标。");

        var unconfirmed = await BidTestKit.InvokeAsync(_platform.Transport, ["bid", "withdraw", .. platform]);
        unconfirmed.ExitCode.ShouldBe(ExitCodes.Error);
        unconfirmed.Error.ShouldContain("--yes");
        _platform.Bids[0].Status.ShouldBe("current");

        var withdrawn = await BidTestKit.InvokeAsync(_platform.Transport, ["bid", "withdraw", .. platform, "--yes", "--json"]);
        withdrawn.ExitCode.ShouldBe(ExitCodes.Ok, withdrawn.Out);
        JsonDocument.Parse(withdrawn.Out).RootElement.GetProperty("bidId").GetString().ShouldBe(_platform.Bids[0].Upload.UploadId);
        _platform.Bids[0].Status.ShouldBe("withdrawn");

        var after = await BidTestKit.InvokeAsync(_platform.Transport, ["bid", "status", .. platform, "--envelope", _envelope, "--json"]);
        var json = JsonDocument.Parse(after.Out).RootElement;
        json.GetProperty("status").GetString().ShouldBe("no-bid");
        json.GetProperty("history")[0].GetProperty("status").GetString().ShouldBe("withdrawn");
        json.GetProperty("envelope").GetProperty("isCurrent").GetBoolean().ShouldBeFalse();
    }

    [Fact]
    public async Task Submit_WithoutAToken_SaysToLogIn()
    {
        var run = await BidTestKit.InvokeAsync(_platform.Transport,
            ["bid", "submit", "--url", "http://platform.test/", "--envelope", _envelope, "--token-file", _directory.File("none")]);

        run.ExitCode.ShouldBe(ExitCodes.Error);
        run.Error.ShouldContain("请先运行 ggzy login");
    }
}
