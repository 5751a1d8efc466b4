using System.Net;
using Ggzy.TestKit;
using Ggzy.Web.Tests.Identity;
using Shouldly;
using Xunit;

namespace Ggzy.Web.Tests.Trading;

/// <summary>
/// The trading catalog over HTTP (R1–R3): anyone reads the catalog and checks a project; the center drafts, the
/// Regulator approves and publishes; refused requests change nothing.
/// </summary>
public sealed class TradingCatalogHttpTests(GgzyApp app) : IClassFixture<GgzyApp>
{
    private const string Catalog = "/api/v1/trading/catalog";

    private static string Works => Uri.EscapeDataString("施工");

    private static string Construction => Uri.EscapeDataString("工程建设");

    [Fact]
    public async Task CurrentCatalog_Anonymously_IsTheNationalVersionWithItsCitations()
    {
        var response = await app.CreateAnonymousClient().GetPathAsync(Catalog);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var json = await response.JsonAsync();
        json.GetProperty("number").GetInt32().ShouldBe(1);
        json.GetProperty("entries").GetArrayLength().ShouldBe(3);
        json.GetProperty("entries")[0].GetProperty("citation").GetString()!.ShouldContain("第16号");
    }

    [Fact]
    public async Task Classify_A500WanWorksProject_MustEnter_AtTheCityCenter()
    {
        var response = await app.CreateAnonymousClient().GetPathAsync($"{Catalog}/classify?sector={Construction}&projectType={Works}&amount=5000000&region=990100");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var json = await response.JsonAsync();
        json.GetProperty("verdict").GetString().ShouldBe("MustEnter");
        json.GetProperty("citation").GetString()!.ShouldContain("《必须招标的工程项目规定》");
        json.GetProperty("center").GetProperty("name").GetString().ShouldBe("安和市公共资源交易中心");
    }

    [Fact]
    public async Task Classify_InTheEastDistrictBelowTheThreshold_MayEnterVoluntarily_AtTheBranchCenter()
    {
        var json = await (await app.CreateAnonymousClient().GetPathAsync($"{Catalog}/classify?sector={Construction}&projectType={Works}&amount=1000000&region=990102")).JsonAsync();

        json.GetProperty("verdict").GetString().ShouldBe("MayEnterVoluntarily");
        json.GetProperty("center").GetProperty("name").GetString().ShouldBe("安和市公共资源交易中心东湖分中心");
    }

    [Fact]
    public async Task Classify_NegativeAmountOrUnknownRegion_Is400InChinese()
    {
        var response = await app.CreateAnonymousClient().GetPathAsync($"{Catalog}/classify?sector={Construction}&projectType={Works}&amount=-1&region=110101");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var html = await response.HtmlAsync();
        html.ShouldContain("不能为负数");
        html.ShouldContain("行政区划代码");
    }

    [Fact]
    public async Task CatalogPage_CheckingA500WanWorksProject_SaysItMustEnterCiting16()
    {
        var html = await (await app.CreateAnonymousClient().GetPathAsync(
            $"/Trading/Catalog?Check.Sector={Construction}&Check.ProjectType={Works}&Check.EstimatedAmount=500&Check.RegionCode=990100")).HtmlAsync();

        html.ShouldContain("必须进场交易");
        html.ShouldContain("第16号");
    }

    [Fact]
    public async Task Versions_AsBidder_AreForbidden_AndDraftingIsForbidden()
    {
        var bidder = await app.SignInAsync("bidder");

        (await bidder.GetPathAsync($"{Catalog}/versions")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await bidder.PostJsonAsync($"{Catalog}/versions", new { basis = "x" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task VersionsPage_DraftingWithoutABasis_SaysSoInChinese_AndStoresNothing()
    {
        var clerk = await app.SignInAsync("clerk");
        var before = await app.CountsAsync();

        var response = await clerk.PostFormAsync("/Trading/Catalog/Versions", "/Trading/Catalog/Versions?handler=Draft",
            new Dictionary<string, string> { ["Draft.Basis"] = " " });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await response.HtmlAsync();
        html.ShouldContain("请填写本版目录的制定依据");
        html.ShouldContain("吉林市公共资源交易管理暂行办法");
        (await app.CountsAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task PublishedVersion_EditedByTheCenter_Is422AndUnchanged()
    {
        var clerk = await app.SignInAsync("clerk");
        var versions = await (await clerk.GetPathAsync($"{Catalog}/versions")).JsonAsync();
        var v1 = versions.EnumerateArray().Single(v => v.GetProperty("number").GetInt32() == 1).GetProperty("id").GetString();
        var before = await app.CountsAsync();

        var response = await clerk.PostJsonAsync($"{Catalog}/versions/{v1}/entries", new
        {
            sector = "工程建设",
            projectType = "施工",
            thresholdAmount = 1,
            regionCode = "990100",
            citation = "x",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await response.HtmlAsync()).ShouldContain("已发布的目录不得更改");
        (await app.CountsAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task DemoSubmission_ApprovedAndPublishedByTheRegulator_TakesEffectOnItsDay()
    {
        var regulator = await app.SignInAsync("regulator");
        var versions = await (await regulator.GetPathAsync($"{Catalog}/versions")).JsonAsync();
        var pending = versions.EnumerateArray().Single(v => v.GetProperty("status").GetString() == "Submitted");
        var id = pending.GetProperty("id").GetString();
        var clerk = await app.SignInAsync("clerk");

        (await clerk.PostJsonAsync($"{Catalog}/versions/{id}/decision", new { approve = true })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await regulator.PostJsonAsync($"{Catalog}/versions/{id}/decision", new { approve = true })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var past = await regulator.PostJsonAsync($"{Catalog}/versions/{id}/publish", new { effectiveFrom = "2020-01-01" });
        past.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await past.HtmlAsync()).ShouldContain("生效日期");

        var later = TimeProvider.System.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).AddDays(2).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        (await regulator.PostJsonAsync($"{Catalog}/versions/{id}/publish", new { effectiveFrom = later })).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        var after = await (await regulator.GetPathAsync($"{Catalog}/versions/{id}")).JsonAsync();
        after.GetProperty("status").GetString().ShouldBe("Published");
        after.GetProperty("isCurrent").GetBoolean().ShouldBeFalse();
        (await app.LedgerTypesAsync($"trading-catalog:{after.GetProperty("number").GetInt32()}")).ShouldBe(
        [
            "trading.catalog.drafted", "trading.catalog.entry-added", "trading.catalog.entry-added", "trading.catalog.submitted",
            "trading.catalog.approved", "trading.catalog.published",
        ]);

        // Until its day the new version waits and the national one stays in force, and the history page says so.
        var page = await (await regulator.GetPathAsync("/Trading/Catalog/Versions")).HtmlAsync();
        page.ShouldContain("已发布，待生效");
        page.ShouldContain("已发布（现行，新版本生效后被取代）");
    }
}
