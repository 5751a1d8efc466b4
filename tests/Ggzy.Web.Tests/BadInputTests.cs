using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Ggzy.Platform.Identity;
using Ggzy.TestKit;
using Ggzy.Web.Tests.Identity;
using Microsoft.AspNetCore.Hosting;
using Shouldly;
using Xunit;

namespace Ggzy.Web.Tests;

/// <summary>The host with a small body limit, so that an oversize body is cheap to send.</summary>
public sealed class SmallBodyApp : GgzyApp
{
    public const int Limit = 4096;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Web:MaxApiBodyBytes", Limit.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}

/// <summary>Every kind of bad input gets a Chinese problem+json naming the field, and changes nothing.</summary>
public sealed partial class BadInputTests(SmallBodyApp app) : IClassFixture<SmallBodyApp>
{
    private const string Tokens = "/api/v1/tokens";
    private const string Users = "/api/v1/admin/users";

    public static TheoryData<string, string, string, int, string> Cases => new()
    {
        // path, content type, body, status, what the message must name
        { Tokens, "application/json", """{"name": "对接", "validDays": 30""", 400, "JSON" },
        { Tokens, "application/json", """{"name": "对接", "validDays": 30,}""", 400, "JSON" },
        { Tokens, "application/json", """{"name": "对接", "validDays": "三十"}""", 400, "validDays" },
        { Tokens, "application/json", """{"name": "对接", "validDays": 30, "scope": "all"}""", 400, "scope" },
        { Tokens, "application/json", """{"name": "对接", "expiresOn": "2026-02-30"}""", 400, "expiresOn" },
        { Tokens, "application/json", """{"name": "对接", "expiresOn": "下周一"}""", 400, "expiresOn" },
        { Tokens, "application/json", """{"validDays": 30}""", 400, "name" },
        { Tokens, "application/json", """{"name": "对接", "validDays": 366}""", 400, "validDays" },
        { Tokens, "application/json", """{"name": "对接"}""", 400, "validDays" },
        { Tokens, "application/json", """{"name": "对接", "validDays": 30, "expiresOn": "2026-12-01"}""", 400, "expiresOn" },
        { Tokens, "application/json", "", 400, "body" },
        { Tokens, "application/json", "[1, 2]", 400, "JSON" },
        { Tokens, "text/plain", """{"name": "对接", "validDays": 30}""", 415, "application/json" },
        { Tokens, "application/json", $$"""{"name": "{{new string('长', SmallBodyApp.Limit)}}", "validDays": 30}""", 413, "大小" },
        { Users, "application/json", """{"userName": "li.lei"}""", 400, "displayName" },
        { Users, "application/json", """{"userName": "li.lei", "displayName": "李雷", "role": "CenterStaff", "organizationId": "abc", "password": "Ggzy#Test2026"}""", 400, "organizationId" },
        { Users, "application/json", """{"userName": "li lei!", "displayName": "李雷", "role": "CenterStaff", "organizationId": "00000000-0000-0000-0000-000000000000", "password": "Ggzy#Test2026"}""", 400, "userName" },
        { Users, "application/json", """{"userName": "li.lei", "displayName": "李雷", "isAdmin": true}""", 400, "isAdmin" },
        { Users, "application/x-www-form-urlencoded", "userName=li.lei", 415, "application/json" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task BadJson_GetsAChineseProblem_NamingTheField_AndChangesNothing(string path, string contentType, string body, int status, string names)
    {
        var admin = await app.SignInAsync("admin");
        var before = await app.CountsAsync();
        using var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = new(contentType);

        var response = await admin.PostAsync(new Uri(path, UriKind.Relative), content, TestContext.Current.CancellationToken);

        await ShouldBeAChineseProblemAsync(response, status, names);
        (await app.CountsAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task FileUploadEndpoint_StatesItsOwnLimit_AboveTheGeneralApiLimit()
    {
        var agency = await app.SignInAsync("agency");
        using var form = new MultipartFormDataContent();
        using var file = new ByteArrayContent(new byte[SmallBodyApp.Limit * 4]);
        form.Add(file, "file", "招标文件.pdf");

        // The body is read, so the request reaches the lot lookup (404) instead of being cut at the general limit (413).
        var response = await agency.PostAsync(new Uri($"/api/v1/trading/lots/{Guid.NewGuid()}/documents", UriKind.Relative), form,
            TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound, await response.HtmlAsync());
    }

    [Theory]
    [InlineData("/api/v1/ledger?after=abc", "after")]
    [InlineData("/api/v1/ledger?limit=1.5", "limit")]
    [InlineData("/api/v1/ledger?limit=0", "limit")]
    [InlineData("/api/v1/admin/users/not-a-guid", "")]
    public async Task BadQueryOrRouteValues_GetAChineseProblem(string path, string names)
    {
        var admin = await app.SignInAsync("admin");
        var response = await admin.GetPathAsync(path);
        await ShouldBeAChineseProblemAsync(response, names == "" ? 404 : 400, names);
    }

    [Fact]
    public async Task FormWithMissingFields_ShowsChineseMessages_AndChangesNothing()
    {
        var admin = await app.SignInAsync("admin");
        var before = await app.CountsAsync();

        var response = await admin.PostFormAsync("/Admin/Users/Create", "/Admin/Users/Create",
            new Dictionary<string, string> { ["Input.UserName"] = "han.mei" });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await response.HtmlAsync();
        html.ShouldContain("请填写姓名。");
        html.ShouldContain("请选择所属单位：本中心或其分中心。");
        html.ShouldContain("请设置初始密码。");
        (await app.CountsAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task TokenFormWithoutAName_ShowsAChineseMessage_AndChangesNothing()
    {
        var owner = await app.SignInAsync(await app.CreateUserAsync(Roles.Bidder, "安和宏远建筑工程有限公司"));
        var before = await app.CountsAsync();

        var html = await (await owner.PostFormAsync("/Account/Tokens", "/Account/Tokens?handler=Create",
            new Dictionary<string, string> { ["Input.ValidDays"] = "abc" })).HtmlAsync();

        html.ShouldContain("请填写令牌名称");
        html.ShouldContain("有效天数");
        html.ShouldNotContain("data-testid=\"token-value\"");
        (await app.CountsAsync()).ShouldBe(before);
    }

    private static async Task ShouldBeAChineseProblemAsync(HttpResponseMessage response, int status, string names)
    {
        var text = await response.HtmlAsync();
        ((int)response.StatusCode).ShouldBe(status, text);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = await response.JsonAsync();
        var detail = problem.GetProperty("detail").GetString()!;
        Chinese().IsMatch(detail).ShouldBeTrue(detail);
        detail.ShouldContain(names, Case.Sensitive, text);
        text.ShouldNotContain("Exception");
        text.ShouldNotContain("Failed to");
    }

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex Chinese();
}
