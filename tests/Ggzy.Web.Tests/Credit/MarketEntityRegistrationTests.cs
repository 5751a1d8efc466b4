using System.Net;
using Ggzy.Credit.Contracts;
using Ggzy.Platform.Demo;
using Ggzy.TestKit;
using Ggzy.Web.Tests.Identity;
using Shouldly;
using Xunit;

namespace Ggzy.Web.Tests.Credit;

/// <summary>Register once (R26) with the signed commitment (R27), over HTTP: the API, the form, the public pages.</summary>
public sealed class MarketEntityRegistrationTests(GgzyApp app) : IClassFixture<GgzyApp>
{
    private const string Entities = "/api/v1/credit/entities";

    /// <summary>The region entered is the code's positions 3–8, as the registration's cross-check requires (GB 32100-2015).</summary>
    private static object Body(string code, string admin, bool signed = true) => new
    {
        creditCode = code,
        legalName = $"安和测试建设有限公司{code[^4..]}",
        kind = "LegalPerson",
        regionCode = code[2..8],
        legalRepresentative = "测试人",
        contactPerson = "联系人",
        contactPhone = "13800990099",
        roles = new[] { "Bidder", "Tenderer" },
        adminUserName = admin,
        adminDisplayName = "管理员",
        adminPassword = "Ggzy#Test2026",
        commitmentVersion = CreditCommitments.Current.Version,
        commitmentSigned = signed,
    };

    /// <summary>A valid code for a fictional enterprise; <paramref name="body"/> is eight characters of the organisation code.</summary>
    private static string CodeFor(string body)
    {
        var first17 = "91990100" + body + Ggzy.Platform.Identity.CreditCode.OrganizationCheckCharacter(body);
        return first17 + Ggzy.Platform.Identity.CreditCode.CheckCharacter(first17);
    }

    [Fact]
    public async Task RegisterByApi_ThenTheApiAndThePublicPages_ShowTheEntityAndItsCommitment()
    {
        var code = CodeFor("MA7H1K2L");
        var anonymous = app.CreateAnonymousClient();

        var created = await anonymous.PostJsonAsync(Entities, Body(code, "api.admin"));

        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        created.Headers.Location!.OriginalString.ShouldBe($"{Entities}/{code}");
        var read = await anonymous.GetPathAsync($"{Entities}/{code.ToLowerInvariant()}");
        read.StatusCode.ShouldBe(HttpStatusCode.OK);
        var json = await read.JsonAsync();
        json.GetProperty("creditCode").GetString().ShouldBe(code);
        json.GetProperty("commitment").GetProperty("textDigest").GetString().ShouldBe(CreditCommitments.Current.Digest);
        json.TryGetProperty("contactPhone", out _).ShouldBeFalse();

        var page = await (await anonymous.GetPathAsync($"/Credit/Entities/Details?code={code}")).HtmlAsync();
        page.ShouldContain($"安和测试建设有限公司{code[^4..]}");
        page.ShouldContain(CreditCommitments.Current.Digest);
        page.ShouldContain("不与招标人、采购人、代理机构");
        page.ShouldNotContain("13800990099");
        (await (await anonymous.GetPathAsync("/Credit/Entities")).HtmlAsync()).ShouldContain(code);
        (await app.LedgerTypesAsync($"market-entity:{code}")).ShouldBe(["credit.entity.registered"]);

        (await app.SignInAsync("api.admin", "Ggzy#Test2026")).ShouldNotBeNull();
    }

