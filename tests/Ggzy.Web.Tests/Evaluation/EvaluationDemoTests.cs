using System.Net;
using System.Text.Json;
using Ggzy.Sealing;
using Ggzy.TestKit;
using Ggzy.Web.Tests.Identity;
using Shouldly;
using Xunit;
using static Ggzy.Web.Tests.Award.AwardSteps;

namespace Ggzy.Web.Tests.Evaluation;

/// <summary>
/// The demo through the whole chain on the 沿江大道 works: a lot in evaluation whose room the expert accounts sit in, a lot
/// whose signed report is in its candidate publicity, and a lot awarded, contracted and archived.
/// </summary>
public sealed class EvaluationDemoTests(GgzyApp app) : IClassFixture<GgzyApp>
{
    private const string RoadProject = "安和市沿江大道市政改造工程";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Demo_HasARoomInScoring_SatInByTheExpertAccounts()
    {
        var lotId = await EvaluationReportBox.LotIdAsync(app.Services, RoadProject, "路灯及交通设施施工");
        var clerk = await app.SignInAsync("clerk");
        var room = await clerk.GetPathAsync(Room(lotId)).OkAsync();
        room.GetProperty("stage").GetString().ShouldBe("scoring");
        room.GetProperty("chairId").GetString().ShouldNotBeNull();
        var members = room.GetProperty("members").EnumerateArray().ToList();
        members.Count.ShouldBe(5);
        var experts = members.Select(m => m.GetProperty("userName").GetString()!).Where(u => u.StartsWith("expert", StringComparison.Ordinal)).ToList();
        experts.Count.ShouldBe(4);
        members.ShouldContain(m => m.GetProperty("userName").GetString() == "tenderer");

        // An expert account of the committee finds the room in its list and the room's page; one outside it does not.
        var member = await app.SignInAsync(experts[0]);
        (await (await member.GetPathAsync("/api/v1/trading/evaluations")).JsonAsync()).EnumerateArray()
            .ShouldContain(r => r.GetProperty("lotId").GetGuid() == lotId && r.GetProperty("member").GetBoolean());
        var inside = await member.GetPathAsync(Room(lotId)).OkAsync();
        inside.GetProperty("signedIn").GetBoolean().ShouldBeTrue();
        inside.GetProperty("bids").GetArrayLength().ShouldBe(3);
        inside.GetProperty("members").EnumerateArray().Count(m => m.GetProperty("submitted").GetBoolean()).ShouldBe(3);
        var page = await member.GetPathAsync($"/Trading/Evaluation/{lotId}");
        page.StatusCode.ShouldBe(HttpStatusCode.OK, await page.HtmlAsync());
        var outsider = Enumerable.Range(1, 7).Select(i => i == 1 ? "expert" : "expert" + i).First(u => !experts.Contains(u));
        (await (await app.SignInAsync(outsider)).GetPathAsync($"/Trading/Evaluation/{lotId}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Demo_HasASignedReport_InItsCandidatePublicity()
    {
        var lotId = await EvaluationReportBox.LotIdAsync(app.Services, RoadProject, "桥梁维修加固施工");
        var agency = await app.SignInAsync("agency");
        var award = await ViewAsync(agency, lotId);
        award.State().ShouldBe("Publicity");
        award.GetProperty("candidates").GetArrayLength().ShouldBe(3);

        // The signed report's digest is the SM3 of the document the platform hands out.
        var clerk = await app.SignInAsync("clerk");
        var room = await clerk.GetPathAsync(Room(lotId)).OkAsync();
        room.GetProperty("stage").GetString().ShouldBe("closed");
        var signed = room.GetProperty("report").GetProperty("signedDigest").GetString()!;
        var document = await (await clerk.GetPathAsync(Room(lotId) + "/report")).Content.ReadAsByteArrayAsync(Ct);
        Sm3.HashHex(document).ShouldBe(signed);

        var code = award.GetProperty("lotCode").GetString()!;
        (await (await app.CreateAnonymousClient().GetPathAsync("/Portal/Awards?kind=publicity")).HtmlAsync()).ShouldContain(code);
        (await app.LedgerTypesAsync($"lot:{code}")).ShouldContain("trading.evaluation.report-submitted");
    }

    [Fact]
    public async Task Demo_HasAContractedLot_Archived_AndItsPackageDownloadable()
    {
        var lotId = await EvaluationReportBox.LotIdAsync(app.Services, RoadProject, "道路及排水工程施工");
        var tenderer = await app.SignInAsync("tenderer");
        var award = await ViewAsync(tenderer, lotId);
        award.State().ShouldBe("Archived");
        award.GetProperty("contract").GetProperty("signedAt").ValueKind.ShouldBe(JsonValueKind.String);

        // The winner is 宏远 (`bidder`): the best technical and commercial marks, at a price within 2% of the lowest; it sees its contract.
        award.GetProperty("candidates").EnumerateArray().Single(c => c.GetProperty("rank").GetInt32() == 1).GetProperty("bidderName").GetString()
            .ShouldBe("安和宏远建筑工程有限公司");
        var winner = await ViewAsync(await app.SignInAsync("bidder"), lotId);
        winner.GetProperty("contract").GetProperty("supplierSignedBy").GetString().ShouldBe("bidder");

        var detail = await tenderer.GetPathAsync($"/api/v1/trading/archives/{lotId}").OkAsync();
        var sm3 = detail.GetProperty("sm3").GetString()!;
        foreach (var account in new[] { "tenderer", "agency", "supervisor.housing" })
        {
            var client = account == "tenderer" ? tenderer : await app.SignInAsync(account);
            var package = await client.GetPathAsync($"/api/v1/trading/archives/{lotId}/package");
            package.StatusCode.ShouldBe(HttpStatusCode.OK, account);
            Sm3.HashHex(await package.Content.ReadAsByteArrayAsync(Ct)).ShouldBe(sm3, account);
        }

        (await (await app.SignInAsync("bidder3")).GetPathAsync($"/api/v1/trading/archives/{lotId}/package")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var code = award.GetProperty("lotCode").GetString()!;
        var types = await app.LedgerTypesAsync($"lot:{code}");
        foreach (var type in new[] { "trading.evaluation.report-submitted", "trading.lot.evaluated" })
        {
            types.ShouldContain(type);
        }
    }

    private static string Room(Guid lotId) => $"/api/v1/trading/lots/{lotId}/evaluation";
}
