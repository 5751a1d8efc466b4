using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Ggzy.Sealing.Pki;
using Ggzy.Web.Tests.Identity;
using Shouldly;
using Xunit;

namespace Ggzy.Web.Tests.Evaluation;

/// <summary>
/// The evaluation room over HTTP (docs/evaluation.md §11) on the demo's closed opening (景观绿化施工): who may enter, the
/// chair elected by majority with a re-vote, reviews concluded by majority, independent scoring, a price correction that
/// binds only once the bidder confirms it, a report blocked by each kind of finding until resolved or justified, and the
/// signatures — one dissent with reasons, the silent deemed to agree — after which the lot is 评标结束.
/// </summary>
public sealed class EvaluationRoomHttpTests(EvaluationRoomApp app) : IClassFixture<EvaluationRoomApp>
{
    private const string ParkProject = "安和市东湖公园景观提升工程";
    private const string ClosedLot = "景观绿化施工";

    public const string Criteria = """
        {
          "format": "ggzy.evaluation-criteria.v1", "revision": 1, "regime": "tender", "subject": "works", "method": "comprehensive",
          "groups": [
            { "code": "P", "name": "价格", "weight": 30, "items": [{ "code": "P1", "name": "投标报价", "kind": "price", "maxPoints": 30 }] },
            { "code": "T", "name": "技术", "weight": 50, "items": [
                { "code": "T1", "name": "施工组织设计", "kind": "subjective", "maxPoints": 30, "step": 0.5 },
                { "code": "T2", "name": "工期和质量响应", "kind": "objective", "maxPoints": 20, "levels": [0, 5, 10, 15, 20] }] },
            { "code": "B", "name": "商务", "weight": 20, "items": [
                { "code": "B1", "name": "类似业绩", "kind": "subjective", "maxPoints": 20, "step": 0.5 }] }
          ],
          "adjustments": [], "aggregation": "mean", "decimals": 2, "tieBreaks": ["lower-price"], "technicalGroup": "T", "candidates": 3,
          "deviationThresholdPercent": 20
        }
        """;

    private static readonly string[] TendererOnly = ["tenderer"];
    private static readonly string[] ABidder = ["bidder2"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<(string Id, string Code)> LotAsync(HttpClient client)
    {
        var lots = await (await client.GetPathAsync("/api/v1/trading/lots")).JsonAsync();
        var lot = lots.EnumerateArray().First(l => l.GetProperty("projectName").GetString() == ParkProject && l.GetProperty("lotName").GetString() == ClosedLot);
        return (lot.GetProperty("lotId").GetString()!, lot.GetProperty("lotTradeCode").GetString()!);
    }

    private static async Task<JsonElement> OkAsync(Task<HttpResponseMessage> call)
    {
        var response = await call;
        var text = await response.HtmlAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, text);
        return JsonDocument.Parse(text).RootElement;
    }

    private static async Task RefusedAsync(Task<HttpResponseMessage> call, HttpStatusCode status, string? code = null)
    {
        var response = await call;
        var text = await response.HtmlAsync();
        response.StatusCode.ShouldBe(status, text);
        if (code is not null)
        {
            JsonDocument.Parse(text).RootElement.GetProperty("code").GetString().ShouldBe(code, text);
        }
    }

