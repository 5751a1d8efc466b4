using System.Net;
using System.Net.Http.Headers;
using Ggzy.Platform.Data;
using Ggzy.TestKit;
using Ggzy.Web.Tests.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace Ggzy.Web.Tests.Credit;

/// <summary>Credit records (R28), debarment (R30) and grade (R29) over HTTP: the API, the supervisors' pages, the public page.</summary>
public sealed class CreditRecordTests(GgzyApp app) : IClassFixture<GgzyApp>
{
    private const string Records = "/api/v1/credit/records";
    private const string Bidder1 = "91990102MA3E5M9R0C";
    private const string Bidder2 = "91990103MA4F6N0T0G";
    private const string Agency = "91990100MA2D4L8Q5G";
    private const string Shunda = "91990100MA5G7P1U9F";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Today => TimeProvider.System.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static string Tomorrow => TimeProvider.System.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private async Task<int> RecordCountAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().LedgerEntries.CountAsync(e => e.Type == "credit.record.entered", Ct);
    }

    [Fact]
    public async Task SupervisorPostsAPenalty_ThenThePublicApiAndTheEntityPageShowIt_AndTheGradeCountsIt()
    {
        var supervisor = await app.SignInAsync("supervisor.housing");
        var anonymous = app.CreateAnonymousClient();
        var before = await (await anonymous.GetPathAsync($"/api/v1/credit/entities/{Agency}/standing")).JsonAsync();

        var created = await supervisor.PostJsonAsync(Records, new
        {
            creditCode = Agency,
            kind = "Penalty",
            decisionNumber = "安建罚〔2026〕API1号",
            decidingBody = "安和市住房和城乡建设局",
            decisionDate = Today,
            facts = "接口测试：代理项目中违规收取费用，罚款 1 万元。",
            sourceSystem = "本平台录入",
        });

        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var record = await created.JsonAsync();
        record.GetProperty("isLate").GetBoolean().ShouldBeFalse();
        record.GetProperty("enteredBy").GetString().ShouldBe("supervisor.housing");
        var listed = await (await anonymous.GetPathAsync($"{Records}?entity={Agency}")).HtmlAsync();
        listed.ShouldContain("安建罚〔2026〕API1号");
        var page = await (await anonymous.GetPathAsync($"/Credit/Entities/Details?code={Agency}")).HtmlAsync();
        page.ShouldContain("安建罚〔2026〕API1号");
        page.ShouldContain("接口测试：代理项目中违规收取费用");
        var after = await (await anonymous.GetPathAsync($"/api/v1/credit/entities/{Agency}/standing")).JsonAsync();
        after.GetProperty("grade").GetProperty("score").GetDecimal().ShouldBe(before.GetProperty("grade").GetProperty("score").GetDecimal() - 10);
        (await app.LedgerTypesAsync($"market-entity:{Agency}")).ShouldContain("credit.record.entered");
    }

    [Fact]
    public async Task PostRecord_DecisionDateInTheFuture_Gets400InChinese_AndStoresNothing()
    {
        var supervisor = await app.SignInAsync("supervisor.housing");
        var before = await RecordCountAsync();

        var refused = await supervisor.PostJsonAsync(Records, new
        {
            creditCode = Agency,
            kind = "Penalty",
            decisionNumber = "安建罚〔2026〕API2号",
            decidingBody = "安和市住房和城乡建设局",
            decisionDate = Tomorrow,
            facts = "未来日期。",
            sourceSystem = "本平台录入",
        });

        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await refused.JsonAsync()).GetProperty("errors").GetProperty("decisionDate")[0].GetString()!.ShouldContain("晚于今天");
        (await RecordCountAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task PostRecord_AnonymousOrABidder_IsRefused()
    {
        var body = new { creditCode = Agency, kind = "Reward" };

        (await app.CreateAnonymousClient().PostJsonAsync(Records, body)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await (await app.SignInAsync("bidder")).PostJsonAsync(Records, body)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Correction_ByAnotherDepartment_Is403_ButTheRegulatorMayCorrect()
    {
        var housing = await app.SignInAsync("supervisor.housing");
        var original = await (await housing.PostJsonAsync(Records, new
        {
            creditCode = Bidder1,
            kind = "Violation",
            decisionNumber = "安建违〔2026〕API3号",
            decidingBody = "安和市住房和城乡建设局",
            decisionDate = Today,
            facts = "接口测试：未按规定公示项目负责人。",
            sourceSystem = "本平台录入",
        })).JsonAsync();
        object Correction(string number) => new
        {
            creditCode = Bidder1,
            kind = "Violation",
            action = "Correction",
            refersTo = original.GetProperty("id").GetGuid(),
            reason = "事实表述不准确。",
            decisionNumber = number,
            decidingBody = "安和市住房和城乡建设局",
            decisionDate = Today,
            facts = "接口测试：未按规定公示项目负责人变更。",
            sourceSystem = "本平台录入",
        };

        var finance = await (await app.SignInAsync("supervisor.finance")).PostJsonAsync(Records, Correction("安建违更〔2026〕API1号"));
        var regulator = await (await app.SignInAsync("regulator")).PostJsonAsync(Records, Correction("安建违更〔2026〕API2号"));

        finance.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await finance.HtmlAsync()).ShouldContain("只有录入原记录的部门或公管办");
        regulator.StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Standing_OfTheDemosDebarredEntity_NamesTheDebarmentInForce_AndItsPageSaysSo()
    {
        var anonymous = app.CreateAnonymousClient();

        var standing = await (await anonymous.GetPathAsync($"/api/v1/credit/entities/{Shunda}/standing")).JsonAsync();

        standing.GetProperty("debarment").GetProperty("isDebarred").GetBoolean().ShouldBeTrue();
        standing.GetProperty("debarment").GetProperty("debarment").GetProperty("decisionNumber").GetString().ShouldBe("安财限〔2026〕7号");
        standing.GetProperty("grade").GetProperty("level").GetString().ShouldBe("D");
        var page = await (await anonymous.GetPathAsync($"/Credit/Entities/Details?code={Shunda}")).HtmlAsync();
        page.ShouldContain("失信惩戒执行中");
        page.ShouldContain("安和市财政局 安财限〔2026〕7号");
        var bidder = await (await anonymous.GetPathAsync($"/api/v1/credit/entities/{Bidder1}/standing")).JsonAsync();
        bidder.GetProperty("debarment").GetProperty("isDebarred").GetBoolean().ShouldBeFalse();
        (await anonymous.GetPathAsync("/api/v1/credit/entities/91990100MA0000000X/standing")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task EntityPage_ShowsPublicRecordsWithCorrectionAndExpiredDebarment_ButNotTheConfidentialOne()
    {
        var page = await (await app.CreateAnonymousClient().GetPathAsync($"/Credit/Entities/Details?code={Bidder2}")).HtmlAsync();

        page.ShouldContain("安建罚更〔2026〕2号");
        page.ShouldContain("已更正");
        page.ShouldContain("安建限〔2025〕4号");
        page.ShouldNotContain("失信惩戒执行中");
        page.ShouldNotContain("安财处〔2026〕5号");
        page.ShouldContain("等级如何得出");
    }

    [Fact]
    public async Task RecordsPage_FlagsLateEntries_AndAConfidentialReadGoesOnTheLedger()
    {
        var supervisor = await app.SignInAsync("supervisor.finance");

        var late = await (await supervisor.GetPathAsync("/Credit/Records?late=true")).HtmlAsync();
        late.ShouldContain("安建违〔2026〕9号");
        late.ShouldContain("逾期录入");
        late.ShouldNotContain("安建奖〔2026〕3号");

        var all = await (await supervisor.GetPathAsync("/Credit/Records?q=" + Uri.EscapeDataString("安财处"))).HtmlAsync();
        all.ShouldContain("依法不公开");
        (await app.LedgerTypesAsync($"market-entity:{Bidder2}")).ShouldContain("credit.record.confidential-read");
    }

    [Fact]
    public async Task NewRecordForm_FutureDate_ShowsTheErrorAndStoresNothing_ThenACorrectDateIsStored()
    {
        var supervisor = await app.SignInAsync("supervisor.housing");
        var fields = new Dictionary<string, string>
        {
            ["Input.CreditCode"] = Bidder1,
            ["Input.Action"] = "Original",
            ["Input.Kind"] = "Reward",
            ["Input.DecisionNumber"] = "安建奖〔2026〕FORM1号",
            ["Input.DecidingBody"] = "安和市住房和城乡建设局",
            ["Input.DecisionDate"] = Tomorrow,
            ["Input.Facts"] = "表单测试：获评市级文明工地。",
            ["Input.SourceSystem"] = "本平台录入",
        };
        var before = await RecordCountAsync();

        var refused = await supervisor.PostFormAsync("/Credit/Records/New", "/Credit/Records/New", fields);

        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await refused.HtmlAsync()).ShouldContain("晚于今天");
        (await RecordCountAsync()).ShouldBe(before);

        fields["Input.DecisionDate"] = Today;
        var stored = await supervisor.PostFormAsync("/Credit/Records/New", "/Credit/Records/New", fields);

        stored.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var details = await (await supervisor.GetPathAsync(stored.Headers.Location!.OriginalString)).HtmlAsync();
        details.ShouldContain("安建奖〔2026〕FORM1号");
        details.ShouldContain("按期录入");
    }

    [Fact]
    public async Task ImportTheShippedExample_StoresItsRecords_AndImportingAgainAddsNothing()
    {
        var supervisor = await app.SignInAsync("supervisor.housing");
        var file = await File.ReadAllBytesAsync(Path.Combine(RepositoryRoot(), "docs", "examples", "credit-records-import.json"), Ct);

        var first = await PostFileAsync(supervisor, file);
        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await first.JsonAsync()).GetProperty("imported").GetInt32().ShouldBe(5);
        var before = await RecordCountAsync();

        var again = await PostFileAsync(supervisor, file);
        var result = await again.JsonAsync();
        result.GetProperty("imported").GetInt32().ShouldBe(0);
        result.GetProperty("skipped").GetInt32().ShouldBe(5);
        (await RecordCountAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Import_WithABadItem_Gets400NamingTheItem_AndStoresNothing()
    {
        var supervisor = await app.SignInAsync("supervisor.housing");
        var before = await RecordCountAsync();
        var json = $$"""
            {
              "format": "ggzy.credit-records.v1",
              "sourceSystem": "接口测试系统",
              "records": [
                { "creditCode": "{{Bidder1}}", "kind": "Reward", "decisionNumber": "测奖1号", "decidingBody": "安和市住房和城乡建设局", "decisionDate": "{{Today}}", "facts": "好。" },
                { "creditCode": "91990100MA0000000X", "kind": "Reward", "decisionNumber": "测奖2号", "decidingBody": "安和市住房和城乡建设局", "decisionDate": "{{Today}}", "facts": "好。" }
              ]
            }
            """;

        var refused = await PostFileAsync(supervisor, System.Text.Encoding.UTF8.GetBytes(json));

        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var message = (await refused.JsonAsync()).GetProperty("errors").GetProperty("records[1]")[0].GetString()!;
        message.ShouldContain("第 2 条记录（records[1]，第 6 行）");
        (await RecordCountAsync()).ShouldBe(before);
    }

    private static async Task<HttpResponseMessage> PostFileAsync(HttpClient client, byte[] file)
    {
        using var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return await client.PostAsync(new Uri($"{Records}/import", UriKind.Relative), content, Ct);
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Ggzy.slnx")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Ggzy.slnx not found above the test's directory.");
    }
}
