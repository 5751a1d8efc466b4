using System.IO.Compression;
using System.Net;
using System.Text.Json;
using Ggzy.TestKit;
using Ggzy.Web.Tests.Identity;
using Shouldly;
using Xunit;

namespace Ggzy.Web.Tests.Trading;

/// <summary>
/// A project's supervisory department over HTTP on the demo (docs/archive.md, 终止招标): the 第三中学教学楼 works lot's
/// termination waits for 住建; 住建's supervisor finds it on the pending list, in the department's notices and on the lot
/// page with the decision; 财政's supervisor sees none on the list, is refused the decision with 403 naming 住建, and
/// nothing changes; the Regulator reads the list. The demo's 交通运输工程 bridge names 交通运输, whose supervisor finds it on the
/// project list. The demo's corrected filing day is on the 沿江大道 lot's award and in its archive package.
/// </summary>
public sealed class SupervisoryDepartmentHttpTests(GgzyApp app) : IClassFixture<GgzyApp>
{
    private const string School = "安和市第三中学教学楼建设工程";
    private const string Bridge = "安和市县道X031线青龙河大桥改建工程";

    private static async Task<string> SchoolWorksAsync(HttpClient client)
    {
        var lots = await (await client.GetPathAsync("/api/v1/trading/lots")).JsonAsync();
        return lots.EnumerateArray().Single(l => l.GetProperty("projectName").GetString() == School && l.GetProperty("lotName").GetString() == "施工")
            .GetProperty("lotId").GetString()!;
    }

    private static JsonElement.ArrayEnumerator Pending(JsonElement list) => list.EnumerateArray();

