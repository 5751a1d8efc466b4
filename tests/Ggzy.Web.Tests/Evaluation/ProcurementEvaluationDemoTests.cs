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
/// The demo's 政府采购 goods (安和市第三中学教学设备采购项目): a lot in evaluation under 综合评分法 whose room the expert accounts
/// sit in, a lot awarded by its result notice, contracted and archived, whose losers see their own score and rank only, and
/// two opened lots still without a committee; every lot's 开标一览表 reads out goods items (交货期, 质保期), not a works 工期.
/// </summary>
public sealed class ProcurementEvaluationDemoTests(GgzyApp app) : IClassFixture<GgzyApp>
{
    private const string PurchaseProject = "安和市第三中学教学设备采购项目";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Demo_HasAProcurementRoomInScoring_WithThePriceWeightOfGoods()
    {
        var lotId = await EvaluationReportBox.LotIdAsync(app.Services, PurchaseProject, "交互式智能黑板");
        var clerk = await app.SignInAsync("clerk");
        var room = await clerk.GetPathAsync(Room(lotId)).OkAsync();
        room.GetProperty("stage").GetString().ShouldBe("scoring");
        var members = room.GetProperty("members").EnumerateArray().ToList();
        members.Count.ShouldBe(5);
        members.ShouldContain(m => m.GetProperty("userName").GetString() == "tenderer");
        var experts = members.Select(m => m.GetProperty("userName").GetString()!).Where(u => u.StartsWith("expert", StringComparison.Ordinal)).ToList();
        experts.Count.ShouldBe(4);

        var member = await app.SignInAsync(experts[0]);
        var inside = await member.GetPathAsync(Room(lotId)).OkAsync();
        inside.GetProperty("bids").GetArrayLength().ShouldBe(3);
        inside.GetProperty("members").EnumerateArray().Count(m => m.GetProperty("submitted").GetBoolean()).ShouldBe(3);
        var page = await (await member.GetPathAsync($"/Trading/Evaluation/{lotId}")).HtmlAsync();
        page.ShouldContain("交互式智能黑板");
        page.ShouldContain("价格");
    }

    [Fact]
    public async Task Demo_HasAProcurementLotAwardedByItsResultNotice_Contracted_AndArchived()
    {
        var lotId = await EvaluationReportBox.LotIdAsync(app.Services, PurchaseProject, "理化生实验室仪器");
        var tenderer = await app.SignInAsync("tenderer");
        var award = await ViewAsync(tenderer, lotId);
        award.GetProperty("regime").GetString().ShouldBe("procurement");
        award.State().ShouldBe("Archived");
        award.GetProperty("notice").GetProperty("winnerName").GetString().ShouldBe("安和宏远建筑工程有限公司");
        award.GetProperty("contract").GetProperty("publishedAt").ValueKind.ShouldBe(JsonValueKind.String);
        award.GetProperty("candidates").EnumerateArray().Select(c => c.GetProperty("bidderName").GetString())
            .ShouldBe(["安和宏远建筑工程有限公司", "安和恒泰建设集团有限公司", "安和鼎盛建设有限公司"]);

        // The report shows the price score: 鼎盛's lowest price is the 评标基准价 and scores the full 30.
        var clerk = await app.SignInAsync("clerk");
        var report = await (await clerk.GetPathAsync(Room(lotId) + "/report")).Content.ReadAsStringAsync(Ct);
        report.ShouldContain("评标基准价：1,876,000");
        System.Text.RegularExpressions.Regex.IsMatch(report, "<td>安和鼎盛建设有限公司</td><td>[^<]*</td><td>[^<]*</td><td>30(\\.0+)?</td>").ShouldBeTrue();

        // A loser sees its own score and rank, never another's.
        foreach (var (account, rank) in new[] { ("bidder2", 2), ("bidder3", 3), ("bidder", 1) })
        {
            var own = (await ViewAsync(await app.SignInAsync(account), lotId)).GetProperty("bids").EnumerateArray().ToList();
            own.Count.ShouldBe(1, account);
            own[0].GetProperty("rank").GetInt32().ShouldBe(rank, account);
            own[0].GetProperty("total").GetDecimal().ShouldBeGreaterThan(0m);
        }

        var detail = await tenderer.GetPathAsync($"/api/v1/trading/archives/{lotId}").OkAsync();
        var package = await tenderer.GetPathAsync($"/api/v1/trading/archives/{lotId}/package");
        package.StatusCode.ShouldBe(HttpStatusCode.OK);
        Sm3.HashHex(await package.Content.ReadAsByteArrayAsync(Ct)).ShouldBe(detail.GetProperty("sm3").GetString());
        var code = award.GetProperty("lotCode").GetString()!;
        var types = await app.LedgerTypesAsync($"lot:{code}");
        foreach (var type in new[] { "trading.evaluation.report-submitted", "trading.award.result-published", "trading.contract.published" })
        {
            types.ShouldContain(type);
        }

        (await (await app.CreateAnonymousClient().GetPathAsync("/Portal/Awards")).HtmlAsync()).ShouldContain(code);
    }

    [Fact]
    public async Task Demo_HasTwoOpenedProcurementLots_WithoutACommittee()
    {
        foreach (var name in new[] { "图书馆家具", "体育器材" })
        {
            var lotId = await EvaluationReportBox.LotIdAsync(app.Services, PurchaseProject, name);
            var clerk = await app.SignInAsync("clerk");
            (await clerk.GetPathAsync($"/api/v1/trading/lots/{lotId}/opening").OkAsync()).GetProperty("stage").GetString().ShouldBe("closed", name);
            (await clerk.GetPathAsync(Room(lotId))).StatusCode.ShouldBe(HttpStatusCode.NotFound, name);
        }
    }

    [Fact]
    public async Task Demo_ProcurementLots_ReadOutGoodsItems_NotAWorksPeriod()
    {
        var clerk = await app.SignInAsync("clerk");
        foreach (var (name, items) in new[]
        {
            ("理化生实验室仪器", new[] { "交货期", "质保期" }), ("交互式智能黑板", ["品牌型号", "交货期", "质保期"]),
            ("图书馆家具", ["交货期", "质保期"]), ("体育器材", ["交货期", "质保期"]),
        })
        {
            var lotId = await EvaluationReportBox.LotIdAsync(app.Services, PurchaseProject, name);
            var hall = await clerk.GetPathAsync($"/api/v1/trading/lots/{lotId}/opening").OkAsync();
            hall.GetProperty("items").EnumerateArray().Select(i => i.GetString()).ShouldBe(items, name);
            var bids = hall.GetProperty("bids").EnumerateArray().ToList();
            bids.Count.ShouldBe(3, name);
            foreach (var bid in bids)
            {
                var read = bid.GetProperty("items");
                read.GetProperty("交货期").GetString()!.ShouldStartWith("合同签订后", customMessage: name);
                read.GetProperty("质保期").GetString()!.ShouldEndWith("年", customMessage: name);
                read.TryGetProperty("工期", out _).ShouldBeFalse(name);
                read.TryGetProperty("品牌型号", out _).ShouldBe(items.Contains("品牌型号"), name);
            }
        }
    }

    private static string Room(Guid lotId) => $"/api/v1/trading/lots/{lotId}/evaluation";
}
