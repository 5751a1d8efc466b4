using System.Net;
using System.Net.Http.Headers;
using Ggzy.Platform.Data;
using Ggzy.Platform.Identity;
using Ggzy.TestKit;
using Ggzy.Web.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace Ggzy.Web.Tests.Identity;

public sealed class ApiTokenTests(GgzyApp app) : IClassFixture<GgzyApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task IssuedToken_CallsTheApi_UntilRevoked()
    {
        var userName = await app.CreateUserAsync(Roles.Agency, "安和明信工程咨询有限公司");
        var owner = await app.SignInAsync(userName);

        var issued = await owner.PostJsonAsync("/api/v1/tokens", new { name = "造价系统对接", validDays = 30 });
        issued.StatusCode.ShouldBe(HttpStatusCode.Created);
        var body = await issued.JsonAsync();
        var token = body.GetProperty("token").GetString()!;
        var id = body.GetProperty("id").GetGuid();
        token.ShouldStartWith("ggzy_");
        body.GetProperty("prefix").GetString().ShouldBe(token[..12]);

        var system = BearerClient(token);
        var me = await system.GetPathAsync("/api/v1/me");
        me.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await me.JsonAsync()).GetProperty("userName").GetString().ShouldBe(userName);

        var list = await (await owner.GetPathAsync("/api/v1/tokens")).HtmlAsync();
        list.ShouldContain(token[..12]);
        list.ShouldNotContain(token);

        (await owner.DeleteAsync(new Uri($"/api/v1/tokens/{id}", UriKind.Relative), Ct)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var afterRevoke = await system.GetPathAsync("/api/v1/me");
        afterRevoke.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        afterRevoke.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var row = await db.ApiTokens.AsNoTracking().SingleAsync(t => t.Id == id, Ct);
        row.TokenHash.ShouldBe(ApiTokenHandler.HashOf(token));
        row.LastUsedAt.ShouldNotBeNull();
        row.RevokedAt.ShouldNotBeNull();
        (await app.LedgerTypesAsync($"token:{id}")).ShouldBe(["platform.token.issued", "platform.token.revoked"]);
        (await db.LedgerEntries.AsNoTracking().Select(e => e.Payload).ToListAsync(Ct)).ShouldAllBe(p => !p.Contains(token));
    }

    [Fact]
    public async Task Token_CannotIssueFurtherTokens()
    {
        var owner = await app.SignInAsync(await app.CreateUserAsync(Roles.Tenderer, "安和城市建设投资集团有限公司"));
        var token = (await (await owner.PostJsonAsync("/api/v1/tokens", new { name = "采购系统", validDays = 7 })).JsonAsync())
            .GetProperty("token").GetString()!;
        var before = await app.CountsAsync();

        var response = await BearerClient(token).PostJsonAsync("/api/v1/tokens", new { name = "再签一个", validDays = 365 });

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await response.HtmlAsync()).ShouldContain("接口令牌不能签发新令牌");
        (await app.CountsAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Token_OpensNoPages()
    {
        var owner = await app.SignInAsync(await app.CreateUserAsync(Roles.Agency, "安和明信工程咨询有限公司"));
        var token = (await (await owner.PostJsonAsync("/api/v1/tokens", new { name = "代理系统", validDays = 7 })).JsonAsync())
            .GetProperty("token").GetString()!;

        var page = await BearerClient(token).GetPathAsync("/Account/Tokens");

        page.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        page.Headers.Location!.PathAndQuery.ShouldStartWith("/Account/SignIn");
    }

    [Fact]
    public async Task SomeoneElsesToken_IsNotFound_AndStaysValid()
    {
        var owner = await app.SignInAsync(await app.CreateUserAsync(Roles.Bidder, "安和宏远建筑工程有限公司"));
        var other = await app.SignInAsync(await app.CreateUserAsync(Roles.Bidder, "安和恒泰建设集团有限公司"));
        var body = await (await owner.PostJsonAsync("/api/v1/tokens", new { name = "投标工具", validDays = 30 })).JsonAsync();
        var id = body.GetProperty("id").GetGuid();

        (await other.DeleteAsync(new Uri($"/api/v1/tokens/{id}", UriKind.Relative), Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await BearerClient(body.GetProperty("token").GetString()!).GetPathAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await (await other.GetPathAsync("/api/v1/tokens")).HtmlAsync()).ShouldBe("[]");
    }

    [Fact]
    public async Task ExpiresOn_SetsTheLastValidDay_InBeijingTime()
    {
        var owner = await app.SignInAsync(await app.CreateUserAsync(Roles.Regulator, "安和市公共资源交易管理委员会办公室"));
        var lastDay = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).DateTime).AddDays(10);

        var body = await (await owner.PostJsonAsync("/api/v1/tokens", new { name = "监管对接", expiresOn = lastDay })).JsonAsync();

        body.GetProperty("expiresAt").GetDateTimeOffset().ShouldBe(new DateTimeOffset(lastDay.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(8)));
    }

    [Fact]
    public async Task TokensPage_ShowsANewTokenOnce()
    {
        var owner = await app.SignInAsync(await app.CreateUserAsync(Roles.CenterStaff));

        var html = await (await owner.PostFormAsync("/Account/Tokens", "/Account/Tokens?handler=Create",
            new Dictionary<string, string> { ["Input.Name"] = "档案系统", ["Input.ValidDays"] = "90" })).HtmlAsync();
        var token = System.Text.RegularExpressions.Regex.Match(html, "data-testid=\"token-value\">(ggzy_[A-Za-z0-9_-]+)<").Groups[1].Value;

        token.Length.ShouldBe(48);
        (await BearerClient(token).GetPathAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var later = await (await owner.GetPathAsync("/Account/Tokens")).HtmlAsync();
        later.ShouldContain("档案系统");
        later.ShouldNotContain(token);
    }

    [Fact]
    public async Task Expert_MayNotIssueTokens()
    {
        var expert = await app.SignInAsync("expert");
        (await expert.PostJsonAsync("/api/v1/tokens", new { name = "x", validDays = 1 })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await expert.GetPathAsync("/Account/Tokens")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    private HttpClient BearerClient(string token)
    {
        var client = app.CreateAnonymousClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
