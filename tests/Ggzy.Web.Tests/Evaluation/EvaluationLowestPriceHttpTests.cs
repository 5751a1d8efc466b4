using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ggzy.Web.Tests.Identity;
using Shouldly;
using Xunit;

namespace Ggzy.Web.Tests.Evaluation;

/// <summary>
/// 经评审的最低投标价法 in the room (docs/evaluation.md §3, §11): the chair enters the documents' price adjustments with their
/// reasons (only the documents' factors, within range), a clarification that waits for its answer blocks the report, and
/// one whose deadline passed unanswered blocks it until the committee states how it treats the bid; the candidates follow
/// the evaluated prices and the report carries the adjustments.
/// </summary>
public sealed class EvaluationLowestPriceHttpTests(EvaluationRoomApp app) : IClassFixture<EvaluationRoomApp>
{
    public const string Criteria = """
        {
          "format": "ggzy.evaluation-criteria.v1", "revision": 1, "regime": "tender", "subject": "works", "method": "lowest-evaluated-price",
          "groups": [],
          "adjustments": [
            { "code": "DAYS", "name": "工期偏差", "kind": "amount" },
            { "code": "PAY", "name": "付款条件偏差", "kind": "percent-of-price" }
          ],
          "aggregation": "mean", "decimals": 2, "tieBreaks": ["lower-price"], "candidates": 3, "deviationThresholdPercent": 20
        }
        """;

    private static readonly string[] TendererOnly = ["tenderer"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<JsonElement> OkAsync(Task<HttpResponseMessage> call)
    {
        var response = await call;
        var text = await response.HtmlAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, text);
        return JsonDocument.Parse(text).RootElement;
    }

    private static async Task<JsonElement> RefusedAsync(Task<HttpResponseMessage> call, HttpStatusCode status, string code)
    {
        var response = await call;
        var text = await response.HtmlAsync();
        response.StatusCode.ShouldBe(status, text);
        var problem = JsonDocument.Parse(text).RootElement;
        problem.GetProperty("code").GetString().ShouldBe(code, text);
        return problem;
    }