    [Fact]
    public async Task OnlyTheProjectsDepartment_Decides_AndSeesTheWaitingRequest()
    {
        var agency = await app.SignInAsync("agency");
        var lotId = await SchoolWorksAsync(agency);

        var housing = await app.SignInAsync("supervisor.housing");
        var list = await (await housing.GetPathAsync("/api/v1/trading/lots/terminations/pending")).JsonAsync();
        var item = Pending(list).Single(p => p.GetProperty("lotId").GetString() == lotId);
        item.GetProperty("department").GetString()!.ShouldContain("住建");
        item.GetProperty("request").GetProperty("requestedBy").GetString().ShouldBe("agency");
        item.GetProperty("request").GetProperty("ground").GetString().ShouldBe("project-idle");
        var inbox = await (await housing.GetPathAsync("/api/v1/trading/notices")).JsonAsync();
        inbox.GetProperty("notices").EnumerateArray().ShouldContain(n => n.GetProperty("lotId").GetString() == lotId
            && n.GetProperty("kind").GetString() == "终止申请待确认");
        (await (await housing.GetPathAsync($"/api/v1/trading/lots/{lotId}")).JsonAsync()).GetProperty("canDecideTermination").GetBoolean().ShouldBeTrue();
        var page = await (await housing.GetPathAsync("/Trading/Lots/Terminations")).HtmlAsync();
        page.ShouldContain($"/Trading/Lots/Details/{lotId}");
        (await (await housing.GetPathAsync("/Workbench")).HtmlAsync()).ShouldContain("/Trading/Lots/Terminations");

        // 财政 does not supervise a 工程 project: nothing on its list, no decision, a 403 naming the department; nothing changes.
        var finance = await app.SignInAsync("supervisor.finance");
        Pending(await (await finance.GetPathAsync("/api/v1/trading/lots/terminations/pending")).JsonAsync())
            .ShouldNotContain(p => p.GetProperty("lotId").GetString() == lotId);
        var lot = await (await finance.GetPathAsync($"/api/v1/trading/lots/{lotId}")).JsonAsync();
        lot.GetProperty("canDecideTermination").GetBoolean().ShouldBeFalse();
        lot.GetProperty("supervisoryDepartment").GetString()!.ShouldContain("住建");
        foreach (var (path, body) in new[] { ("refuse", (object)new { note = "不属于本部门监督。" }), ("confirm", (object)new { note = "确认。" }) })
        {
            var refused = await finance.PostJsonAsync($"/api/v1/trading/lots/{lotId}/termination/{path}", body);
            refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
            refused.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
            (await refused.JsonAsync()).GetProperty("detail").GetString()!.ShouldContain("住房和城乡建设主管部门（住建）");
        }

        (await (await finance.GetPathAsync($"/Trading/Lots/Details/{lotId}")).HtmlAsync()).ShouldNotContain("termination-decision-form");
        (await (await agency.GetPathAsync($"/api/v1/trading/lots/{lotId}")).JsonAsync())
            .GetProperty("terminationRequest").GetProperty("state").GetString().ShouldBe("pending");

        // The Regulator reads every department's list; a bidder may not.
        Pending(await (await (await app.SignInAsync("regulator")).GetPathAsync("/api/v1/trading/lots/terminations/pending")).JsonAsync())
            .ShouldContain(p => p.GetProperty("lotId").GetString() == lotId);
        (await (await app.SignInAsync("bidder")).GetPathAsync("/api/v1/trading/lots/terminations/pending")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task TheDemosBridge_IsSupervisedByTransport_WhoseSupervisorFindsItOnTheProjectList()
    {
        var transport = await app.SignInAsync("supervisor.transport");
        var projects = await (await transport.GetPathAsync("/api/v1/trading/projects")).JsonAsync();
        var id = projects.GetProperty("projects").EnumerateArray().Single(p => p.GetProperty("name").GetString() == Bridge).GetProperty("id").GetString();
        var project = await (await transport.GetPathAsync($"/api/v1/trading/projects/{id}")).JsonAsync();
        project.GetProperty("status").GetString().ShouldBe("Accepted");
        project.GetProperty("industry").GetString().ShouldBe("交通运输工程");
        project.GetProperty("supervisoryDepartment").GetString().ShouldBe("交通运输");
        project.GetProperty("supervisoryDepartmentName").GetString()!.ShouldContain("交通运输主管部门");
        (await (await transport.GetPathAsync("/Trading/Projects")).HtmlAsync()).ShouldContain(Bridge);

        // 水利 has its supervisor too; 住建 does not supervise the bridge.
        (await (await app.SignInAsync("supervisor.water")).GetPathAsync("/Trading/Projects")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var housing = await app.SignInAsync("supervisor.housing");
        (await (await housing.GetPathAsync($"/api/v1/trading/projects/{id}")).JsonAsync()).GetProperty("supervisoryDepartment").GetString().ShouldBe("交通运输");
    }

    [Fact]
    public async Task TheDemo_HasACorrectedReportDay_WithItsReason()
    {
        var agency = await app.SignInAsync("agency");
        var lots = await (await agency.GetPathAsync("/api/v1/trading/lots")).JsonAsync();
        var lotId = lots.EnumerateArray().Single(l => l.GetProperty("projectName").GetString() == "安和市沿江大道市政改造工程"
            && l.GetProperty("lotName").GetString() == "道路及排水工程施工").GetProperty("lotId").GetString()!;
        var award = await (await agency.GetPathAsync($"/api/v1/trading/lots/{lotId}/award")).JsonAsync();
        var filing = award.GetProperty("filings").EnumerateArray().Single(f => f.GetProperty("kind").GetString() == "supervisor-report");
        var correction = filing.GetProperty("corrections").EnumerateArray().Single();
        correction.GetProperty("correctedBy").GetString().ShouldBe("clerk");
        correction.GetProperty("reason").GetString()!.ShouldContain("回执");
        filing.GetProperty("on").GetString().ShouldBe(correction.GetProperty("correctedOn").GetString());
        correction.GetProperty("previousOn").GetString().ShouldNotBe(correction.GetProperty("correctedOn").GetString());

        // The correction was made before the lot's archive was built: the package's filings carry it.
        var archive = await (await agency.GetPathAsync($"/api/v1/trading/archives/{lotId}")).JsonAsync();
        var entry = archive.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("path").GetString()!)
            .Single(p => p.EndsWith("award-filings.json", StringComparison.Ordinal));
        await using var package = await (await agency.GetPathAsync($"/api/v1/trading/archives/{lotId}/package")).Content.ReadAsStreamAsync(TestContext.Current.CancellationToken);
        using var zip = new ZipArchive(package, ZipArchiveMode.Read);
        using var reader = new StreamReader(zip.GetEntry(entry)!.Open());
        var report = JsonDocument.Parse(await reader.ReadToEndAsync(TestContext.Current.CancellationToken)).RootElement.GetProperty("supervisorReport");
        report.GetProperty("on").GetString().ShouldBe(correction.GetProperty("correctedOn").GetString());
        var archived = report.GetProperty("corrections").EnumerateArray().Single();
        archived.GetProperty("reason").GetString().ShouldBe(correction.GetProperty("reason").GetString());
        archived.GetProperty("previousOn").GetString().ShouldBe(correction.GetProperty("previousOn").GetString());
    }
}