    [Fact]
    public async Task Room_FromOpeningToSignedReport()
    {
        var agency = await app.SignInAsync("agency");
        var clerk = await app.SignInAsync("clerk");
        var (lotId, code) = await LotAsync(clerk);
        var room = $"/api/v1/trading/lots/{lotId}/evaluation";

        // Before the room: nobody enters; the criteria are the tenderer's or agency's, validated.
        await RefusedAsync(clerk.GetPathAsync(room), HttpStatusCode.NotFound);
        await RefusedAsync(clerk.PostJsonAsync(room + "/open", new { representatives = TendererOnly }), HttpStatusCode.Conflict, "EVALUATION_CRITERIA");
        await RefusedAsync((await app.SignInAsync("bidder")).PutAsJsonAsync(room + "/criteria", new { criteriaJson = Criteria }, Ct), HttpStatusCode.Forbidden);
        await RefusedAsync(agency.PutAsJsonAsync(room + "/criteria", new { criteriaJson = Criteria.Replace("\"weight\": 30", "\"weight\": 40", StringComparison.Ordinal) }, Ct),
            HttpStatusCode.UnprocessableEntity, "EVALUATION_CRITERIA");
        var setup = await OkAsync(agency.PutAsJsonAsync(room + "/criteria", new { criteriaJson = Criteria }, Ct));
        setup.GetProperty("criteriaDigest").GetString()!.Length.ShouldBe(64);

        // Opening: the representatives must be the tenderer's or agency's staff, as many as requested.
        await RefusedAsync(clerk.PostJsonAsync(room + "/open", new { representatives = Array.Empty<string>() }), HttpStatusCode.UnprocessableEntity, "EVALUATION_COMMITTEE");
        await RefusedAsync(clerk.PostJsonAsync(room + "/open", new { representatives = ABidder }), HttpStatusCode.UnprocessableEntity, "EVALUATION_COMMITTEE");
        var opened = await OkAsync(clerk.PostJsonAsync(room + "/open", new { representatives = TendererOnly }));
        opened.GetProperty("stage").GetString().ShouldBe("election");
        opened.GetProperty("members").GetArrayLength().ShouldBe(5);
        opened.GetProperty("bids").ValueKind.ShouldBe(JsonValueKind.Null);
        opened.GetProperty("sites").GetArrayLength().ShouldBe(2);
        await RefusedAsync(agency.PutAsJsonAsync(room + "/criteria", new { criteriaJson = Criteria }, Ct), HttpStatusCode.Conflict, "EVALUATION_STATE");

        // Access: a bidder and an expert not on the committee are refused; the representative sees nothing before signing in.
        await RefusedAsync((await app.SignInAsync("bidder")).GetPathAsync(room), HttpStatusCode.Forbidden);
        await RefusedAsync((await app.SignInAsync("expert5")).GetPathAsync(room), HttpStatusCode.Forbidden, "EVALUATION_NOT_YOURS");
        var tenderer = await app.SignInAsync("tenderer");
        (await OkAsync(tenderer.GetPathAsync(room))).GetProperty("bids").ValueKind.ShouldBe(JsonValueKind.Null);
        var members = new Dictionary<string, HttpClient> { ["tenderer"] = tenderer };
        foreach (var name in EvaluationRoomApp.Experts)
        {
            members[name] = await app.SignInAsync(name);
        }

        var first = await OkAsync(members["expert"].GetPathAsync(room));
        first.GetProperty("bids").GetArrayLength().ShouldBe(3);
        first.GetProperty("members").EnumerateArray().Select(m => m.GetProperty("siteName").GetString()).Distinct().Count().ShouldBe(2);
        var ids = first.GetProperty("members").EnumerateArray().ToDictionary(m => m.GetProperty("userName").GetString()!, m => m.GetProperty("id").GetString()!);
        await RefusedAsync(tenderer.PostJsonAsync(room + "/votes", new { candidateId = ids["expert"] }), HttpStatusCode.Forbidden, "EVALUATION_NOT_SIGNED_IN");
        await OkAsync(tenderer.PostJsonAsync(room + "/sign-in", new { }));

        // Chair: 2-2-1 is no majority, a second round elects expert by 5 votes.
        var firstRound = new[] { ("expert", "expert"), ("expert2", "expert"), ("expert3", "expert3"), ("expert4", "expert3"), ("tenderer", "expert2") };
        JsonElement view = default;
        foreach (var (voter, candidate) in firstRound)
        {
            view = await OkAsync(members[voter].PostJsonAsync(room + "/votes", new { candidateId = ids[candidate] }));
        }

        view.GetProperty("electionRound").GetInt32().ShouldBe(2);
        view.GetProperty("stage").GetString().ShouldBe("election");
        foreach (var voter in members.Keys)
        {
            view = await OkAsync(members[voter].PostJsonAsync(room + "/votes", new { candidateId = ids["expert"] }));
        }

        view.GetProperty("stage").GetString().ShouldBe("qualification");
        view.GetProperty("chairId").GetString().ShouldBe(ids["expert"]);
        var chair = members["expert"];

        // Qualification: everyone passes everyone; a fail without a reason is refused.
        var bids = first.GetProperty("bids").EnumerateArray().Select(b => (Id: b.GetProperty("bidId").GetString()!, Price: b.GetProperty("readOutPrice").GetDecimal())).ToList();
        await RefusedAsync(members["expert2"].PostJsonAsync(room + "/reviews", new { stage = "qualification", bidId = bids[0].Id, pass = false }),
            HttpStatusCode.UnprocessableEntity, "EVALUATION_REVIEW");
        await RefusedAsync(members["expert2"].PostJsonAsync(room + "/reviews/conclude", new { }), HttpStatusCode.Forbidden, "EVALUATION_CHAIR_ONLY");
        await RefusedAsync(chair.PostJsonAsync(room + "/reviews/conclude", new { }), HttpStatusCode.Conflict, "EVALUATION_INCOMPLETE");
        foreach (var member in members.Values)
        {
            foreach (var bid in bids)
            {
                await OkAsync(member.PostJsonAsync(room + "/reviews", new { stage = "qualification", bidId = bid.Id, pass = true }));
            }
        }

        (await OkAsync(chair.PostJsonAsync(room + "/reviews/conclude", new { }))).GetProperty("stage").GetString().ShouldBe("compliance");

        // Compliance: two of five fail the third bid — the majority passes it.
        foreach (var (name, member) in members)
        {
            foreach (var bid in bids)
            {
                var fail = name is "expert3" or "expert4" && bid == bids[2];
                await OkAsync(member.PostJsonAsync(room + "/reviews", new
                {
                    stage = "compliance",
                    bidId = bid.Id,
                    pass = !fail,
                    ground = fail ? "招标文件第三章 3.2" : null,
                    reason = fail ? "工期响应不明确" : null
                }));
            }
        }

        view = await OkAsync(chair.PostJsonAsync(room + "/reviews/conclude", new { }));
        view.GetProperty("stage").GetString().ShouldBe("scoring");
        view.GetProperty("bids").EnumerateArray().ShouldAllBe(b => b.GetProperty("rejectedAt").ValueKind == JsonValueKind.Null);
        (await app.LedgerTypesAsync($"lot:{code}")).ShouldContain("trading.evaluation.concluded");

        // A price correction is proposed to the first bid's bidder; it binds only once confirmed.
        var corrected = bids[0].Price + 1000m;
        view = await OkAsync(chair.PostJsonAsync(room + "/corrections", new
        {
            bidId = bids[0].Id,
            sheetTotal = bids[0].Price,
            lines = new[] { new { name = "景观绿化工程", quantity = 1m, unitPrice = corrected, statedTotal = bids[0].Price } },
        }));
        var correction = view.GetProperty("corrections").EnumerateArray().ShouldHaveSingleItem();
        correction.GetProperty("state").GetString().ShouldBe("proposed");
        view.GetProperty("bids").EnumerateArray().First(b => b.GetProperty("bidId").GetString() == bids[0].Id).GetProperty("bindingPrice").ValueKind.ShouldBe(JsonValueKind.Null);

        // Independent scoring: drafts and submitted sheets of the others stay hidden until one's own are submitted.
        var points = new Dictionary<string, Dictionary<string, Dictionary<string, decimal>>>();
        foreach (var name in members.Keys)
        {
            points[name] = bids.ToDictionary(b => b.Id, b => new Dictionary<string, decimal> { ["T1"] = 24, ["T2"] = 15, ["B1"] = 15 });
        }

        points["expert2"][bids[0].Id]["T1"] = 25;
        points["expert4"][bids[1].Id]["T1"] = 10; // 畸低: 14 below the others' mean, over 20 % of 30
        points["expert3"][bids[2].Id]["T2"] = 10; // objective mismatch
        foreach (var (name, member) in members)
        {
            foreach (var bid in bids)
            {
                await OkAsync(member.PutAsJsonAsync(room + "/scores", new { bidId = bid.Id, points = points[name][bid.Id] }, Ct));
            }
        }

        await OkAsync(members["expert2"].PostJsonAsync(room + "/scores/submit", new { }));
        var before = await OkAsync(chair.GetPathAsync(room));
        before.GetProperty("scores").EnumerateArray().ShouldAllBe(s => s.GetProperty("memberId").GetString() == ids["expert"]);
        await OkAsync(chair.PostJsonAsync(room + "/scores/submit", new { }));
        var after = await OkAsync(chair.GetPathAsync(room));
        after.GetProperty("scores").EnumerateArray().Select(s => s.GetProperty("memberId").GetString()).Distinct().Order().ShouldBe(new[] { ids["expert"], ids["expert2"] }.Order());
        await RefusedAsync(chair.PutAsJsonAsync(room + "/scores", new { bidId = bids[0].Id, points = points["expert"][bids[0].Id] }, Ct), HttpStatusCode.Conflict, "EVALUATION_SCORE");
        foreach (var name in new[] { "expert3", "expert4", "tenderer" })
        {
            await OkAsync(members[name].PostJsonAsync(room + "/scores/submit", new { }));
        }

        // The checks: the unconfirmed correction, the objective mismatch and the 畸低 score each block the report.
        view = await OkAsync(chair.GetPathAsync(room));
        var kinds = view.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("kind").GetString()).ToList();
        kinds.ShouldContain("CorrectionUnsettled");
        kinds.ShouldContain("ObjectiveMismatch");
        kinds.ShouldContain("Deviation");
        await RefusedAsync(chair.PostJsonAsync(room + "/report", new { }), HttpStatusCode.Conflict, "EVALUATION_FINDINGS");
        (!view.TryGetProperty("comparison", out var blocked) || blocked.ValueKind == JsonValueKind.Null).ShouldBeTrue();

