using System.Net;
using Ggzy.TestKit;
using Ggzy.Web.Tests.Identity;
using Shouldly;
using Xunit;

namespace Ggzy.Web.Tests.Credit;

/// <summary>业绩 and 资质 over HTTP (R31): members enter them, the public pages show them, bad input stores nothing.</summary>
public sealed class EntityProfileHttpTests(GgzyApp app) : IClassFixture<GgzyApp>
{
    private static async Task<string> DemoCodeAsync(HttpClient client, string name)
    {
        var html = await (await client.GetPathAsync($"/Credit/Entities?q={Uri.EscapeDataString(name)}")).HtmlAsync();
        return System.Text.RegularExpressions.Regex.Match(html, "<code>([0-9A-Z]{18})</code>").Groups[1].Value;
    }

    [Fact]
    public async Task Demo_DetailsPage_ShowsPerformanceAndQualifications_WithTheExpiredOneMarked_AndTheDirectoryCounts()
    {
        var anonymous = app.CreateAnonymousClient();
        var code = await DemoCodeAsync(anonymous, "宏远");

        var details = await (await anonymous.GetPathAsync($"/Credit/Entities/Details?code={code}")).HtmlAsync();
        var directory = await (await anonymous.GetPathAsync("/Credit/Entities")).HtmlAsync();
        var api = await (await anonymous.GetPathAsync($"/api/v1/credit/entities/{code}/profile")).JsonAsync();

        details.ShouldContain("安和市东湖区第二实验小学教学楼新建工程");
        details.ShouldContain("28,650,000.00");
        details.ShouldContain("建筑工程施工总承包");
        details.ShouldContain("已过期");
        directory.ShouldContain("业绩 2 项，资质 2 项（有效 1 项）");
        api.GetProperty("qualifications").GetArrayLength().ShouldBe(2);
    }

    [Fact]
    public async Task ProfileForm_BadInput_ShowsChineseErrors_AndStoresNothing_ThenGoodInputIsPublished()
    {
        var agency = await app.SignInAsync("agency");
        var fields = new Dictionary<string, string>
        {
            ["Performance.ProjectName"] = "安和市图书馆改造工程招标代理",
            ["Performance.Client"] = "安和市文化局",
            ["Performance.Amount"] = "0",
            ["Performance.CompletedOn"] = "2099-01-01",
        };
        var before = await app.CountsAsync();

        var refused = await agency.PostFormAsync("/Credit/Profile", "/Credit/Profile?handler=Performance", fields);

        var html = await refused.HtmlAsync();
        html.ShouldContain("请填写合同金额");
        html.ShouldContain("不能晚于今天");
        (await app.CountsAsync()).ShouldBe(before);

        fields["Performance.Amount"] = "123456.78";
        fields["Performance.CompletedOn"] = "2025-05-20";
        var saved = await agency.PostFormAsync("/Credit/Profile", "/Credit/Profile?handler=Performance", fields);

        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var code = await DemoCodeAsync(agency, "明信");
        (await (await agency.GetPathAsync($"/Credit/Entities/Details?code={code}")).HtmlAsync()).ShouldContain("安和市图书馆改造工程招标代理");
        (await app.LedgerTypesAsync($"market-entity:{code}")).ShouldContain("credit.performance.added");
    }

    [Fact]
    public async Task ProfileApi_BadAmountText_Is400_AndCorrectionKeepsHistory()
    {
        var bidder = await app.SignInAsync("bidder2");
        var before = await app.CountsAsync();

        var bad = await bidder.PostJsonAsync("/api/v1/credit/profile/performance", new { projectName = "x", client = "y", amount = -1, completedOn = "2025-01-01" });

        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await app.CountsAsync()).ShouldBe(before);

        var added = await (await bidder.PostJsonAsync("/api/v1/credit/profile/qualifications", new
        {
            name = "公路工程施工总承包",
            certificateNumber = "D299010399",
            issuingAuthority = "安和市交通运输局",
            level = "三级",
            validFrom = "2024-01-01",
            validUntil = "2029-12-31",
        })).JsonAsync();
        var id = added.GetProperty("id").GetString();
        var corrected = await bidder.SendAsync(new HttpRequestMessage(HttpMethod.Put, $"/api/v1/credit/profile/qualifications/{id}")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new
            {
                name = "公路工程施工总承包",
                certificateNumber = "D299010399",
                issuingAuthority = "安和市交通运输局",
                level = "二级",
                validFrom = "2024-01-01",
                validUntil = "2029-12-31",
            }),
        }, TestContext.Current.CancellationToken);

        corrected.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await corrected.JsonAsync()).GetProperty("replaces").GetString().ShouldBe(id);
        var own = await (await bidder.GetPathAsync("/api/v1/credit/profile")).JsonAsync();
        own.GetProperty("qualifications").EnumerateArray().Count(q => q.GetProperty("name").GetString() == "公路工程施工总承包").ShouldBe(1);
    }

    [Fact]
    public async Task ProfilePage_IsOnlyForMarketParties()
    {
        var clerk = await app.SignInAsync("clerk");

        (await clerk.GetPathAsync("/Credit/Profile")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}