    [Fact]
    public async Task RegisterByApi_DuplicateOfADemoEntity_Gets422NamingIt_AndChangesNothing()
    {
        var anonymous = app.CreateAnonymousClient();
        var existing = await (await anonymous.GetPathAsync("/Credit/Entities?q=宏远")).HtmlAsync();
        var code = System.Text.RegularExpressions.Regex.Match(existing, "<code>([0-9A-Z]{18})</code>").Groups[1].Value;
        var before = await app.CountsAsync();

        var refused = await anonymous.PostJsonAsync(Entities, Body(code, "dup.admin"));

        refused.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await refused.HtmlAsync()).ShouldContain("安和宏远建筑工程有限公司");
        (await app.CountsAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task RegisterByApi_WrongCheckCharacter_Gets400NamingPosition18_AndChangesNothing()
    {
        var code = CodeFor("MA8J2M3N");
        var wrong = code[..17] + (code[17] == '0' ? '1' : '0');
        var before = await app.CountsAsync();

        var refused = await app.CreateAnonymousClient().PostJsonAsync(Entities, Body(wrong, "bad.admin"));

        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await refused.JsonAsync();
        problem.GetProperty("errors").GetProperty("creditCode")[0].GetString()!.ShouldContain("第 18 位");
        (await app.CountsAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task RegisterByForm_CommitmentNotTicked_ShowsTheErrorAndStoresNothing_ThenTickedRegisters()
    {
        var code = CodeFor("MA9K3N4P");
        var client = app.CreateAnonymousClient();
        var fields = new Dictionary<string, string>
        {
            ["Input.CreditCode"] = code,
            ["Input.LegalName"] = "安和表单注册有限公司",
            ["Input.Kind"] = nameof(MarketEntityKind.LegalPerson),
            ["Input.RegionCode"] = "990100",
            ["Input.LegalRepresentative"] = "表单人",
            ["Input.ContactPerson"] = "表单人",
            ["Input.ContactPhone"] = "13800990098",
            ["Input.Roles"] = nameof(MarketRole.Agency),
            ["Input.AdminUserName"] = "form.admin",
            ["Input.AdminDisplayName"] = "表单管理员",
            ["Input.AdminPassword"] = "Ggzy#Test2026",
        };
        var before = await app.CountsAsync();

        var unsigned = await client.PostFormAsync("/Credit/Register", "/Credit/Register", fields);

        unsigned.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await unsigned.HtmlAsync()).ShouldContain("未签署信用承诺书不能注册");
        (await app.CountsAsync()).ShouldBe(before);

        fields["Input.CommitmentSigned"] = "true";
        var signed = await client.PostFormAsync("/Credit/Register", "/Credit/Register", fields);

        signed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        signed.Headers.Location!.OriginalString.ShouldContain(code);
        var page = await (await client.GetPathAsync(signed.Headers.Location.OriginalString)).HtmlAsync();
        page.ShouldContain("安和表单注册有限公司");
        page.ShouldContain("已注册，信用承诺书已签署并公开");
    }

    [Fact]
    public async Task RegisterByForm_ADemoEntitysCode_IsRefused_AndPointsToTheExistingEntity()
    {
        var client = app.CreateAnonymousClient();
        var existing = await (await client.GetPathAsync("/Credit/Entities?q=恒泰")).HtmlAsync();
        var code = System.Text.RegularExpressions.Regex.Match(existing, "<code>([0-9A-Z]{18})</code>").Groups[1].Value;
        var before = await app.CountsAsync();

        var refused = await client.PostFormAsync("/Credit/Register", "/Credit/Register", new Dictionary<string, string>
        {
            ["Input.CreditCode"] = code,
            ["Input.LegalName"] = "重复注册有限公司",
            ["Input.Kind"] = nameof(MarketEntityKind.LegalPerson),
            ["Input.LegalRepresentative"] = "重复人",
            ["Input.ContactPerson"] = "重复人",
            ["Input.ContactPhone"] = "13800990097",
            ["Input.Roles"] = nameof(MarketRole.Bidder),
            ["Input.AdminUserName"] = "dup.form.admin",
            ["Input.AdminDisplayName"] = "重复管理员",
            ["Input.AdminPassword"] = "Ggzy#Test2026",
            ["Input.CommitmentSigned"] = "true",
        });

        var html = await refused.HtmlAsync();
        html.ShouldContain($"/Credit/Entities/Details?code={code}");
        html.ShouldContain("安和恒泰建设集团有限公司");
        (await app.CountsAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Directory_OfTheDemo_ListsTheFourMarketEntities()
    {
        var html = await (await app.CreateAnonymousClient().GetPathAsync("/Credit/Entities")).HtmlAsync();

        foreach (var name in DemoAccounts.Organizations.Where(o => o.Kind == Ggzy.Platform.Identity.OrganizationKind.MarketEntity).Select(o => o.Name))
        {
            html.ShouldContain(name);
        }
    }

    [Fact]
    public async Task Details_OfAnUnknownCode_Is404()
    {
        var response = await app.CreateAnonymousClient().GetPathAsync("/Credit/Entities/Details?code=91990100MA0000000X");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
