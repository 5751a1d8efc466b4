using System.Globalization;
using System.Net;
using System.Text.Json;
using Ggzy.Platform.Time;
using Ggzy.TestKit;
using Ggzy.Web.Tests.Identity;
using Shouldly;
using Xunit;

namespace Ggzy.Web.Tests.Opening;

/// <summary>
/// Recordings of the opening (87号令 第三十九条, docs/bid-opening.md §9): the center's staff register where the
/// recording system keeps the file and its SM3 digest, through the API and the hall page; the staff and the authorities
/// see them in the hall and the lot's opening API, nobody else does; bad input is refused with a stable code and a
/// Chinese reason and stores nothing; the published opening record is left as it was.
/// </summary>
public sealed class OpeningRecordingHttpTests(GgzyApp app) : IClassFixture<GgzyApp>
{
    private const string ParkProject = "安和市东湖公园景观提升工程";
    private const string DecryptingLot = "照明及给排水施工";
    private const string ClosedLot = "景观绿化施工";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<(string Id, string Code)> LotAsync(HttpClient client, string project, string lotName)
    {
        var lots = await (await client.GetPathAsync("/api/v1/trading/lots")).JsonAsync();
        var lot = lots.EnumerateArray().First(l => l.GetProperty("projectName").GetString() == project && l.GetProperty("lotName").GetString() == lotName);
        return (lot.GetProperty("lotId").GetString()!, lot.GetProperty("lotTradeCode").GetString()!);
    }

