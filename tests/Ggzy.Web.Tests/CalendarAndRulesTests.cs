using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ggzy.Platform.Data;
using Ggzy.Platform.Rules;
using Ggzy.TestKit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace Ggzy.Web.Tests;

public sealed class CalendarAndRulesTests(GgzyApp app) : IClassFixture<GgzyApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ShippedYears_AreInstalledAtStart()
    {
        var years = await app.CreateAnonymousClient().GetFromJsonAsync<JsonElement>("/api/v1/calendar", Ct);
        years.EnumerateArray().Select(y => y.GetProperty("year").GetInt32()).ShouldBeSubsetOf([2024, 2025, 2026, 2028]);
        years.GetArrayLength().ShouldBeGreaterThanOrEqualTo(3);
    }

    [Theory]
    [InlineData("2026-09-30", 1, "calendar", "2026-10-08")]
    [InlineData("2026-09-30", 3, "working", "2026-10-10")]
    [InlineData("2026-02-13", 1, "working", "2026-02-14")]
    public async Task Deadline_FollowsArticle85(string from, int days, string unit, string expected)
    {
        var result = await app.CreateAnonymousClient().GetFromJsonAsync<JsonElement>(
            $"/api/v1/calendar/deadline?from={from}&days={days}&unit={unit}", Ct);
        result.GetProperty("date").GetString().ShouldBe(expected);
        result.GetProperty("provisional").GetBoolean().ShouldBeFalse();
    }

    [Fact]
    public async Task Deadline_InUnknownYear_IsProvisional_AndAlertsTheRegulator()
    {
        var result = await app.CreateAnonymousClient().GetFromJsonAsync<JsonElement>("/api/v1/calendar/deadline?from=2031-03-01&days=10&unit=working", Ct);
        result.GetProperty("provisional").GetBoolean().ShouldBeTrue();
        var regulator = await app.SignInAsync("regulator");
        var workbench = await regulator.GetStringAsync(new Uri("/Workbench", UriKind.Relative), Ct);
        workbench.ShouldContain("2031 年的节假日安排");
    }

    [Fact]
    public async Task SaveYear_ByRegulator_IsUsed_AndOthersAreRefused()
    {
        var body = new
        {
            notice = "国务院办公厅关于2028年部分节假日安排的通知（测试）",
            periods = new[] { new { name = "元旦", from = "2028-01-01", to = "2028-01-03" } },
            workdays = Array.Empty<string>(),
        };
        (await app.CreateAnonymousClient().PutAsJsonAsync("/api/v1/calendar/2028", body, Ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await (await app.SignInAsync("bidder")).PutAsJsonAsync("/api/v1/calendar/2028", body, Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var regulator = await app.SignInAsync("regulator");
        (await regulator.PutAsJsonAsync("/api/v1/calendar/2028", body, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var check = await regulator.GetFromJsonAsync<JsonElement>("/api/v1/calendar/deadline?from=2027-12-31&days=1", Ct);
        check.GetProperty("date").GetString().ShouldBe("2028-01-04");
    }

    [Fact]
    public async Task SaveYear_WithPeriodEndingBeforeItStarts_IsRefused_AndChangesNothing()
    {
        var regulator = await app.SignInAsync("regulator");
        var before = await CountsAsync();
        var response = await regulator.PutAsJsonAsync("/api/v1/calendar/2029", new
        {
            notice = "测试通知",
            periods = new[] { new { name = "春节", from = "2029-02-10", to = "2029-02-01" } },
            workdays = Array.Empty<string>(),
        }, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await response.Content.ReadAsStringAsync(Ct)).ShouldContain("早于开始日期");
        (await CountsAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Rules_ArePublic_WithCitations_AndTheDemoOverride()
    {
        var rules = await app.CreateAnonymousClient().GetFromJsonAsync<JsonElement>("/api/v1/rules", Ct);
        var publicity = rules.EnumerateArray().Single(r => r.GetProperty("key").GetString() == StatutoryRules.TenderCandidatePublicity.Key);
        publicity.GetProperty("citation").GetString()!.ShouldContain("第五十四条");
        publicity.GetProperty("overrides")[0].GetProperty("value").GetDecimal().ShouldBe(5);

        var page = await app.CreateAnonymousClient().GetStringAsync(new Uri("/Rules", UriKind.Relative), Ct);
        page.ShouldContain("《中华人民共和国招标投标法》第二十四条");
    }

    [Fact]
    public async Task Override_ThatLoosensTheLaw_IsRefused_CitingTheRule()
    {
        var regulator = await app.SignInAsync("regulator");
        var response = await regulator.PostAsJsonAsync("/api/v1/rules/overrides", new
        {
            ruleKey = StatutoryRules.TenderDocumentsToDeadline.Key,
            regionCode = "990100",
            value = 15,
            basis = "测试依据",
        }, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity, await response.Content.ReadAsStringAsync(Ct));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        problem.GetProperty("detail").GetString()!.ShouldContain("20");
        problem.GetProperty("citation").GetString()!.ShouldContain("第二十四条");
    }

    [Fact]
    public async Task CalendarPages_Render_AndTheEditFormExplainsABadLine()
    {
        var html = await app.CreateAnonymousClient().GetStringAsync(new Uri("/Calendar?year=2026&from=2026-09-30&days=1", UriKind.Relative), Ct);
        html.ShouldContain("2026年10月8日");

        var regulator = await app.SignInAsync("regulator");
        var token = await GgzyApp.AntiforgeryTokenAsync(regulator, "/Calendar/Edit?year=2030");
        var before = await CountsAsync();
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Year"] = "2030",
            ["Notice"] = "测试通知",
            ["Periods"] = "元旦 2030-01-01",
            ["__RequestVerificationToken"] = token,
        });
        var response = await regulator.PostAsync(new Uri("/Calendar/Edit?year=2030", UriKind.Relative), form, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync(Ct)).ShouldContain("第 1 行");
        (await CountsAsync()).ShouldBe(before);
    }

    private async Task<(int Years, int Ledger)> CountsAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        return (await db.CalendarYears.CountAsync(Ct), await db.LedgerEntries.CountAsync(Ct));
    }
}
