using System.Net;
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
/// The pool over HTTP with the demo: identities reach only the center's pool staff and the expert, through every
/// demo role, and every read is a Ledger entry; lists carry pseudonyms; refusals are problem+json with a code.
/// </summary>
public sealed class ExpertPoolHttpTests(GgzyApp app) : IClassFixture<GgzyApp>
{
    /// <summary>林振华, the demo account <c>expert</c>, is expert ZJ000001.</summary>
    private const string ExpertName = "林振华";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private DateOnly Today => DateOnly.FromDateTime(app.Services.GetRequiredService<TimeProvider>().GetUtcNow().AddHours(8).DateTime);

    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static readonly string[] BuildingWorks = ["A0801"];

    private static readonly string[] EntitledToIdentities = [Roles.CenterAdministrator, Roles.CenterStaff];

    public static TheoryData<string> EveryRole => [.. Roles.All.Select(r => r.Name)];

    private async Task<string> IdOfAsync(string code)
    {
        var admin = await app.SignInAsync("admin");
        var page = await (await admin.GetPathAsync($"/api/v1/experts?code={code}")).JsonAsync();
        return page.GetProperty("rows")[0].GetProperty("id").GetString()!;
    }

    private async Task<int> IdentityReadsAsync(string id)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().LedgerEntries
            .CountAsync(e => e.Subject == $"expert:{id}" && e.Type == "experts.identity.read", Ct);
    }

    [Theory]
    [MemberData(nameof(EveryRole))]
    public async Task IdentityApi_AnswersOnlyThePoolStaff_AndEachAnswerIsOnTheLedger(string role)
    {
        var id = await IdOfAsync("ZJ000001");
        var client = await app.SignInAsync(DemoAccounts.Accounts.First(a => a.Role == role).UserName);
        var before = await IdentityReadsAsync(id);

        var response = await client.GetPathAsync($"/api/v1/experts/{id}/identity");
        var body = await response.HtmlAsync();

        if (EntitledToIdentities.Contains(role))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            body.ShouldContain(ExpertName);
            (await IdentityReadsAsync(id)).ShouldBe(before + 1);
        }
        else
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
            body.ShouldNotContain(ExpertName);
            (await IdentityReadsAsync(id)).ShouldBe(before);
        }
    }

    [Fact]
    public async Task IdentityApi_Anonymous_IsUnauthorized()
    {
        var id = await IdOfAsync("ZJ000001");

        var response = await app.CreateAnonymousClient().GetPathAsync($"/api/v1/experts/{id}/identity");

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [MemberData(nameof(EveryRole))]
    public async Task DetailsPage_WithReveal_ShowsTheNameOnlyToThePoolStaff(string role)
    {
        // Not an expert with an account: the page header names the signed-in user.
        var id = await IdOfAsync("ZJ000020");
        var name = (await (await (await app.SignInAsync("admin")).GetPathAsync($"/api/v1/experts/{id}/identity")).JsonAsync()).GetProperty("name").GetString()!;
        var client = await app.SignInAsync(DemoAccounts.Accounts.First(a => a.Role == role).UserName);

        var response = await client.GetPathAsync($"/Experts/Pool/Details/{id}?reveal=true");
        var html = await response.HtmlAsync();

        html.Contains(name, StringComparison.Ordinal).ShouldBe(EntitledToIdentities.Contains(role), role);
        if (role == Roles.Regulator)
        {
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            html.ShouldContain("ZJ000020");
            html.ShouldContain("data-testid=\"identity-withheld\"");
        }
        else if (!EntitledToIdentities.Contains(role))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        }
    }

    [Fact]
    public async Task Lists_CarryPseudonyms_AndMaskedNamesOnlyForThePoolStaff()
    {
        var admin = await app.SignInAsync("admin");
        var regulator = await app.SignInAsync("regulator");

        var adminPage = await (await admin.GetPathAsync("/Experts/Pool?specialty=A0801")).HtmlAsync();
        var regulatorPage = await (await regulator.GetPathAsync("/Experts/Pool?specialty=A0801")).HtmlAsync();
        var api = await (await admin.GetPathAsync("/api/v1/experts?specialty=A08")).HtmlAsync();

        adminPage.ShouldContain("ZJ000001");
        adminPage.ShouldContain("林**");
        adminPage.ShouldNotContain(ExpertName);
        regulatorPage.ShouldContain("ZJ000001");
        regulatorPage.ShouldNotContain("林**");
        api.ShouldNotContain(ExpertName);
        api.ShouldContain("ZJ000001");
    }

    [Fact]
    public async Task OwnProfile_ShowsTheExpertTheirOwnName_AndOnlyTheirs_WithTheReadOnTheLedger()
    {
        var id = await IdOfAsync("ZJ000001");
        var before = await IdentityReadsAsync(id);
        var expert = await app.SignInAsync("expert");
        var expert2 = await app.SignInAsync("expert2");

        var own = await (await expert.GetPathAsync("/Experts/Profile")).HtmlAsync();
        var other = await (await expert2.GetPathAsync("/Experts/Profile")).HtmlAsync();
        var api = await (await expert.GetPathAsync("/api/v1/experts/profile")).JsonAsync();

        own.ShouldContain(ExpertName);
        own.ShouldContain("ZJ000001");
        other.ShouldContain("程思远");
        other.ShouldNotContain(ExpertName);
        api.GetProperty("identity").GetProperty("name").GetString().ShouldBe(ExpertName);
        (await IdentityReadsAsync(id)).ShouldBe(before + 2);
        (await expert.GetPathAsync($"/api/v1/experts/{id}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task AddExpert_EngineeringWithSevenYears_IsProblemJsonWithCodeAndCitation_AndStoresNothing()
    {
        var clerk = await app.SignInAsync("clerk");
        var before = await app.CountsAsync();

        var response = await clerk.PostJsonAsync("/api/v1/experts", new
        {
            name = "欧阳明远",
            idNumber = "99010219750314123" + Ggzy.Credit.Contracts.ExpertIdNumbers.CheckCharacter("99010219750314123"),
            mobile = "13900001234",
            titleName = "高级工程师",
            titleLevel = "DeputySenior",
            practisingSince = Day(Today.AddYears(-7)),
            regionCode = "990102",
            specialties = BuildingWorks,
            employerCreditCode = DemoAccounts.Organizations.Single(o => o.Key == "agency").CreditCode,
            employerName = "安和明信工程咨询有限公司",
            employedSince = "2020-01-01",
        });

        var problem = await response.JsonAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        problem.GetProperty("code").GetString().ShouldBe("EXPERT_NOT_QUALIFIED");
        problem.GetProperty("citation").GetString().ShouldNotBeNull().ShouldContain("第三十七条");
        problem.GetProperty("detail").GetString().ShouldNotBeNull().ShouldContain("满 8 年");
        (await app.CountsAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task AddExpert_BadIdNumber_Is400NamingTheField()
    {
        var clerk = await app.SignInAsync("clerk");

        var response = await clerk.PostJsonAsync("/api/v1/experts", new { name = "王五", idNumber = "123" });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await response.JsonAsync()).GetProperty("errors");
        errors.GetProperty("idNumber")[0].GetString().ShouldNotBeNull().ShouldContain("18 位");
        errors.TryGetProperty("specialties", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task Sanctions_TheRegulatorSeesTheDemoBlacklisting_AndATendererIsRefused()
    {
        var regulator = await app.SignInAsync("regulator");
        var tenderer = await app.SignInAsync("tenderer");

        var page = await (await regulator.GetPathAsync("/Experts/Sanctions")).HtmlAsync();
        var api = await (await regulator.GetPathAsync("/api/v1/experts/sanctions?inForce=true")).JsonAsync();

        page.ShouldContain("安公管罚〔2026〕3号");
        page.ShouldContain("黑名单");
        var inForce = api.EnumerateArray().Select(r => r.GetProperty("status").GetString()).ToList();
        inForce.ShouldContain("Retired");
        inForce.ShouldContain("Blacklisted");
        inForce.ShouldContain("Suspended");
        (await tenderer.GetPathAsync("/Experts/Sanctions")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await tenderer.GetPathAsync("/api/v1/experts/sanctions")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Blacklisting_ByASupervisor_OverTheApi_IsOnTheLedger_AndACenterAdministratorIsRefused()
    {
        var id = await IdOfAsync("ZJ000090");
        var supervisor = await app.SignInAsync("supervisor.housing");
        var admin = await app.SignInAsync("admin");
        var body = new { from = Day(Today), reason = "评标时违规", basis = "安建罚〔2026〕8号" };

        var refused = await admin.PostJsonAsync($"/api/v1/experts/{id}/blacklistings", body);
        var done = await supervisor.PostJsonAsync($"/api/v1/experts/{id}/blacklistings", body);

        refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        done.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await app.LedgerTypesAsync($"expert:{id}")).ShouldContain("experts.status.changed");
        var details = await (await admin.GetPathAsync($"/api/v1/experts/{id}")).JsonAsync();
        details.GetProperty("status").GetString().ShouldBe("Blacklisted");
    }

    [Fact]
    public async Task DemoPool_HasItsExperts_AndTheSevenAccountsAreLinked()
    {
        var admin = await app.SignInAsync("admin");

        var all = await (await admin.GetPathAsync("/api/v1/experts")).JsonAsync();
        var building = await (await admin.GetPathAsync("/api/v1/experts?specialty=A0801")).JsonAsync();

        all.GetProperty("total").GetInt32().ShouldBeGreaterThanOrEqualTo(120);
        building.GetProperty("total").GetInt32().ShouldBeGreaterThanOrEqualTo(7);
        foreach (var account in new[] { "expert", "expert2", "expert3", "expert4", "expert5", "expert6", "expert7" })
        {
            var profile = await (await app.SignInAsync(account)).GetPathAsync("/api/v1/experts/profile");
            profile.StatusCode.ShouldBe(HttpStatusCode.OK, account);
            var json = await profile.JsonAsync();
            json.GetProperty("identity").GetProperty("name").GetString()
                .ShouldBe(DemoAccounts.Accounts.Single(a => a.UserName == account).DisplayName);
            json.GetProperty("expert").GetProperty("specialties").EnumerateArray().Select(s => s.GetProperty("code").GetString())
                .ShouldContain("A0801");
        }
    }

    [Fact]
    public async Task Ratings_TheCenterRatesTheServedExpertLeftInTheDemo_OnceOnly_AndTheRegulatorSeesTheRecord()
    {
        var clerk = await app.SignInAsync("clerk");
        var regulator = await app.SignInAsync("regulator");
        var bidder = await app.SignInAsync("bidder");

        var pending = await (await clerk.GetPathAsync("/api/v1/experts/ratings/pending")).JsonAsync();
        var seat = pending.EnumerateArray().First().GetProperty("seatId").GetString();
        var refused = await clerk.PostJsonAsync("/api/v1/experts/ratings", new { seatId = seat, score = 40 });
        var rated = await clerk.PostJsonAsync("/api/v1/experts/ratings", new { seatId = seat, score = 86, comment = "评审认真" });
        var twice = await clerk.PostJsonAsync("/api/v1/experts/ratings", new { seatId = seat, score = 90 });

        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        rated.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await rated.JsonAsync()).GetProperty("grade").GetString().ShouldBe("Competent");
        twice.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await twice.JsonAsync()).GetProperty("code").GetString().ShouldBe("EXPERT_RATING_EXISTS");
        (await bidder.GetPathAsync("/api/v1/experts/ratings/pending")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        string expert;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            expert = (await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().LedgerEntries
                .Where(e => e.Type == "experts.rating.recorded").OrderByDescending(e => e.Sequence).Select(e => e.Subject).FirstAsync(Ct))["expert:".Length..];
        }

        var record = await (await regulator.GetPathAsync($"/api/v1/experts/{expert}/record")).JsonAsync();
        record.GetProperty("served").GetInt32().ShouldBeGreaterThanOrEqualTo(1);
        record.GetProperty("recent").EnumerateArray().ShouldContain(r => r.GetProperty("score").GetInt32() == 86);
        (await (await regulator.GetPathAsync($"/Experts/Pool/Details/{expert}")).HtmlAsync()).ShouldContain("一标一评");
    }
}
