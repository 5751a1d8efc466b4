using System.Net;
using Ggzy.Platform.Time;
using Ggzy.TestKit;
using Ggzy.Web.Tests.Identity;
using Shouldly;
using Xunit;
using static Ggzy.Web.Tests.Award.AwardSteps;

namespace Ggzy.Web.Tests.Award;

/// <summary>
/// 政府采购 after the report (docs/award.md): no candidate publicity and no objection to the result, but a 质疑 after the
/// result notice that holds the contract's signing until it is answered; after
/// the 5 working days only the first-ranked may be chosen (87号令 第六十八条); the award publishes the result and tells
/// each loser its own score and rank only (第六十九条), each such read on the Ledger; the contract's deadline is due on its last days and late after,
/// on the award page and the lot's; the losers' refunds start with the award notice.
/// </summary>
public sealed class AwardProcurementHttpTests(AwardApp app) : IClassFixture<AwardApp>
{
    private const string EquipmentProject = "安和市政务服务中心办公设备采购项目";

    [Fact]
    public async Task DeemedFirst_LosersSeeOnlyTheirOwnScore_ContractAlerts()
    {
        var lotId = await app.LotIdAsync(EquipmentProject, "办公家具及电子设备");
        var candidates = await app.EvaluateAsync(lotId, ["bidder", "bidder2", "bidder3"], deposits: 50_000m);
        var tenderer = await app.SignInAsync("tenderer");
        var bidder2 = await app.SignInAsync("bidder2");

        var view = await ViewAsync(tenderer, lotId);
        view.GetProperty("regime").GetString().ShouldBe("procurement");
        view.Deadline("确定中标人").GetProperty("citation").GetString()!.ShouldContain("第六十八条");
        await tenderer.PostJsonAsync(Path(lotId, "/publicity"), new { }).RefusedAsync(HttpStatusCode.Conflict, "AWARD_REGIME", "第六十九条");
        await bidder2.PostJsonAsync(Path(lotId, "/objections"), new { text = "质疑" }).RefusedAsync(HttpStatusCode.Conflict, "AWARD_OBJECTION_OUT_OF_TIME", "第五十二条");
        (await ViewAsync(bidder2, lotId)).GetProperty("bids").GetArrayLength().ShouldBe(0);

        // Within the 5 working days another rank needs its reason; after them only the first may be chosen.
        await tenderer.PostJsonAsync(Path(lotId, "/decide"), new { bidId = candidates[1].BidId })
            .RefusedAsync(HttpStatusCode.UnprocessableEntity, "AWARD_SKIP_REASON", "第六十八条");
        app.Clock.Ahead += TimeSpan.FromDays(10);
        tenderer = await app.SignInAsync("tenderer");
        var overdue = await ViewAsync(tenderer, lotId);
        overdue.Deadline("确定中标人").GetProperty("state").GetString().ShouldBe("late");

        // The report to the purchaser: 2 working days from the evaluation's end (87号令 第六十八条); recorded late, it is missed.
        overdue.Deadline("将评标报告送采购人").GetProperty("state").GetString().ShouldBe("late");
        overdue.Deadline("将评标报告送采购人").GetProperty("citation").GetString()!.ShouldContain("第六十八条");
        await tenderer.PostJsonAsync(Path(lotId, "/supervisor-report"), new { on = app.Clock.Today(), recipient = "安和市财政局" })
            .RefusedAsync(HttpStatusCode.Conflict, "AWARD_REGIME", "第四十七条");
        (await tenderer.PostJsonAsync(Path(lotId, "/report-delivery"), new { on = app.Clock.Today() })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var delivered = await tenderer.PostJsonAsync(Path(lotId, "/report-delivery"), new { on = app.Clock.Today(), recipient = "采购人经办人王敏" }).OkAsync();
        delivered.Deadline("将评标报告送采购人").GetProperty("state").GetString().ShouldBe("missed");
        delivered.GetProperty("filings").EnumerateArray().ShouldHaveSingleItem().GetProperty("kind").GetString().ShouldBe("report-to-purchaser");
        delivered.GetProperty("actions").GetProperty("recordReportDelivery").GetBoolean().ShouldBeFalse();
        await tenderer.PostJsonAsync(Path(lotId, "/decide"), new { bidId = candidates[1].BidId, skipReason = "declined", explanation = "第一名书面放弃中标。" })
            .RefusedAsync(HttpStatusCode.UnprocessableEntity, "AWARD_DEEMED_FIRST", "第六十八条");
        var awarded = await tenderer.PostJsonAsync(Path(lotId, "/decide"), new { bidId = candidates[0].BidId }).OkAsync();
        awarded.State().ShouldBe("Awarded");
        awarded.Deadline("公告中标结果并发出中标通知书").GetProperty("state").GetString().ShouldBe("met");

        // Each loser sees its own score and rank, on the award API and its bid page, and nobody else's; each read is on the Ledger.
        var code = awarded.GetProperty("lotCode").GetString()!;
        var readsBefore = (await LedgerPayloadsAsync(app, $"lot:{code}", "trading.award.score-read")).Count;
        foreach (var (account, mine, other) in new[] { ("bidder2", candidates[1], candidates[2]), ("bidder3", candidates[2], candidates[1]) })
        {
            var client = await app.SignInAsync(account);
            var own = await ViewAsync(client, lotId);
            var bids = own.GetProperty("bids");
            bids.GetArrayLength().ShouldBe(1, account);
            bids[0].GetProperty("rank").GetInt32().ShouldBe(mine.Rank);
            bids[0].GetProperty("total").GetDecimal().ShouldBe(mine.Total);
            var page = await (await client.GetPathAsync($"/Trading/Bids/Lot/{lotId}")).HtmlAsync();
            page.ShouldContain(mine.Total.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture), Case.Sensitive, account);
            page.ShouldNotContain(other.Total.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture), Case.Sensitive, account);
            page.ShouldNotContain(other.BidderName, Case.Sensitive, account);
        }