    private static async Task<JsonElement> HallAsync(HttpClient client, string lotId)
    {
        var response = await client.GetPathAsync($"/api/v1/trading/lots/{lotId}/opening");
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.HtmlAsync());
        return await response.JsonAsync();
    }

    private static string Digest(char fill, int n) => new string(fill, 63) + n.ToString("x", CultureInfo.InvariantCulture);

    [Fact]
    public async Task Clerk_RegistersARecording_TheStaffAndTheAuthoritiesSeeIt_NobodyElse()
    {
        var clerk = await app.SignInAsync("clerk");
        var (lotId, code) = await LotAsync(clerk, ParkProject, DecryptingLot);
        var hall = await HallAsync(clerk, lotId);
        var deadline = hall.GetProperty("deadline").GetDateTimeOffset();
        var now = TimeProvider.System.GetUtcNow();
        var digest = Digest('A', 1);
        var lower = digest.ToLowerInvariant();

        var registered = await clerk.PostJsonAsync($"/api/v1/trading/lots/{lotId}/opening/recordings", new
        {
            locator = "rec://anhe-ggzy/kaibiao-1/" + code + ".mp4",
            digest,
            startedAt = deadline.AddMinutes(-3),
            endedAt = now.AddSeconds(-5),
            note = "第一开标室",
        });
        var text = await registered.HtmlAsync();
        registered.StatusCode.ShouldBe(HttpStatusCode.OK, text);
        var view = JsonDocument.Parse(text).RootElement;
        view.GetProperty("digest").GetString().ShouldBe(lower);
        view.GetProperty("registeredBy").GetString().ShouldBe("clerk");
        (await app.LedgerTypesAsync($"lot:{code}")).ShouldContain("trading.opening.recording-registered");

        foreach (var user in new[] { "clerk", "admin", "regulator", "supervisor.housing" })
        {
            var client = await app.SignInAsync(user);
            var recordings = (await HallAsync(client, lotId)).GetProperty("recordings");
            recordings.EnumerateArray().ShouldContain(r => r.GetProperty("digest").GetString() == lower, user);
            var list = await client.GetPathAsync($"/api/v1/trading/lots/{lotId}/opening/recordings");
            list.StatusCode.ShouldBe(HttpStatusCode.OK, user);
            (await list.JsonAsync()).EnumerateArray().ShouldContain(r => r.GetProperty("locator").GetString()!.EndsWith(code + ".mp4", StringComparison.Ordinal), user);
            (await (await client.GetPathAsync($"/Trading/Opening/Hall/{lotId}")).HtmlAsync()).ShouldContain(lower, Case.Sensitive, user);
        }

        foreach (var user in new[] { "agency", "tenderer", "bidder", "observer" })
        {
            var client = await app.SignInAsync(user);
            (await HallAsync(client, lotId)).GetProperty("recordings").ValueKind.ShouldBe(JsonValueKind.Null, user);
            var list = await client.GetPathAsync($"/api/v1/trading/lots/{lotId}/opening/recordings");
            list.StatusCode.ShouldBe(HttpStatusCode.Forbidden, user);
            var page = await (await client.GetPathAsync($"/Trading/Opening/Hall/{lotId}")).HtmlAsync();
            page.ShouldNotContain(lower, Case.Sensitive, user);
            page.ShouldNotContain("recording-form", Case.Sensitive, user);
            var post = await client.PostJsonAsync($"/api/v1/trading/lots/{lotId}/opening/recordings",
                new { locator = "rec://x", digest = Digest('b', 2), startedAt = deadline, endedAt = now.AddSeconds(-1) });
            post.StatusCode.ShouldBe(HttpStatusCode.Forbidden, user);
        }

        var again = await clerk.PostJsonAsync($"/api/v1/trading/lots/{lotId}/opening/recordings",
            new { locator = "rec://elsewhere", digest = lower, startedAt = deadline, endedAt = now.AddSeconds(-1) });
        again.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await again.JsonAsync()).GetProperty("code").GetString().ShouldBe("OPEN_RECORDING_DUPLICATE");
    }

    [Fact]
    public async Task BadRecordings_AreRefused_WithACodeAndAChineseReason_AndStoreNothing()
    {
        var clerk = await app.SignInAsync("clerk");
        var (lotId, code) = await LotAsync(clerk, ParkProject, DecryptingLot);
        var deadline = (await HallAsync(clerk, lotId)).GetProperty("deadline").GetDateTimeOffset();
        var now = TimeProvider.System.GetUtcNow();
        var ledger = (await app.LedgerTypesAsync($"lot:{code}")).Count;
        var stored = (await HallAsync(clerk, lotId)).GetProperty("recordings").GetArrayLength();

        var cases = new (object Body, string Code, string Says)[]
        {
            (new { locator = "rec://a", digest = "xyz", startedAt = deadline, endedAt = now.AddSeconds(-1) }, "OPEN_RECORDING_DIGEST", "64 位十六进制"),
            (new { locator = "rec://a", digest = Digest('c', 3) + "0", startedAt = deadline, endedAt = now.AddSeconds(-1) }, "OPEN_RECORDING_DIGEST", "SM3"),
            (new { locator = "", digest = Digest('c', 3), startedAt = deadline, endedAt = now.AddSeconds(-1) }, "OPEN_RECORDING", "文件的位置"),
            (new { locator = "rec://a\nb", digest = Digest('c', 3), startedAt = deadline, endedAt = now.AddSeconds(-1) }, "OPEN_RECORDING", "控制字符"),
            (new { locator = "rec://a", digest = Digest('c', 3), startedAt = (DateTimeOffset?)null, endedAt = now.AddSeconds(-1) }, "OPEN_RECORDING_TIME", "开始时间和结束时间"),
            (new { locator = "rec://a", digest = Digest('c', 3), startedAt = now.AddMinutes(-1), endedAt = now.AddMinutes(-2) }, "OPEN_RECORDING_TIME", "晚于开始时间"),
            (new { locator = "rec://a", digest = Digest('c', 3), startedAt = deadline, endedAt = now.AddHours(1) }, "OPEN_RECORDING_TIME", "录制结束后登记"),
            (new { locator = "rec://a", digest = Digest('c', 3), startedAt = deadline.AddHours(-2), endedAt = deadline.AddMinutes(-1) }, "OPEN_RECORDING_TIME", "覆盖开标"),
            (new { locator = "rec://a", digest = Digest('c', 3), startedAt = deadline.AddHours(-25), endedAt = now.AddSeconds(-1) }, "OPEN_RECORDING_TIME", "24 小时"),
            (new { locator = "rec://a", digest = Digest('c', 3), startedAt = deadline, endedAt = now.AddSeconds(-1), note = new string('注', 501) }, "OPEN_RECORDING", "500 字"),
        };
        foreach (var (body, expected, says) in cases)
        {
            var response = await clerk.PostJsonAsync($"/api/v1/trading/lots/{lotId}/opening/recordings", body);
            response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity, expected + " " + says);
            var problem = await response.JsonAsync();
            problem.GetProperty("code").GetString().ShouldBe(expected, says);
            problem.GetProperty("detail").GetString()!.ShouldContain(says, Case.Sensitive, expected);
        }

        // Before the deadline a lot has no opening, so nothing can be registered for it.
        var school = (await (await clerk.GetPathAsync("/api/v1/trading/lots")).JsonAsync()).EnumerateArray()
            .First(l => l.GetProperty("projectName").GetString() == "安和市第三中学教学楼建设工程").GetProperty("lotId").GetString();
        var early = await clerk.PostJsonAsync($"/api/v1/trading/lots/{school}/opening/recordings",
            new { locator = "rec://a", digest = Digest('d', 4), startedAt = now.AddMinutes(-10), endedAt = now.AddMinutes(-1) });
        early.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await early.JsonAsync()).GetProperty("code").GetString().ShouldBe("OPEN_NOT_YET");

        (await HallAsync(clerk, lotId)).GetProperty("recordings").GetArrayLength().ShouldBe(stored);
        (await app.LedgerTypesAsync($"lot:{code}")).Count.ShouldBe(ledger);
    }

    [Fact]
    public async Task Clerk_RegistersOnTheHallPage_AndThePublishedRecordStaysAsItWas()
    {
        var clerk = await app.SignInAsync("clerk");
        var (closed, _) = await LotAsync(clerk, ParkProject, ClosedLot);
        var anonymous = app.CreateAnonymousClient();
        var published = (await (await anonymous.GetPathAsync($"/api/v1/trading/openings/published/{closed}")).JsonAsync()).GetRawText();
        var demo = (await HallAsync(clerk, closed)).GetProperty("recordings").EnumerateArray().ShouldHaveSingleItem();
        demo.GetProperty("note").GetString()!.ShouldContain("演示");

        var hall = $"/Trading/Opening/Hall/{closed}";
        (await (await clerk.GetPathAsync(hall)).HtmlAsync()).ShouldContain("data-testid=\"recording-form\"");
        var deadline = (await HallAsync(clerk, closed)).GetProperty("deadline").GetDateTimeOffset().ToOffset(ChinaTime.Offset);
        string Local(DateTimeOffset t) => t.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture);
        var digest = Digest('e', 5);

        var refused = await clerk.PostFormAsync(hall, hall + "?handler=Recording", new Dictionary<string, string>
        {
            ["Recording.Locator"] = "rec://anhe-ggzy/kaibiao-2/backup.mp4",
            ["Recording.Digest"] = "12",
            ["Recording.StartedAt"] = Local(deadline.AddMinutes(-5)),
            ["Recording.EndedAt"] = Local(deadline.AddMinutes(80)),
        });
        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await refused.HtmlAsync()).ShouldContain("64 位十六进制");

        var saved = await clerk.PostFormAsync(hall, hall + "?handler=Recording", new Dictionary<string, string>
        {
            ["Recording.Locator"] = "rec://anhe-ggzy/kaibiao-2/backup.mp4",
            ["Recording.Digest"] = digest,
            ["Recording.StartedAt"] = Local(deadline.AddMinutes(-5)),
            ["Recording.EndedAt"] = Local(deadline.AddMinutes(80)),
            ["Recording.Note"] = "备用机位",
        });
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect, await saved.HtmlAsync());
        var page = await (await clerk.GetPathAsync(hall)).HtmlAsync();
        page.ShouldContain("开标录音录像已登记");
        page.ShouldContain(digest);
        var recordings = (await HallAsync(clerk, closed)).GetProperty("recordings").EnumerateArray().ToList();
        recordings.Count.ShouldBe(2);
        var added = recordings.Single(r => r.GetProperty("digest").GetString() == digest);
        added.GetProperty("startedAt").GetDateTimeOffset().ShouldBe(deadline.AddMinutes(-5));
        added.GetProperty("endedAt").GetDateTimeOffset().ShouldBe(deadline.AddMinutes(80));

        (await (await anonymous.GetPathAsync($"/api/v1/trading/openings/published/{closed}")).JsonAsync()).GetRawText().ShouldBe(published);
    }
}