        // The bidder confirms online: its corrected price binds.
        HttpClient? owner = null;
        foreach (var account in new[] { "bidder", "bidder2", "bidder3" })
        {
            var client = await app.SignInAsync(account);
            var mine = await client.GetPathAsync(room + "/bidder");
            if (mine.StatusCode == HttpStatusCode.OK && (await mine.JsonAsync()).GetProperty("corrections").GetArrayLength() == 1)
            {
                owner = client;
            }
        }

        owner.ShouldNotBeNull();
        var decided = await OkAsync(owner.PostJsonAsync($"{room}/bidder/corrections/{correction.GetProperty("id").GetString()}", new { confirm = true }));
        decided.GetProperty("corrections")[0].GetProperty("state").GetString().ShouldBe("confirmed");
        view = await OkAsync(chair.GetPathAsync(room));
        view.GetProperty("bids").EnumerateArray().First(b => b.GetProperty("bidId").GetString() == bids[0].Id).GetProperty("bindingPrice").GetDecimal().ShouldBe(corrected);
        view.GetProperty("findings").EnumerateArray().ShouldNotContain(f => f.GetProperty("kind").GetString() == "CorrectionUnsettled");

        // The member corrects its objective score; the chair justifies the 畸低 score (only that kind may be justified).
        await OkAsync(members["expert3"].PostJsonAsync(room + "/scores/revise", new { bidId = bids[2].Id, itemCode = "T2", points = 15m, reason = "复核工期响应表，应为 15 分" }));
        view = await OkAsync(chair.GetPathAsync(room));
        var deviation = view.GetProperty("findings").EnumerateArray().ShouldHaveSingleItem();
        deviation.GetProperty("kind").GetString().ShouldBe("Deviation");
        await RefusedAsync(chair.PostJsonAsync(room + "/justifications", new { findingKey = deviation.GetProperty("key").GetString(), text = "太短" }),
            HttpStatusCode.UnprocessableEntity, "EVALUATION_JUSTIFICATION");
        await OkAsync(chair.PostJsonAsync(room + "/justifications", new { findingKey = deviation.GetProperty("key").GetString(), text = "该评委指出施工组织设计缺少雨季施工措施，评标委员会认定评分有据。" }));