        var reads = (await LedgerPayloadsAsync(app, $"lot:{code}", "trading.award.score-read")).Skip(readsBefore).ToList();
        reads.Count.ShouldBe(4);
        reads.Select(r => r.GetProperty("reader").GetString()).ShouldBe(["bidder2", "bidder2", "bidder3", "bidder3"]);
        reads[0].GetProperty("bids").EnumerateArray().ShouldHaveSingleItem().GetProperty("rank").GetInt32().ShouldBe(candidates[1].Rank);
        reads[0].GetProperty("citation").GetString()!.ShouldContain("第六十九条");

        // 质疑: a loser challenges the result within 7 working days of the notice period; the contract is not signed until it is answered.
        var challenged = await (await app.SignInAsync("bidder3")).PostJsonAsync(Path(lotId, "/objections"), new { text = "第一名的报价明显低于成本，请复核。" }).OkAsync();
        var challengeId = challenged.GetProperty("objections").EnumerateArray().ShouldHaveSingleItem().GetProperty("id").GetString();
        var early = await tenderer.PostJsonAsync(Path(lotId, "/contract"), new { terms = "办公家具 120 套。" }).OkAsync();
        early.Deadline($"答复{candidates[2].BidderName}的质疑").GetProperty("citation").GetString()!.ShouldContain("第五十三条");
        await tenderer.PostJsonAsync(Path(lotId, "/contract/sign"), new { digest = early.GetProperty("contract").GetProperty("digest").GetString() })
            .RefusedAsync(HttpStatusCode.Conflict, "AWARD_GATE", "第五十三条");
        var answeredChallenge = await tenderer.PostJsonAsync(Path(lotId, $"/objections/{challengeId}/answer"), new { answer = "经复核，第一名的报价不低于成本。" }).OkAsync();
        answeredChallenge.Deadline($"答复{candidates[2].BidderName}的质疑").GetProperty("state").GetString().ShouldBe("met");
        var challengeTypes = await app.LedgerTypesAsync($"lot:{code}");
        challengeTypes.ShouldContain("trading.award.challenge-raised");
        challengeTypes.ShouldContain("trading.award.challenge-answered");

        // The losers' deposits fall due with the award notice.
        var refunds = await RefundsAsync(app, code);
        refunds.Count.ShouldBe(2);
        refunds.ShouldAllBe(d => Is(d, "event", "AwardNotice"));

        // The contract's 30 days: not due, due on the last days, late after — on the award page and the lot's.
        var contractBy = awarded.Deadline("签订合同");
        contractBy.GetProperty("state").GetString().ShouldBe("not-due");
        var lastDay = DateOnly.Parse(contractBy.GetProperty("date").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        app.Clock.Ahead += ChinaTime.StartOfDay(lastDay).AddHours(10) - app.Clock.GetUtcNow();
        tenderer = await app.SignInAsync("tenderer");
        (await ViewAsync(tenderer, lotId)).Deadline("签订合同").GetProperty("state").GetString().ShouldBe("due");
        (await (await tenderer.GetPathAsync($"/Trading/Lots/Details/{lotId}")).HtmlAsync()).ShouldContain("即将到期");
        app.Clock.Ahead += TimeSpan.FromDays(1);
        tenderer = await app.SignInAsync("tenderer");
        (await ViewAsync(tenderer, lotId)).Deadline("签订合同").GetProperty("state").GetString().ShouldBe("late");
        (await (await tenderer.GetPathAsync($"/Trading/Award/Lot/{lotId}")).HtmlAsync()).ShouldContain("已逾期");
        (await (await tenderer.GetPathAsync($"/Trading/Lots/Details/{lotId}")).HtmlAsync()).ShouldContain("已逾期");

        // Signed late: concluded, flagged as missed; the contract is published for the public.
        var drafted = await tenderer.PostJsonAsync(Path(lotId, "/contract"), new { terms = "办公家具 120 套，电子设备 60 台，到货验收后付款。" }).OkAsync();
        var digest = drafted.GetProperty("contract").GetProperty("digest").GetString()!;
        await tenderer.PostJsonAsync(Path(lotId, "/contract/sign"), new { digest }).OkAsync();
        var winner = await app.SignInAsync("bidder");
        var signed = await winner.PostJsonAsync(Path(lotId, "/contract/sign"), new { digest }).OkAsync();
        signed.State().ShouldBe("Contracted");
        signed.Deadline("签订合同").GetProperty("state").GetString().ShouldBe("missed");
        signed.Deadline("公告合同").GetProperty("citation").GetString()!.ShouldContain("第五十条");
        (await RefundsAsync(app, code)).Count(d => Is(d, "event", "ContractSigned")).ShouldBe(1);
        await tenderer.PostJsonAsync(Path(lotId, "/contract/publish"), new { }).OkAsync();
        var list = await (await app.CreateAnonymousClient().GetPathAsync("/api/v1/trading/awards/published?kind=contract")).JsonAsync();
        list.EnumerateArray().ShouldContain(r => r.GetProperty("lotCode").GetString() == code);
    }
}
