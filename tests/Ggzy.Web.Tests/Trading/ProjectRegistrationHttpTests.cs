using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Ggzy.Platform.Data;
using Ggzy.Platform.Demo;
using Ggzy.TestKit;
using Ggzy.Web.Tests.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace Ggzy.Web.Tests.Trading;

/// <summary>
/// Project registration over HTTP (R4, R5): a tenderer or agency registers with scans, the center decides; a tenderer
/// never reads another's project; bad files, a missing approval file and a refusal without its reason change nothing.
/// </summary>
public sealed class ProjectRegistrationHttpTests(GgzyApp app) : IClassFixture<GgzyApp>
{
    private const string Projects = "/api/v1/trading/projects";

    private static readonly byte[] Pdf = "%PDF-1.7\n批复文件\n%%EOF"u8.ToArray();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static object Registration(string? tendererCode = null, bool needsApproval = true, string? industry = null, string name = "安和市人民公园景观提升工程") => new
    {
        name,
        regime = "Tender",
        sector = "工程建设",
        industry,
        projectType = "施工",
        regionCode = "990100",
        tendererCode,
        needsApproval,
        approvalNumber = "安发改审批〔2026〕166号",
        approvalAuthority = "安和市发展和改革委员会",
        fundingSource = "财政资金",
        fundingAmount = 6_000_000m,
        municipalPlatformCompany = false,
        lots = new[] { new { name = "施工", estimatedAmount = 6_000_000m, method = "OpenTender", prequalification = false } },
    };

    private static Task<HttpResponseMessage> RegisterAsync(HttpClient client, object registration, params (string Field, string Name, byte[] Content)[] files)
    {
        var form = new MultipartFormDataContent { { new StringContent(JsonSerializer.Serialize(registration)), "registration" } };
        foreach (var (field, name, content) in files)
        {
            var part = new ByteArrayContent(content);
            part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(part, field, name);
        }

        return client.PostAsync(new Uri(Projects, UriKind.Relative), form, Ct);
    }

    [Fact]
    public async Task Tenderer_RegistersWithTheApprovalScan_ClerkAccepts_BothOnTheLedger()
    {
        var tenderer = await app.SignInAsync("tenderer");

        var created = await RegisterAsync(tenderer, Registration(), ("approvalFile", "批复.pdf", Pdf));

        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var project = await created.JsonAsync();
        project.GetProperty("status").GetString().ShouldBe("Submitted");
        project.GetProperty("verdict").GetString().ShouldBe("MustEnter");
        project.GetProperty("centerName").GetString().ShouldBe("安和市公共资源交易中心");
        var id = project.GetProperty("id").GetString();
        var code = project.GetProperty("tradeCode").GetString()!;
        code.Length.ShouldBe(20);
        project.GetProperty("industry").GetString().ShouldBe("房屋建筑和市政工程");
        project.GetProperty("supervisoryDepartment").GetString().ShouldBe("住建");

        var clerk = await app.SignInAsync("clerk");
        var fileId = project.GetProperty("files")[0].GetProperty("id").GetString();
        var download = await clerk.GetPathAsync($"{Projects}/{id}/files/{fileId}");
        download.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await download.Content.ReadAsByteArrayAsync(Ct)).ShouldBe(Pdf);

