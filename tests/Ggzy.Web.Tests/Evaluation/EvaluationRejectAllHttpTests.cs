using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ggzy.Web.Tests.Identity;
using Shouldly;
using Xunit;

namespace Ggzy.Web.Tests.Evaluation;

/// <summary>
/// Fewer than three valid bids under 工程招标 (12号令 第二十七条; 1117号 (十三)): a rejection without its ground and the
/// missing argument on competition each block the report; the committee rejects all with its argument, signs, and the
/// lot fails (招标失败) with the statutory reason on the Ledger.
/// </summary>
public sealed class EvaluationRejectAllHttpTests(EvaluationRoomApp app) : IClassFixture<EvaluationRoomApp>
{
    private static readonly string[] TendererOnly = ["tenderer"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<JsonElement> OkAsync(Task<HttpResponseMessage> call)
    {
        var response = await call;
        var text = await response.HtmlAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, text);
        return JsonDocument.Parse(text).RootElement;
    }

    [Fact]
    public async Task FewValidBids_CommitteeRejectsAll_LotFails()
    {
        var clerk = await app.SignInAsync("clerk");
        var lots = await (await clerk.GetPathAsync("/api/v1/trading/lots")).JsonAsync();
        var lot = lots.EnumerateArray().First(l => l.GetProperty("projectName").GetString() == "安和市东湖公园景观提升工程" && l.GetProperty("lotName").GetString() == "景观绿化施工");
        var (lotId, code) = (lot.GetProperty("lotId").GetString()!, lot.GetProperty("lotTradeCode").GetString()!);
        var room = $"/api/v1/trading/lots/{lotId}/evaluation";
        await OkAsync((await app.SignInAsync("agency")).PutAsJsonAsync(room + "/criteria", new { criteriaJson = EvaluationRoomHttpTests.Criteria }, Ct));
        await OkAsync(clerk.PostJsonAsync(room + "/open", new { representatives = TendererOnly }));
        var members = new Dictionary<string, HttpClient>();
        foreach (var name in EvaluationRoomApp.Experts.Append("tenderer"))
        {
            members[name] = await app.SignInAsync(name);
        }

        await OkAsync(members["tenderer"].PostJsonAsync(room + "/sign-in", new { }));
        var view = await OkAsync(members["expert"].GetPathAsync(room));
        var chairId = view.GetProperty("members").EnumerateArray().First(m => m.GetProperty("userName").GetString() == "expert2").GetProperty("id").GetString();
        foreach (var member in members.Values)
        {
            view = await OkAsync(member.PostJsonAsync(room + "/votes", new { candidateId = chairId }));
        }

        var chair = members["expert2"];
        var bids = view.GetProperty("bids").EnumerateArray().Select(b => b.GetProperty("bidId").GetString()!).ToList();
        foreach (var stage in new[] { "qualification", "compliance" })
        {
            foreach (var (name, member) in members)
            {
                foreach (var bid in bids)
                {
                    var fail = stage == "compliance" && bid == bids[2] && name != "tenderer";
                    await OkAsync(member.PostJsonAsync(room + "/reviews", new { stage, bidId = bid, pass = !fail, reason = fail ? "未按招标文件要求提供工期承诺" : null }));
                }
            }

            view = await OkAsync(chair.PostJsonAsync(room + "/reviews/conclude", new { }));
        }

        view.GetProperty("bids").EnumerateArray().Count(b => b.GetProperty("rejectedAt").GetString() == "符合性审查").ShouldBe(1);
        foreach (var member in members.Values)
        {
            foreach (var bid in bids.Take(2))
            {
                await OkAsync(member.PutAsJsonAsync(room + "/scores", new { bidId = bid, points = new Dictionary<string, decimal> { ["T1"] = 20, ["T2"] = 10, ["B1"] = 12 } }, Ct));
            }

            await OkAsync(member.PostJsonAsync(room + "/scores/submit", new { }));
        }

        // Two findings block the report: the rejection has no ground, and the lack of competition is not argued.
        view = await OkAsync(chair.GetPathAsync(room));
        view.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("kind").GetString()).Order().ShouldBe(["CompetitionNotArgued", "RejectionWithoutReason"]);
        var blocked = await chair.PostJsonAsync(room + "/report", new { });
        blocked.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await blocked.JsonAsync()).GetProperty("code").GetString().ShouldBe("EVALUATION_FINDINGS");

        await OkAsync(chair.PostJsonAsync($"{room}/bids/{bids[2]}/rejection", new { ground = "招标文件第二章 投标人须知 3.1.2", reason = "未按招标文件要求提供工期承诺" }));
        var shortArgument = await chair.PostJsonAsync(room + "/competition", new { rejectAll = true, argument = "太少" });
        shortArgument.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await shortArgument.JsonAsync()).GetProperty("code").GetString().ShouldBe("EVALUATION_COMPETITION");
        await OkAsync(chair.PostJsonAsync(room + "/competition", new { rejectAll = true, argument = "有效投标只有两个且报价均接近最高投标限价，明显缺乏竞争，否决全部投标。" }));
        view = await OkAsync(chair.PostJsonAsync(room + "/report", new { }));
        view.GetProperty("report").GetProperty("allRejected").GetBoolean().ShouldBeTrue();
        foreach (var member in members.Values)
        {
            view = await OkAsync(member.PostJsonAsync(room + "/report/sign", new { agree = true }));
        }

        view.GetProperty("stage").GetString().ShouldBe("closed");
        view.GetProperty("stageLabel").GetString().ShouldBe("评标结束（否决全部投标）");
        var types = await app.LedgerTypesAsync($"lot:{code}");
        types.ShouldContain("trading.evaluation.competition-decided");
        types.ShouldContain("trading.lot.failed");
        types.ShouldNotContain("trading.lot.evaluated");
    }
}
