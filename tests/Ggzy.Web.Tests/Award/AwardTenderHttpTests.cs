using System.Net;
using System.Text;
using Ggzy.Platform.Time;
using Ggzy.Sealing;
using Ggzy.TestKit;
using Ggzy.Web.Tests.Identity;
using Shouldly;
using Xunit;
using static Ggzy.Web.Tests.Award.AwardSteps;

namespace Ggzy.Web.Tests.Award;

/// <summary>
/// 工程招标 after the report (docs/award.md): the publicity's timings refused with 实施条例 第五十四条, an objection during it
/// pausing the lot until answered, the award gated by the publicity and the objections, a candidate other than the first
/// needing its statutory reason, the signed award notice, the contract signed by both parties only, and the refunds with
/// interest falling due and late after it.
/// </summary>
public sealed class AwardTenderHttpTests(AwardApp app) : IClassFixture<AwardApp>
{
    private const string ParkProject = "安和市东湖公园景观提升工程";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Publicity_Objection_Award_Contract_Refunds()
    {
        var lotId = await app.LotIdAsync(ParkProject, "景观绿化施工");
        var candidates = await app.EvaluateAsync(lotId, ["bidder", "bidder2", "bidder3"], deposits: 100_000m);
        var agency = await app.SignInAsync("agency");
        var bidder2 = await app.SignInAsync("bidder2");

        var before = await ViewAsync(agency, lotId);
        before.State().ShouldBe("Evaluated");
        before.GetProperty("candidates").GetArrayLength().ShouldBe(3);
        before.Deadline("公示中标候选人").GetProperty("state").GetString().ShouldBe("not-due");
        var hidden = await ViewAsync(bidder2, lotId);
        hidden.GetProperty("candidates").GetArrayLength().ShouldBe(0);
        hidden.GetProperty("bids").GetArrayLength().ShouldBe(0);
        (await app.CreateAnonymousClient().GetPathAsync($"/api/v1/trading/awards/published/{lotId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // A publicity shorter than 3 days is refused with the article, and changes nothing.
        var code = before.GetProperty("lotCode").GetString()!;
        var ledger = (await app.LedgerTypesAsync($"lot:{code}")).Count;
        await agency.PostJsonAsync(Path(lotId, "/publicity"), new { endsAt = app.Clock.GetUtcNow().AddDays(1) })
            .RefusedAsync(HttpStatusCode.UnprocessableEntity, "AWARD_PUBLICITY_TIMING", "第五十四条");
        (await app.LedgerTypesAsync($"lot:{code}")).Count.ShouldBe(ledger);
        await bidder2.PostJsonAsync(Path(lotId, "/publicity"), new { }).AsStatusAsync(HttpStatusCode.Forbidden);

        var publicity = await agency.PostJsonAsync(Path(lotId, "/publicity"), new { }).OkAsync();
        publicity.State().ShouldBe("Publicity");
        publicity.Deadline("公示中标候选人").GetProperty("state").GetString().ShouldBe("met");
        var ends = publicity.GetProperty("publicityEndsAt").GetDateTimeOffset();
        (ends - app.Clock.GetUtcNow()).ShouldBeGreaterThan(TimeSpan.FromDays(3));

        // The public sees the candidates with their prices, project leaders and certificates, and the channel for objections.
        var portal = await app.CreateAnonymousClient().GetPathAsync($"/Portal/Awards/Details/{lotId}");
        var html = await portal.HtmlAsync();
        portal.StatusCode.ShouldBe(HttpStatusCode.OK, html);
        foreach (var c in candidates)
        {
            html.ShouldContain(c.BidderName);
            html.ShouldContain("项目经理" + c.Rank);
        }

        html.ShouldContain("异议");
        (await (await app.CreateAnonymousClient().GetPathAsync("/Portal/Awards?kind=publicity")).HtmlAsync()).ShouldContain(code);

        // Award before the publicity ends: refused.
        await agency.PostJsonAsync(Path(lotId, "/decide"), new { bidId = candidates[0].BidId })
            .RefusedAsync(HttpStatusCode.Conflict, "AWARD_GATE", "第五十四条");

        // An objection during the publicity pauses the lot; one from outside the lot's bidders is refused.
        var objected = await bidder2.PostJsonAsync(Path(lotId, "/objections"), new { text = "第一名的项目经理证书已过期。" }).OkAsync();
        objected.State().ShouldBe("Paused");
        var objection = objected.GetProperty("objections")[0];
        objection.GetProperty("answerState").GetString().ShouldBe("open");
        objected.Deadline($"答复{candidates[1].BidderName}的异议").GetProperty("citation").GetString()!.ShouldContain("第五十四条");
        var observer = await app.SignInAsync("tenderer");
        await observer.PostJsonAsync(Path(lotId, "/objections"), new { text = "异议" }).AsStatusAsync(HttpStatusCode.Forbidden);
        (await app.LedgerTypesAsync($"lot:{code}")).ShouldContain("trading.award.objection-raised");

        // After the publicity: the award still waits for the answer.
        app.Clock.Ahead += ends - app.Clock.GetUtcNow() + TimeSpan.FromHours(1);
        agency = await app.SignInAsync("agency");
        bidder2 = await app.SignInAsync("bidder2");
        await bidder2.PostJsonAsync(Path(lotId, "/objections"), new { text = "再次异议" })
            .RefusedAsync(HttpStatusCode.Conflict, "AWARD_OBJECTION_OUT_OF_TIME", "第五十四条");
        var gate = await agency.PostJsonAsync(Path(lotId, "/decide"), new { bidId = candidates[0].BidId })
            .RefusedAsync(HttpStatusCode.Conflict, "AWARD_GATE");
        gate.GetProperty("detail").GetString()!.ShouldContain("尚未答复");

        var objectionId = objection.GetProperty("id").GetString();
        var answered = await agency.PostJsonAsync(Path(lotId, $"/objections/{objectionId}/answer"), new { answer = "经核查，证书在有效期内。" }).OkAsync();
        answered.State().ShouldBe("Publicity");
        (await app.LedgerTypesAsync($"lot:{code}")).ShouldContain("trading.lot.resumed");

        // A candidate other than the first needs a statutory reason.
        await agency.PostJsonAsync(Path(lotId, "/decide"), new { bidId = candidates[1].BidId })
            .RefusedAsync(HttpStatusCode.UnprocessableEntity, "AWARD_SKIP_REASON", "第五十五条");
        await agency.PostJsonAsync(Path(lotId, "/decide"), new { bidId = Guid.NewGuid() })
            .RefusedAsync(HttpStatusCode.UnprocessableEntity, "AWARD_CANDIDATE");
        var awarded = await agency.PostJsonAsync(Path(lotId, "/decide"), new { bidId = candidates[0].BidId }).OkAsync();
        awarded.State().ShouldBe("Awarded");
        var notice = awarded.GetProperty("notice");
        notice.GetProperty("winnerName").GetString().ShouldBe(candidates[0].BidderName);
        awarded.Deadline("签订合同").GetProperty("state").GetString().ShouldBe("not-due");

        // The written report to the supervisor: within 15 days of the award (招标投标法 第四十七条), recorded once, on the Ledger.
        var reportBy = awarded.Deadline("向行政监督部门提交招标投标情况的书面报告");
        reportBy.GetProperty("state").GetString().ShouldBe("not-due");
        reportBy.GetProperty("citation").GetString()!.ShouldContain("第四十七条");
        awarded.GetProperty("actions").GetProperty("fileSupervisorReport").GetBoolean().ShouldBeTrue();
        var awardDay = app.Clock.Today();
        (await agency.PostJsonAsync(Path(lotId, "/supervisor-report"), new { on = awardDay.AddDays(1), recipient = "安和市住房和城乡建设局" }))
            .StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        await agency.PostJsonAsync(Path(lotId, "/report-delivery"), new { on = awardDay, recipient = "采购人" })
            .RefusedAsync(HttpStatusCode.Conflict, "AWARD_REGIME", "第六十八条");
        var filed = await agency.PostJsonAsync(Path(lotId, "/supervisor-report"),
            new { on = awardDay, recipient = "安和市住房和城乡建设局", reference = "AH-JS-2026-018" }).OkAsync();
        filed.Deadline("向行政监督部门提交招标投标情况的书面报告").GetProperty("state").GetString().ShouldBe("met");
        var filing = filed.GetProperty("filings").EnumerateArray().ShouldHaveSingleItem();
        filing.GetProperty("kind").GetString().ShouldBe("supervisor-report");
        filing.GetProperty("reference").GetString().ShouldBe("AH-JS-2026-018");
        await agency.PostJsonAsync(Path(lotId, "/supervisor-report"), new { on = awardDay, recipient = "安和市住房和城乡建设局" })
            .RefusedAsync(HttpStatusCode.Conflict, "AWARD_FILED");
        (await app.LedgerTypesAsync($"lot:{code}")).Count(t => t == "trading.award.supervisor-report-filed").ShouldBe(1);
        (await (await agency.GetPathAsync($"/Trading/Award/Lot/{lotId}")).HtmlAsync()).ShouldContain("AH-JS-2026-018");

        // The winner downloads the notice: the bytes the platform signed.
        var winner = await app.SignInAsync("bidder");
        var bytes = await (await winner.GetPathAsync(Path(lotId, "/notice"))).Content.ReadAsByteArrayAsync(Ct);
        Sm3.HashHex(bytes).ShouldBe(notice.GetProperty("digest").GetString());
        Encoding.UTF8.GetString(bytes).ShouldContain("ggzy.award-notice.v1");
        (await winner.GetPathAsync(Path(lotId, "/notice/signature"))).StatusCode.ShouldBe(HttpStatusCode.OK);
        await bidder2.GetPathAsync(Path(lotId, "/notice")).AsTask().RefusedAsync(HttpStatusCode.NotFound, "AWARD_STATE");

        // A loser sees its own score and rank, nobody else's.
        var own = await ViewAsync(bidder2, lotId);
        own.GetProperty("bids").GetArrayLength().ShouldBe(1);
        own.GetProperty("bids")[0].GetProperty("rank").GetInt32().ShouldBe(2);
        own.GetProperty("bids")[0].GetProperty("bidderName").GetString().ShouldBe(candidates[1].BidderName);
        own.GetProperty("notice").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);

        // The contract: drafted by the tenderer's side, signed by the two parties only, each over the digest.
        var drafted = await agency.PostJsonAsync(Path(lotId, "/contract"), new { terms = "标的：景观绿化施工；工期 180 日历天；按进度付款。" }).OkAsync();
        var digest = drafted.GetProperty("contract").GetProperty("digest").GetString()!;
        drafted.GetProperty("contract").GetProperty("amount").GetDecimal().ShouldBe(candidates[0].Price);
        await agency.PostJsonAsync(Path(lotId, "/contract/sign"), new { digest }).AsStatusAsync(HttpStatusCode.Forbidden);
        await bidder2.PostJsonAsync(Path(lotId, "/contract/sign"), new { digest }).RefusedAsync(HttpStatusCode.Forbidden, "CONTRACT_NOT_A_PARTY");
        await winner.PostJsonAsync(Path(lotId, "/contract/sign"), new { digest = new string('0', 64) }).RefusedAsync(HttpStatusCode.UnprocessableEntity, "CONTRACT_DIGEST");
        var half = await winner.PostJsonAsync(Path(lotId, "/contract/sign"), new { digest }).OkAsync();
        half.State().ShouldBe("Awarded");
        await winner.PostJsonAsync(Path(lotId, "/contract/sign"), new { digest }).RefusedAsync(HttpStatusCode.Conflict, "CONTRACT_ALREADY_SIGNED");
        await agency.PostJsonAsync(Path(lotId, "/contract"), new { terms = "改动" }).RefusedAsync(HttpStatusCode.Conflict, "CONTRACT_LOCKED");
        var tenderer = await app.SignInAsync("tenderer");
        var signed = await tenderer.PostJsonAsync(Path(lotId, "/contract/sign"), new { digest }).OkAsync();
        signed.State().ShouldBe("Contracted");
        signed.Deadline("签订合同").GetProperty("state").GetString().ShouldBe("met");
        var types = await app.LedgerTypesAsync($"lot:{code}");
        types.ShouldContain("trading.award.notice-issued");
        types.ShouldContain("trading.contract.concluded");

        // Every deposit is refundable within 5 days with the bank interest; late after.
        var refunds = await RefundsAsync(app, code);
        refunds.Count.ShouldBe(3);
        refunds.ShouldAllBe(d => Is(d, "event", "ContractSigned") && Is(d, "state", "NotDue"));
        refunds.ShouldAllBe(d => d.GetProperty("interest").GetDecimal() > 0);
        app.Clock.Ahead += TimeSpan.FromDays(8);
        (await RefundsAsync(app, code)).ShouldAllBe(d => Is(d, "state", "Late"));
        var page = await (await (await app.SignInAsync("clerk")).GetPathAsync("/Trading/Security/Refunds")).HtmlAsync();
        page.ShouldContain("银行同期存款利息");

        // A refund recorded: its Ledger entry carries the principal, the interest, the rate and the days.
        var duty = (await RefundsAsync(app, code))[0];
        var today = app.Clock.Today();
        var refunded = await (await app.SignInAsync("clerk")).PostJsonAsync($"/api/v1/trading/security/refunds/{duty.GetProperty("id").GetString()}",
            new { refundedOn = today, bankReference = "TK-2026-0001" }).OkAsync();
        var entry = (await LedgerPayloadsAsync(app, $"deposit:{duty.GetProperty("depositId").GetString()}", "trading.security.refunded")).ShouldHaveSingleItem();
        entry.GetProperty("principal").GetDecimal().ShouldBe(duty.GetProperty("amount").GetDecimal());
        entry.GetProperty("interest").GetDecimal().ShouldBe(refunded.GetProperty("interest").GetDecimal());
        entry.GetProperty("interest").GetDecimal().ShouldBeGreaterThan(0m);
        entry.GetProperty("total").GetDecimal().ShouldBe(entry.GetProperty("principal").GetDecimal() + entry.GetProperty("interest").GetDecimal());
        var terms = entry.GetProperty("interestTerms");
        terms.GetProperty("annualRate").GetDecimal().ShouldBe(0.0035m);
        terms.GetProperty("daysInYear").GetInt32().ShouldBe(360);
        terms.GetProperty("until").GetString().ShouldBe(today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        var days = terms.GetProperty("days").GetInt32();
        days.ShouldBeGreaterThan(0);
        entry.GetProperty("interest").GetDecimal().ShouldBe(decimal.Round(entry.GetProperty("principal").GetDecimal() * 0.0035m * days / 360, 2, MidpointRounding.AwayFromZero));
        terms.GetProperty("citation").GetString()!.ShouldContain("第五十七条");

        // Performance records and the contract's publication.
        tenderer = await app.SignInAsync("agency");
        await tenderer.PostJsonAsync(Path(lotId, "/contract/performance"), new { kind = "payment", on = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime), text = "首付款" })
            .AsStatusAsync(HttpStatusCode.BadRequest);
        var recorded = await tenderer.PostJsonAsync(Path(lotId, "/contract/performance"),
            new { kind = "acceptance", on = DateOnly.FromDateTime(app.Clock.GetUtcNow().AddHours(8).UtcDateTime), text = "阶段验收合格" }).OkAsync();
        recorded.GetProperty("performance").GetArrayLength().ShouldBe(1);
        var published = await tenderer.PostJsonAsync(Path(lotId, "/contract/publish"), new { }).OkAsync();
        published.GetProperty("contract").GetProperty("publishedAt").ValueKind.ShouldNotBe(System.Text.Json.JsonValueKind.Null);
        (await (await app.CreateAnonymousClient().GetPathAsync($"/Portal/Awards/Details/{lotId}")).HtmlAsync()).ShouldContain("标的：景观绿化施工");

        // The recorded day of the written report is corrected by the center only, with a reason; the old day is kept.
        var correction = Path(lotId, "/filings/supervisor-report/correction");
        var correctedOn = awardDay.AddDays(2);
        await tenderer.PostJsonAsync(correction, new { on = correctedOn, reason = "依据回执更正提交日期" }).AsStatusAsync(HttpStatusCode.Forbidden);
        var clerk = await app.SignInAsync("clerk");
        await clerk.PostJsonAsync(correction, new { on = correctedOn }).AsStatusAsync(HttpStatusCode.BadRequest);
        await clerk.PostJsonAsync(correction, new { on = awardDay, reason = "依据回执更正提交日期" }).AsStatusAsync(HttpStatusCode.BadRequest);
        await clerk.PostJsonAsync(Path(lotId, "/filings/report-to-purchaser/correction"), new { on = correctedOn, reason = "依据回执更正提交日期" })
            .RefusedAsync(HttpStatusCode.Conflict, "AWARD_REGIME");
        var corrected = await clerk.PostJsonAsync(correction, new { on = correctedOn, reason = "依据住建局出具的回执，实际提交日期晚两日" }).OkAsync();
        var correctedFiling = corrected.GetProperty("filings").EnumerateArray().ShouldHaveSingleItem();
        correctedFiling.GetProperty("on").GetString().ShouldBe(correctedOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        var kept = correctedFiling.GetProperty("corrections").EnumerateArray().ShouldHaveSingleItem();
        kept.GetProperty("previousOn").GetString().ShouldBe(awardDay.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        kept.GetProperty("correctedBy").GetString().ShouldBe("clerk");
        var fixedEntry = (await LedgerPayloadsAsync(app, $"lot:{code}", "trading.award.filing-corrected")).ShouldHaveSingleItem();
        fixedEntry.GetProperty("previous").GetString().ShouldBe(awardDay.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        fixedEntry.GetProperty("reason").GetString()!.ShouldContain("回执");
        (await LedgerPayloadsAsync(app, $"lot:{code}", "trading.award.supervisor-report-filed")).ShouldHaveSingleItem();
        (await (await clerk.GetPathAsync($"/Trading/Award/Lot/{lotId}")).HtmlAsync()).ShouldContain("实际提交日期晚两日");
    }

    [Fact]
    public async Task APublicityStartedLate_IsRefused_CitingTheRule()
    {
        var lotId = await app.LotIdAsync(ParkProject, "照明及给排水施工");
        await app.EvaluateAsync(lotId, ["bidder", "bidder2", "bidder3"]);
        var agency = await app.SignInAsync("agency");
        // The last day depends on the calendar (a last day on a rest day moves to the next working day): go past it.
        var lastDay = DateOnly.Parse((await ViewAsync(agency, lotId)).Deadline("公示中标候选人").GetProperty("date").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        app.Clock.Ahead += ChinaTime.StartOfDay(lastDay.AddDays(1)).AddHours(10) - app.Clock.GetUtcNow();
        agency = await app.SignInAsync("agency");
        (await ViewAsync(agency, lotId)).Deadline("公示中标候选人").GetProperty("state").GetString().ShouldBe("late");
        var refusal = await agency.PostJsonAsync(Path(lotId, "/publicity"), new { })
            .RefusedAsync(HttpStatusCode.UnprocessableEntity, "AWARD_PUBLICITY_TIMING", "第五十四条");
        refusal.GetProperty("detail").GetString()!.ShouldContain("内公示");
        (await ViewAsync(agency, lotId)).State().ShouldBe("Evaluated");
    }
}

internal static class StatusExtensions
{
    public static async Task AsStatusAsync(this Task<HttpResponseMessage> call, HttpStatusCode status)
    {
        var response = await call;
        response.StatusCode.ShouldBe(status, await response.HtmlAsync());
    }

    public static Task<HttpResponseMessage> AsTask(this Task<HttpResponseMessage> call) => call;
}
