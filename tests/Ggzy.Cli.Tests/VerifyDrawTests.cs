using System.Security.Claims;
using System.Text.Json;
using Ggzy.Experts.Contracts;
using Ggzy.Experts.Contracts.Drawing;
using Ggzy.Platform.Data;
using Ggzy.Platform.Identity;
using Ggzy.TestKit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace Ggzy.Cli.Tests;

/// <summary>
/// <c>ggzy experts verify-draw</c> on the demo's closed draw of 沿江大道 道路及排水工程施工 (docs/expert-draw.md §7): from the platform's public record
/// over HTTP and from the database with the Ledger; a tampered snapshot is named and fails with exit code 4 (ExitCodes.DrawMismatch).
/// </summary>
public sealed class VerifyDrawTests : IAsyncLifetime
{
    private readonly GgzyApp _app = new();
    private Uri _url = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        await _app.InitializeAsync();
        _url = _app.StartOnLoopback();
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private string[] Database => _app.Database.Provider == DatabaseProvider.Sqlite
        ? ["--data-dir", _app.Database.DataDirectory]
        : ["--provider", "postgres", "--connection-string", _app.Database.ConnectionString];

    private async Task<(string Closed, string Drawing)> DrawsAsync()
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var center = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "clerk"), new Claim(ClaimTypes.Role, Roles.CenterStaff)], "test"));
        var draws = await scope.ServiceProvider.GetRequiredService<IExpertDraws>().ListAsync(center, Ct);
        // The 沿江大道 道路及排水 lot's draw, closed by the center after the lot's evaluation, and the 东湖公园 works' draw in progress.
        var closed = draws.Single(d => d.State == "closed" && d.ProjectName == "安和市沿江大道市政改造工程" && d.LotName == "道路及排水工程施工");
        return (closed.Id.ToString(), draws.Single(d => d.State == "drawing" && d.ProjectName == "安和市东湖公园景观提升工程").Id.ToString());
    }

    // Guids are text in SQLite (upper case) and uuid in PostgreSQL.
    private static string Round(string drawId) => $"upper(CAST(draw_id AS TEXT)) = upper('{drawId}')";

    private async Task ExecuteAsync(string sql)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().Database.ExecuteSqlRawAsync(sql, Ct);
    }

    [Fact]
    public async Task VerifyDraw_OfTheClosedDraw_ConfirmsItFromTheApiAndFromTheDatabaseWithTheLedger()
    {
        var (closed, _) = await DrawsAsync();

        var fromApi = await CliRun.InvokeAsync(["experts", "verify-draw", closed, "--url", _url.ToString()]);
        var fromDatabase = await CliRun.InvokeAsync(["experts", "verify-draw", closed, .. Database]);
        var json = await CliRun.InvokeAsync(["experts", "verify-draw", closed, "--json", .. Database]);

        fromApi.ExitCode.ShouldBe(ExitCodes.Ok, fromApi.Out + fromApi.Error);
        fromApi.Out.ShouldContain("验证一致");
        fromDatabase.ExitCode.ShouldBe(ExitCodes.Ok, fromDatabase.Out + fromDatabase.Error);
        fromDatabase.Out.ShouldContain("与账本记录一致");
        var result = JsonDocument.Parse(json.Out).RootElement;
        result.GetProperty("status").GetString().ShouldBe("verified");
        result.GetProperty("ledgerChecked").GetBoolean().ShouldBeTrue();
        result.GetProperty("seats").GetInt32().ShouldBe(4);
    }

    // The round's snapshot as stored, in its packed form (docs/expert-draw.md §3).
    private async Task<byte[]> PackedAsync(string drawId)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var sql = "SELECT snapshot_packed AS \"Value\" FROM experts_draw_rounds WHERE " + Round(drawId);
        return await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().Database.SqlQueryRaw<byte[]>(sql).SingleAsync(Ct);
    }

    [Fact]
    public async Task VerifyDraw_OfATamperedSnapshot_NamesItAndExitsFour()
    {
        var (closed, _) = await DrawsAsync();
        // The last candidate taken out of the stored snapshot, after the round was drawn and recorded, and packed again.
        var text = CandidateSnapshot.Unpack(await PackedAsync(closed));
        var cut = text[..(text[..^1].LastIndexOf('\n') + 1)];
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var sql = "UPDATE experts_draw_rounds SET snapshot_packed = {0} WHERE " + Round(closed);
            await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().Database.ExecuteSqlRawAsync(sql, [CandidateSnapshot.Parse(cut).Pack()], Ct);
        }

        var fromApi = await CliRun.InvokeAsync(["experts", "verify-draw", closed, "--url", _url.ToString()]);
        var fromDatabase = await CliRun.InvokeAsync(["experts", "verify-draw", closed, .. Database]);

        fromApi.ExitCode.ShouldBe(ExitCodes.DrawMismatch, fromApi.Out + fromApi.Error);
        fromApi.Out.ShouldContain("验证不一致");
        fromApi.Out.ShouldContain("snapshot-digest");
        fromDatabase.ExitCode.ShouldBe(ExitCodes.DrawMismatch);
        fromDatabase.Out.ShouldContain("snapshot-digest");
    }

    [Fact]
    public async Task VerifyDraw_OfARoundStoredAsText_ConfirmsItAndATamperedTextFails()
    {
        // Rounds drawn before the packed form keep the text in the snapshot column.
        var (closed, _) = await DrawsAsync();
        var text = CandidateSnapshot.Unpack(await PackedAsync(closed));
        await ExecuteAsync($"UPDATE experts_draw_rounds SET snapshot = '{text}', snapshot_packed = NULL WHERE {Round(closed)}");

        var intact = await CliRun.InvokeAsync(["experts", "verify-draw", closed, .. Database]);
        await ExecuteAsync($"UPDATE experts_draw_rounds SET snapshot = substr(snapshot, 1, length(snapshot) - 45) WHERE {Round(closed)}");
        var tampered = await CliRun.InvokeAsync(["experts", "verify-draw", closed, .. Database]);

        intact.ExitCode.ShouldBe(ExitCodes.Ok, intact.Out + intact.Error);
        tampered.ExitCode.ShouldBe(ExitCodes.DrawMismatch);
        tampered.Out.ShouldContain("snapshot-digest");
    }

    [Fact]
    public async Task VerifyDraw_OfARecordWhoseDigestWasReplacedToo_IsCaughtByTheLedger()
    {
        var (closed, _) = await DrawsAsync();
        await ExecuteAsync($"UPDATE experts_draw_rounds SET snapshot_digest = '{new string('0', 64)}' WHERE {Round(closed)}");

        var fromDatabase = await CliRun.InvokeAsync(["experts", "verify-draw", closed, .. Database]);

        fromDatabase.ExitCode.ShouldBe(ExitCodes.DrawMismatch);
        fromDatabase.Out.ShouldContain("ledger-snapshot-digest");
    }

    [Fact]
    public async Task VerifyDraw_BeforeTheSeedsAreRevealed_SaysSoAndExitsOne()
    {
        var (_, drawing) = await DrawsAsync();

        var run = await CliRun.InvokeAsync(["experts", "verify-draw", drawing, "--url", _url.ToString()]);

        run.ExitCode.ShouldBe(ExitCodes.Error);
        run.Error.ShouldContain("随机种子尚未公开");
    }
}