        // Nothing left to resolve: the members see the comparison — the 评标基准价 and each bid's price score (评标基准价/评标价)×30.
        view = await OkAsync(chair.GetPathAsync(room));
        var comparison = view.GetProperty("comparison");
        var rows = comparison.GetProperty("rows").EnumerateArray().ToList();
        rows.Count.ShouldBe(3);
        var benchmark = comparison.GetProperty("benchmark").GetDecimal();
        benchmark.ShouldBe(rows.Min(r => r.GetProperty("evaluatedPrice").GetDecimal()));
        foreach (var row in rows)
        {
            row.GetProperty("priceScore").GetDecimal().ShouldBe(benchmark / row.GetProperty("evaluatedPrice").GetDecimal() * 30m, 0.005m);
        }

        rows.Select(r => r.GetProperty("rank").GetInt32()).ShouldBe([1, 2, 3]);

        // The report: generated, its digest fixed; a dissent needs its reasons; the silent member is deemed to agree.
        view = await OkAsync(chair.PostJsonAsync(room + "/report", new { }));
        view.GetProperty("stage").GetString().ShouldBe("signing");
        var digest = view.GetProperty("report").GetProperty("digest").GetString()!;
        view.GetProperty("candidates").GetArrayLength().ShouldBe(3);
        await OkAsync(chair.PostJsonAsync(room + "/report/sign", new { agree = true }));
        await RefusedAsync(chair.PostJsonAsync(room + "/report/sign", new { agree = true }), HttpStatusCode.Conflict, "EVALUATION_SIGNATURE");
        await RefusedAsync(members["expert2"].PostJsonAsync(room + "/report/sign", new { agree = false }), HttpStatusCode.UnprocessableEntity, "EVALUATION_SIGNATURE");
        await OkAsync(members["expert2"].PostJsonAsync(room + "/report/sign", new { agree = false, reason = "第三名的施工组织设计评分偏高，本人不同意其排序。" }));
        await OkAsync(members["expert3"].PostJsonAsync(room + "/report/sign", new { agree = true }));
        await OkAsync(tenderer.PostJsonAsync(room + "/report/sign", new { agree = true }));
        await RefusedAsync(members["expert3"].PostJsonAsync(room + "/report/complete", new { }), HttpStatusCode.Forbidden, "EVALUATION_CHAIR_ONLY");
        view = await OkAsync(chair.PostJsonAsync(room + "/report/complete", new { }));
        view.GetProperty("stage").GetString().ShouldBe("closed");
        view.GetProperty("members").EnumerateArray().First(m => m.GetProperty("id").GetString() == ids["expert4"]).GetProperty("signature").GetString().ShouldBe("deemed");
        view.GetProperty("report").GetProperty("digest").GetString().ShouldBe(digest);