    private static IEnumerable<string?> Kinds(JsonElement view) => view.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("kind").GetString());

    [Fact]
    public async Task Adjustments_AndAnUnansweredClarification_BeforeTheReport()
    {
        var clerk = await app.SignInAsync("clerk");
        var lots = await (await clerk.GetPathAsync("/api/v1/trading/lots")).JsonAsync();
        var lot = lots.EnumerateArray().First(l => l.GetProperty("projectName").GetString() == "安和市东湖公园景观提升工程" && l.GetProperty("lotName").GetString() == "景观绿化施工");
        var (lotId, code) = (lot.GetProperty("lotId").GetString()!, lot.GetProperty("lotTradeCode").GetString()!);
        var room = $"/api/v1/trading/lots/{lotId}/evaluation";
        await OkAsync((await app.SignInAsync("agency")).PutAsJsonAsync(room + "/criteria", new { criteriaJson = Criteria }, Ct));
        await OkAsync(clerk.PostJsonAsync(room + "/open", new { representatives = TendererOnly }));
        var members = new Dictionary<string, HttpClient>();
        foreach (var name in EvaluationRoomApp.Experts.Append("tenderer"))
        {
            members[name] = await app.SignInAsync(name);
        }

        await OkAsync(members["tenderer"].PostJsonAsync(room + "/sign-in", new { }));
        var view = await OkAsync(members["expert"].GetPathAsync(room));
        var chairId = view.GetProperty("members").EnumerateArray().First(m => m.GetProperty("userName").GetString() == "expert3").GetProperty("id").GetString();
        foreach (var member in members.Values)
        {
            view = await OkAsync(member.PostJsonAsync(room + "/votes", new { candidateId = chairId }));
        }

        var chair = members["expert3"];
        var bids = view.GetProperty("bids").EnumerateArray().Select(b => (Id: b.GetProperty("bidId").GetString()!, Name: b.GetProperty("bidderName").GetString()!,
            Price: b.GetProperty("readOutPrice").GetDecimal())).OrderBy(b => b.Price).ToList();
        foreach (var stage in new[] { "qualification", "compliance" })
        {
            foreach (var member in members.Values)
            {
                foreach (var bid in bids)
                {
                    await OkAsync(member.PostJsonAsync(room + "/reviews", new { stage, bidId = bid.Id, pass = true }));
                }
            }

            view = await OkAsync(chair.PostJsonAsync(room + "/reviews/conclude", new { }));
        }

        view.GetProperty("stage").GetString().ShouldBe("scoring");
        view.GetProperty("factors").GetArrayLength().ShouldBe(2);

        // Only the chair, only the documents' factors, with a reason, within range.
        var cheapest = bids[0];
        await RefusedAsync(members["expert"].PutAsJsonAsync(room + "/adjustments", new { bidId = cheapest.Id, factorCode = "DAYS", value = 10000m, reason = "工期偏长" }, Ct),
            HttpStatusCode.Forbidden, "EVALUATION_CHAIR_ONLY");
        var unknown = await RefusedAsync(chair.PutAsJsonAsync(room + "/adjustments", new { bidId = cheapest.Id, factorCode = "BRAND", value = 10000m, reason = "品牌" }, Ct),
            HttpStatusCode.UnprocessableEntity, "EVALUATION_ADJUSTMENT");
        unknown.GetProperty("detail").GetString()!.ShouldContain("工期偏差");
        await RefusedAsync(chair.PutAsJsonAsync(room + "/adjustments", new { bidId = cheapest.Id, factorCode = "DAYS", value = 10000m, reason = "" }, Ct),
            HttpStatusCode.UnprocessableEntity, "EVALUATION_ADJUSTMENT");
        await RefusedAsync(chair.PutAsJsonAsync(room + "/adjustments", new { bidId = cheapest.Id, factorCode = "PAY", value = 120m, reason = "付款周期" }, Ct),
            HttpStatusCode.UnprocessableEntity, "EVALUATION_ADJUSTMENT");

        // The cheapest bid's 工期 is 20 days longer (10,000 a day): its evaluated price passes the others'.
        var penalty = bids[2].Price - cheapest.Price + 1000m;
        var before = view.GetProperty("revision").GetInt32();
        view = await OkAsync(chair.PutAsJsonAsync(room + "/adjustments", new { bidId = cheapest.Id, factorCode = "DAYS", value = penalty / 2, reason = "工期比招标文件要求长 10 日" }, Ct));
        view.GetProperty("revision").GetInt32().ShouldBeGreaterThan(before, "an adjustment changes what the members see: the room's revision moves");
        before = view.GetProperty("revision").GetInt32();
        view = await OkAsync(chair.PutAsJsonAsync(room + "/adjustments", new { bidId = cheapest.Id, factorCode = "DAYS", value = penalty, reason = "复核后工期比招标文件要求长 20 日" }, Ct));
        var adjustment = view.GetProperty("adjustments").EnumerateArray().ShouldHaveSingleItem();
        adjustment.GetProperty("value").GetDecimal().ShouldBe(penalty);
        adjustment.GetProperty("factorName").GetString().ShouldBe("工期偏差");

        // The member's view lists the adjustments and computes the outcome from them: one read of the table serves both.
        using (app.Sql.Record())
        {
            (await OkAsync(chair.GetPathAsync(room))).GetProperty("adjustments").GetArrayLength().ShouldBe(1);
        }

        app.Sql.Touching("trading_evaluation_adjustments").ShouldBe(1, string.Join("\n---\n", app.Sql.Commands));
        view.GetProperty("revision").GetInt32().ShouldBeGreaterThan(before);

        // A clarification waits for its answer: the report is blocked.
        await OkAsync(chair.PostJsonAsync(room + "/clarifications", new { bidId = bids[1].Id, question = "请说明主要苗木的来源和规格。", deadline = app.Clock.GetUtcNow().AddMinutes(10) }));
        view = await OkAsync(chair.GetPathAsync(room));
        Kinds(view).ShouldBe(["ClarificationPending"]);
        await RefusedAsync(chair.PostJsonAsync(room + "/report", new { }), HttpStatusCode.Conflict, "EVALUATION_FINDINGS");

        // Its deadline passes unanswered: the committee must say how it treats the bid before the report.
        app.Clock.Ahead += TimeSpan.FromMinutes(11);
        view = await OkAsync(chair.GetPathAsync(room));
        var unanswered = view.GetProperty("findings").EnumerateArray().ShouldHaveSingleItem();
        unanswered.GetProperty("kind").GetString().ShouldBe("ClarificationUnanswered");
        unanswered.GetProperty("message").GetString()!.ShouldContain("未答复澄清要求");
        await RefusedAsync(chair.PostJsonAsync(room + "/report", new { }), HttpStatusCode.Conflict, "EVALUATION_FINDINGS");
        await OkAsync(chair.PostJsonAsync(room + "/justifications", new { findingKey = unanswered.GetProperty("key").GetString(), text = "投标人未在截止时间前澄清，按投标文件载明的内容评审，不作有利于该投标人的推定。" }));

        view = await OkAsync(chair.PostJsonAsync(room + "/report", new { }));
        view.GetProperty("stage").GetString().ShouldBe("signing");
        view.GetProperty("candidates").EnumerateArray().Select(c => c.GetProperty("bidderName").GetString()).ShouldBe([bids[1].Name, bids[2].Name, cheapest.Name]);
        var document = await (await chair.GetPathAsync(room + "/report")).HtmlAsync();
        document.ShouldContain("评标价格调整");
        document.ShouldContain("复核后工期比招标文件要求长 20 日");
        (await app.LedgerTypesAsync($"lot:{code}")).ShouldContain("trading.evaluation.adjustment-set");
    }
}
