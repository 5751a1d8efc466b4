using System.Net;
using System.Text.Json;
using Ggzy.Experts.Contracts;
using Ggzy.Experts.Contracts.Drawing;
using Ggzy.Platform.Data;
using Ggzy.Platform.Demo;
using Ggzy.Platform.Identity;
using Ggzy.TestKit;
using Ggzy.Web.Tests.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace Ggzy.Web.Tests.Experts;

/// <summary>
/// The expert draw over HTTP with the demo's draws (docs/expert-draw.md): who sees what through every role — names only
/// to the lot's center and only after sign-in, each read on the Ledger; the public record of the closed draw, which
/// verifies; refusals as problem+json with a stable code and the article, changing nothing.
/// </summary>
public sealed class DrawHttpTests(GgzyApp app) : IClassFixture<GgzyApp>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string> EveryAccount => [.. DemoAccounts.Accounts.Select(a => a.UserName).Where(n => n != "bidder.staff" && !n.StartsWith("expert", StringComparison.Ordinal) || n == "expert")];

    // The projects the demo takes through evaluation (工程 and 政府采购): their draws are there for their committees.
    private static readonly string[] EvaluationDemoProjects = ["安和市沿江大道市政改造工程", "安和市第三中学教学设备采购项目"];

    private async Task<List<(Guid Id, string State)>> DemoDrawsAsync(bool alsoEvaluationDemos = false)
    {
        var clerk = await app.SignInAsync("clerk");
        var list = await (await clerk.GetPathAsync("/api/v1/experts/draws")).JsonAsync();
        return [.. list.EnumerateArray().Where(d => alsoEvaluationDemos || !EvaluationDemoProjects.Contains(d.GetProperty("projectName").GetString()))
            .Select(d => (d.GetProperty("id").GetGuid(), d.GetProperty("state").GetString()!))];
    }

    // The names the lot's center sees: the signed-in experts'.
    private async Task<List<string>> SignedInNamesAsync(Guid drawId)
    {
        var clerk = await app.SignInAsync("clerk");
        var view = JsonSerializer.Deserialize<DrawView>(await (await clerk.GetPathAsync($"/api/v1/experts/draws/{drawId}")).HtmlAsync(), Json)!;
        var names = view.Seats.Where(s => s.ExpertName is not null).Select(s => s.ExpertName!).ToList();
        names.ShouldNotBeEmpty();
        return names;
    }

    [Fact]
    public async Task Demo_HasADrawInEveryState()
    {
        var states = (await DemoDrawsAsync(alsoEvaluationDemos: true)).Select(d => d.State).Order(StringComparer.Ordinal).ToList();

        // 景观绿化施工's (its committee seated, its room not open yet), the 沿江大道 works' draws (two closed after their
        // evaluations, one whose committee is still evaluating) and the 第三中学 purchase's (one closed, one evaluating).
        states.ShouldBe(["closed", "closed", "closed", "complete", "complete", "complete", "drawing", "requested"]);
        var clerk = await app.SignInAsync("clerk");
        var drawing = await (await clerk.GetPathAsync($"/api/v1/experts/draws/{(await DemoDrawsAsync()).Single(d => d.State == "drawing").Id}")).JsonAsync();
        drawing.GetProperty("rounds").GetArrayLength().ShouldBe(2);
        var seats = drawing.GetProperty("seats").EnumerateArray().Select(s => s.GetProperty("state").GetString()).ToList();
        seats.ShouldBe(["declined", "signed-in", "signed-in", "confirmed", "pending"], ignoreOrder: true);
    }

    [Theory]
    [MemberData(nameof(EveryAccount))]
    public async Task Draw_ShowsNamesOnlyToTheLotsCenter_AfterSignIn_EachReadOnTheLedger(string account)
    {
        var drawing = (await DemoDrawsAsync()).Single(d => d.State == "drawing").Id;
        var names = await SignedInNamesAsync(drawing);
        var role = DemoAccounts.Accounts.Single(a => a.UserName == account).Role;
        var client = await app.SignInAsync(account);
        var reads = await ReadsAsync();

        var response = await client.GetPathAsync($"/api/v1/experts/draws/{drawing}");
        var body = await response.HtmlAsync();

        if (role is Roles.Bidder or Roles.Expert or Roles.SocialSupervisor)
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
            return;
        }

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var view = JsonSerializer.Deserialize<DrawView>(body, Json)!;
        var signedIn = view.Seats.Where(s => s.State == SeatOutcomes.SignedIn).ToList();
        signedIn.Count.ShouldBe(2);
        if (account is "clerk" or "admin")
        {
            signedIn.ShouldAllBe(s => s.ExpertName != null && names.Contains(s.ExpertName) && s.ExpertCode!.StartsWith("ZJ"));
            view.Seats.Where(s => s.State != SeatOutcomes.SignedIn).ShouldAllBe(s => s.ExpertName == null && s.ExpertCode == null);
            (await ReadsAsync()).ShouldBe(reads + 2);
        }
        else
        {
            view.Seats.ShouldAllBe(s => s.ExpertName == null && s.ExpertCode == null);
            names.ShouldAllBe(n => !body.Contains(n, StringComparison.Ordinal));
            body.ShouldNotContain("\"ZJ0");
            (await ReadsAsync()).ShouldBe(reads);
        }
    }

    [Fact]
    public async Task Draw_OfAnotherTenderersLot_IsNotFound_AndAnonymousIsUnauthorized()
    {
        var drawing = (await DemoDrawsAsync()).Single(d => d.State == "drawing").Id;

        (await app.CreateAnonymousClient().GetPathAsync($"/api/v1/experts/draws/{drawing}")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await (await app.SignInAsync("tenderer")).GetPathAsync($"/api/v1/experts/draws/{Guid.NewGuid()}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Record_OfTheClosedDraw_IsPublicWithoutIdentities_AndVerifies()
    {
        var closed = (await DemoDrawsAsync(alsoEvaluationDemos: true)).First(d => d.State == "closed").Id;
        var names = await SignedInNamesAsync(closed);

        var response = await app.CreateAnonymousClient().GetPathAsync($"/api/v1/experts/draws/{closed}/record");
        var body = await response.HtmlAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        names.ShouldAllBe(n => !body.Contains(n, StringComparison.Ordinal));
        body.ShouldNotContain("ZJ0");
        var record = JsonSerializer.Deserialize<DrawRecord>(body, Json)!;
        record.Rounds.ShouldAllBe(r => r.Seed != null);
        DrawVerifier.Verify(record).Findings.ShouldBeEmpty();
    }

    [Fact]
    public async Task Record_BeforeTheSeedsAreRevealed_IsAProblemWithItsCode()
    {
        var drawing = (await DemoDrawsAsync()).Single(d => d.State == "drawing").Id;

        var response = await app.CreateAnonymousClient().GetPathAsync($"/api/v1/experts/draws/{drawing}/record");
        var problem = await response.JsonAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        problem.GetProperty("code").GetString().ShouldBe("DRAW_RECORD_NOT_PUBLISHED");
        problem.GetProperty("detail").GetString().ShouldNotBeNull().ShouldContain("随机种子尚未公开");
    }

    [Fact]
    public async Task Request_ThatBreaksTheCompositionRules_IsRefusedWithTheArticle_AndChangesNothing()
    {
        var lot = await FreeLotAsync();
        var agency = await app.SignInAsync("agency");
        var before = await CountsAsync();

        var response = await agency.PostJsonAsync("/api/v1/experts/draws", new DrawRequestInput(lot.LotId, lot.BidDeadline!.Value.AddDays(1),
            [new DrawSiteInput("安和市公共资源交易中心第一评标室", "安和市人民路 88 号")], 6, 1, false, [new DrawDemandInput("A0801", 5, 0)]));
        var problem = await response.JsonAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        problem.GetProperty("code").GetString().ShouldBe("COMMITTEE_ODD");
        problem.GetProperty("detail").GetString().ShouldNotBeNull().ShouldContain("《中华人民共和国招标投标法》第三十七条");
        (await CountsAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Request_BeforeTheBidDeadlineWithAnEvaluationBeforeIt_IsRefused_AndByABidderForbidden()
    {
        var lot = await FreeLotAsync();
        var input = new DrawRequestInput(lot.LotId, lot.BidDeadline!.Value.AddHours(-1),
            [new DrawSiteInput("评标室", "")], 5, 1, false, [new DrawDemandInput("A0801", 4, 0)]);

        var early = await (await app.SignInAsync("agency")).PostJsonAsync("/api/v1/experts/draws", input);
        (await early.JsonAsync()).GetProperty("code").GetString().ShouldBe("DRAW_EVALUATION_TIME");
        (await (await app.SignInAsync("bidder")).PostJsonAsync("/api/v1/experts/draws", input)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    // A lot of the demo's agency whose deadline is ahead and that has no draw yet.
    private async Task<DrawLot> FreeLotAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var lots = await scope.ServiceProvider.GetRequiredService<IDrawLots>().ScheduledAsync(Ct);
        var drawn = await DrawnLotsAsync();
        var now = app.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        return lots.First(l => l.Proceeding && !drawn.Contains(l.LotId) && l.BidDeadline > now && l.AgencyCode is not null);
    }

    private async Task<HashSet<Guid>> DrawnLotsAsync()
    {
        var list = await (await (await app.SignInAsync("clerk")).GetPathAsync("/api/v1/experts/draws")).JsonAsync();
        return [.. list.EnumerateArray().Select(d => d.GetProperty("lotId").GetGuid())];
    }

    private async Task<(int Draws, long Entries)> CountsAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        return ((await DrawnLotsAsync()).Count,
            await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().LedgerEntries.LongCountAsync(e => e.Type.StartsWith("experts.draw."), Ct));
    }

    private async Task<int> ReadsAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().LedgerEntries.CountAsync(e => e.Type == "experts.identity.read", Ct);
    }
}