        // The pages show the same room to the same people.
        (await (await chair.GetPathAsync($"/Trading/Evaluation/{lotId}")).HtmlAsync()).ShouldContain("评标结束");
        (await (await app.SignInAsync("expert5")).GetPathAsync($"/Trading/Evaluation/{lotId}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await (await owner.GetPathAsync($"/Trading/Evaluation/Bidder/{lotId}")).HtmlAsync()).ShouldContain("投标人已确认修正后的报价");
        (await (await chair.GetPathAsync("/Trading/Evaluation")).HtmlAsync()).ShouldContain("本人为评标委员会成员");

        var download = await clerk.GetPathAsync(room + "/report");
        var signedBytes = await download.Content.ReadAsByteArrayAsync(Ct);
        var document = Encoding.UTF8.GetString(signedBytes);
        document.ShouldContain("视为同意");
        document.ShouldContain("第三名的施工组织设计评分偏高");
        document.ShouldContain(digest);

        // The justification is shown by what it concerns, in Chinese — never by its internal key.
        document.ShouldNotContain("deviation:");
        document.ShouldContain("评分畸高畸低");
        document.ShouldContain("施工组织设计（T1）");
        document.ShouldContain("该评委指出施工组织设计缺少雨季施工措施");

        // The signed report carries the platform's signature over its exact bytes, checked with the published key.
        var sealedReport = view.GetProperty("report");
        var published = await (await (await app.SignInAsync("bidder")).GetPathAsync("/api/v1/trading/bids/receipt-key")).JsonAsync();
        var key = PublicKey.Parse(Encoding.ASCII.GetBytes(published.GetProperty("publicKeyPem").GetString()!));
        sealedReport.GetProperty("keyFingerprint").GetString().ShouldBe(key.Fingerprint);
        key.Verify(signedBytes, Convert.FromBase64String(sealedReport.GetProperty("platformSignature").GetString()!)).ShouldBeTrue();
        var roomPage = await (await chair.GetPathAsync($"/Trading/Evaluation/{lotId}")).HtmlAsync();
        roomPage.ShouldContain("report-platform-signature");
        roomPage.ShouldContain(key.Fingerprint);
        var types = await app.LedgerTypesAsync($"lot:{code}");
        foreach (var type in new[] { "trading.evaluation.opened", "trading.evaluation.chair-revote", "trading.evaluation.chair-elected", "trading.evaluation.read",
            "trading.evaluation.correction-confirmed", "trading.evaluation.score-revised", "trading.evaluation.finding-justified", "trading.evaluation.report-signed",
            "trading.evaluation.report-dissented", "trading.evaluation.report-deemed-agreed", "trading.evaluation.report-submitted", "trading.evaluation.report-read", "trading.lot.evaluated" })
        {
            types.ShouldContain(type);
        }
    }
}
