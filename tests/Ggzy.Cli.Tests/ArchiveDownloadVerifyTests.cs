using Ggzy.TestKit;
using Shouldly;
using Xunit;

namespace Ggzy.Cli.Tests;

/// <summary>
/// <c>ggzy archive verify</c> on a package downloaded from the platform over HTTP: each of the demo's archived lots (failed, contracted),
/// downloaded by its tenderer and checked with the platform key the archive page gives; one byte changed and the same file is damaged.
/// </summary>
public sealed class ArchiveDownloadVerifyTests : IAsyncLifetime
{
    private readonly GgzyApp _app = new();
    private readonly TemporaryDirectory _directory = BidTestKit.Directory();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => await _app.InitializeAsync();

    public async ValueTask DisposeAsync()
    {
        _directory.Dispose();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task APackageDownloadedOverHttp_Verifies_AndOneChangedByteIsReported()
    {
        using var tenderer = await _app.SignInAsync("tenderer");
        var list = System.Text.Json.JsonDocument.Parse(await tenderer.GetStringAsync(new Uri("/api/v1/trading/archives", UriKind.Relative), Ct)).RootElement;
        var lots = list.EnumerateArray().Select(a => a.GetProperty("lotId").GetString()!).ToList();

        // The demo's failed lot and its contracted one (沿江大道 道路及排水工程施工): each package verifies.
        lots.Count.ShouldBeGreaterThanOrEqualTo(2);
        var outcomes = new List<string>();
        (string Path, string Key, byte[] Package) last = ("", "", []);
        foreach (var lotId in lots)
        {
            var detail = System.Text.Json.JsonDocument.Parse(await tenderer.GetStringAsync(new Uri($"/api/v1/trading/archives/{lotId}", UriKind.Relative), Ct)).RootElement;
            var package = await tenderer.GetByteArrayAsync(new Uri($"/api/v1/trading/archives/{lotId}/package", UriKind.Relative), Ct);
            var path = _directory.File(detail.GetProperty("fileName").GetString()!);
            await File.WriteAllBytesAsync(path, package, Ct);
            var key = _directory.File("platform-key.pub.pem");
            await File.WriteAllTextAsync(key, detail.GetProperty("platformKeyPem").GetString(), Ct);

            var run = await CliRun.InvokeAsync(["archive", "verify", path, "--platform-key", key]);
            run.ExitCode.ShouldBe(ExitCodes.Ok, run.Out + run.Error);
            run.Out.ShouldContain(detail.GetProperty("lotTradeCode").GetString()!);
            outcomes.Add(detail.GetProperty("outcome").GetString()!);
            last = (path, key, package);
        }

        outcomes.Distinct().Count().ShouldBeGreaterThanOrEqualTo(2, string.Join(", ", outcomes));
        last.Package[last.Package.Length / 4] ^= 0x01;
        await File.WriteAllBytesAsync(last.Path, last.Package, Ct);
        var damaged = await CliRun.InvokeAsync(["archive", "verify", last.Path, "--platform-key", last.Key]);
        damaged.ExitCode.ShouldBe(ExitCodes.ArchiveDamaged, damaged.Out + damaged.Error);
    }
}