        var accepted = await clerk.PostJsonAsync($"{Projects}/{id}/decision", new { accept = true, note = "批复文件齐全。" });
        accepted.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await accepted.JsonAsync()).GetProperty("status").GetString().ShouldBe("Accepted");
        (await app.LedgerTypesAsync($"project:{code}")).ShouldBe(["trading.project.registered", "trading.project.file-read", "trading.project.accepted"]);
    }

    [Fact]
    public async Task Agency_RegistersForTheDemoOwner_WithTheEntrustment()
    {
        var agency = await app.SignInAsync("agency");
        var owner = DemoAccounts.Organizations.Single(o => o.Key == "owner");

        var created = await RegisterAsync(agency, Registration(owner.CreditCode), ("approvalFile", "批复.pdf", Pdf), ("entrustmentFile", "委托合同.pdf", Pdf));

        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var project = await created.JsonAsync();
        project.GetProperty("tendererName").GetString().ShouldBe(owner.Name);
        project.GetProperty("agencyName").GetString().ShouldBe("安和明信工程咨询有限公司");
    }

    [Fact]
    public async Task Register_AWaterWorksProject_StoresItsDepartment_WhichAloneDecidesItsTermination()
    {
        var tenderer = await app.SignInAsync("tenderer");

        var created = await RegisterAsync(tenderer, Registration(industry: "水利工程", name: "安和市西山水库除险加固工程"), ("approvalFile", "批复.pdf", Pdf));

        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var project = await created.JsonAsync();
        project.GetProperty("industry").GetString().ShouldBe("水利工程");
        project.GetProperty("supervisoryDepartment").GetString().ShouldBe("水利");
        project.GetProperty("supervisoryDepartmentName").GetString().ShouldBe("水行政主管部门（水利）");
        project.GetProperty("supervisoryDepartmentCitation").GetString()!.ShouldContain("国办发〔2000〕34号");
        var id = project.GetProperty("id").GetString();
        (await (await tenderer.GetPathAsync($"/Trading/Projects/Details/{id}")).HtmlAsync()).ShouldContain("水行政主管部门（水利）");

        // Its lot, brought to 已发布公告 directly (with the dates of the demo's 第三中学 works lot): the termination the tenderer
        // asks waits for 水利, not 住建 (吉林市细则 第十七条).
        var lot = project.GetProperty("lots")[0];
        await using (var scope = app.Services.CreateAsyncScope())
        {
            string[] dates = ["announced_at", "announcement_ends_at", "documents_from", "documents_until", "deadline"];
            var sql = "UPDATE trading_lots SET state = 2, " + string.Join(", ", dates.Select(d => $"{d} = (SELECT l.{d} FROM trading_lots l "
                + "JOIN trading_projects p ON p.id = l.project_id WHERE p.name = '安和市第三中学教学楼建设工程' AND l.number = 1)"))
                + " WHERE trade_code = {0}";
            await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().Database
                .ExecuteSqlRawAsync(sql, [lot.GetProperty("tradeCode").GetString()!], Ct);
        }

        var lotId = lot.GetProperty("id").GetString();
        var asked = await tenderer.PostJsonAsync($"/api/v1/trading/lots/{lotId}/terminate",
            new { ground = "other", reason = "水库除险加固方案须重新论证，终止本次招标。" });
        asked.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var lotView = await (await tenderer.GetPathAsync($"/api/v1/trading/lots/{lotId}")).JsonAsync();
        lotView.GetProperty("supervisoryDepartment").GetString()!.ShouldContain("水利");
        var housing = await app.SignInAsync("supervisor.housing");
        (await (await housing.GetPathAsync("/api/v1/trading/lots/terminations/pending")).JsonAsync()).EnumerateArray()
            .ShouldNotContain(p => p.GetProperty("lotId").GetString() == lotId);
        var refused = await housing.PostJsonAsync($"/api/v1/trading/lots/{lotId}/termination/confirm", new { note = "确认。" });
        refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        refused.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await refused.JsonAsync()).GetProperty("detail").GetString()!.ShouldContain("水行政主管部门（水利）");
        (await (await tenderer.GetPathAsync($"/api/v1/trading/lots/{lotId}")).JsonAsync())
            .GetProperty("terminationRequest").GetProperty("state").GetString().ShouldBe("pending");
        var regulator = await app.SignInAsync("regulator");
        (await (await regulator.GetPathAsync("/api/v1/trading/lots/terminations/pending")).JsonAsync()).EnumerateArray()
            .ShouldContain(p => p.GetProperty("lotId").GetString() == lotId);
    }

    [Fact]
    public async Task Register_WithAnUnknownIndustry_Is400CitingTheDivision_AndStoresNothing()
    {
        var tenderer = await app.SignInAsync("tenderer");
        var before = await app.CountsAsync();

        var response = await RegisterAsync(tenderer, Registration(industry: "铁路工程"), ("approvalFile", "批复.pdf", Pdf));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = await response.JsonAsync();
        problem.GetProperty("errors").GetProperty("industry")[0].GetString()!.ShouldContain("国办发〔2000〕34号");
        (await app.CountsAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task AnotherTenderer_ReadingTheOwnersProject_IsForbidden_AndSeesNoneOfThem()
    {
        var clerk = await app.SignInAsync("clerk");
        var all = await (await clerk.GetPathAsync(Projects)).JsonAsync();
        var demo = all.GetProperty("projects").EnumerateArray().First().GetProperty("id").GetString();
        var other = await app.SignInAsync(await app.CreateUserAsync("Tenderer", "安和顺达建材有限公司"));

        (await other.GetPathAsync($"{Projects}/{demo}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await other.GetPathAsync($"/Trading/Projects/Details/{demo}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await (await other.GetPathAsync(Projects)).JsonAsync()).GetProperty("projects").GetArrayLength().ShouldBe(0);
        (await (await app.SignInAsync("bidder")).GetPathAsync(Projects)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Register_WithAWordFile_Is400InChinese_AndStoresNothing()
    {
        var tenderer = await app.SignInAsync("tenderer");
        var before = await app.CountsAsync();

        var response = await RegisterAsync(tenderer, Registration(), ("approvalFile", "批复.docx", "PK\u0003\u0004word"u8.ToArray()));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.HtmlAsync()).ShouldContain("只接受 PDF、OFD、JPG、PNG");
        (await app.CountsAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Register_NeedingApprovalWithoutTheFile_Is400CitingTheRule_AndStoresNothing()
    {
        var tenderer = await app.SignInAsync("tenderer");
        var before = await app.CountsAsync();

        var response = await RegisterAsync(tenderer, Registration());

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var body = await response.HtmlAsync();
        body.ShouldContain("approvalFile");
        body.ShouldContain("请上传审批（核准）文件的扫描件");
        body.ShouldContain("第十一条");
        (await app.CountsAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Refusal_WithoutAReason_Is400_AndTheRegistrationStaysSubmitted()
    {
        var clerk = await app.SignInAsync("clerk");
        var submitted = await (await clerk.GetPathAsync($"{Projects}?status=Submitted")).JsonAsync();
        var id = submitted.GetProperty("projects").EnumerateArray()
            .First(p => p.GetProperty("name").GetString() == "安和市滨河路道路改造工程").GetProperty("id").GetString();
        var before = await app.CountsAsync();

        var response = await clerk.PostJsonAsync($"{Projects}/{id}/decision", new { accept = false, note = "材料不全" });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.HtmlAsync()).ShouldContain("不予受理须选择法定理由之一");
        (await app.CountsAsync()).ShouldBe(before);
        (await (await clerk.GetPathAsync($"{Projects}/{id}")).JsonAsync()).GetProperty("status").GetString().ShouldBe("Submitted");
        (await (await app.SignInAsync("tenderer")).PostJsonAsync($"{Projects}/{id}/decision", new { accept = true }))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Regulator_SeesTheProjectAwaitingConfirmation_OnItsPage()
    {
        var regulator = await app.SignInAsync("regulator");

        var html = await (await regulator.GetPathAsync("/Trading/Projects")).HtmlAsync();

        html.ShouldContain("安和市城投科创园二期工程");
        html.ShouldNotContain("安和市滨河路道路改造工程");
    }
}
