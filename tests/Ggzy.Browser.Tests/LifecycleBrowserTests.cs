using System.Globalization;
using Ggzy.Experts.Contracts;
using Ggzy.Sealing.Pki;
using Ggzy.Sealing.Archive;
using Ggzy.TestKit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Shouldly;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Ggzy.Browser.Tests;

/// <summary>
/// The demo whose 景观绿化施工 lot (东湖公园, 工程招标) has closed its opening with three bids, on a clock the test moves and
/// runs by hand: its drawn committee is four experts with accounts, signed in at two sites, and one representative of the
/// tenderer; lots are archived as soon as their procedure ends.
/// </summary>
public sealed class LifecycleBrowserApp : BrowserApp
{
    public static readonly string[] Experts = ["expert", "expert2", "expert3", "expert4"];

    public MovableClock Clock { get; } = new();

    /// <summary>One pass of the procedure clock, now (by the platform clock).</summary>
    public Task<int> RunProcedureClockAsync(CancellationToken ct) => ProcedureClockPass.RunAsync(Services, ct);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Trading:ProcedureClock:Enabled", "false");
        builder.UseSetting("Trading:Archive:BuildAfterMinutes", "0");
        builder.ConfigureTestServices(s =>
        {
            s.AddSingleton<TimeProvider>(Clock);
            s.AddScoped<ICommitteeSeats, SignedInSeats>();
        });
    }

    private sealed class SignedInSeats(TimeProvider clock) : ICommitteeSeats
    {
        private static readonly Guid Draw = Guid.Parse("0193a000-0000-7000-8000-00000000d4a1");

        public Task<LotCommittee?> OfLotAsync(Guid lotId, CancellationToken ct)
        {
            var at = clock.GetUtcNow().AddMinutes(-10);
            var seats = Experts.Select((name, i) => new CommitteeSeat(Guid.CreateVersion7(), Guid.CreateVersion7(), name, $"专家{(char)('A' + i)}", "A0801",
                "房屋建筑工程施工", i < 2 ? 0 : 1, at)).ToList();
            return Task.FromResult<LotCommittee?>(new LotCommittee(Draw, lotId, 5, 1,
                [new DrawSiteView(0, "安和市公共资源交易中心第一评标室", "安和市人民路 88 号"), new DrawSiteView(1, "东湖分中心远程评标室", "安和市东湖区湖滨路 6 号")], seats));
        }
    }
}

/// <summary>
/// The lifecycle after the opening in the browser (issue 8): the evaluation room — criteria, opening, sign-in, election,
/// reviews, a price correction by the priced lines confirmed online by its bidder, independent scores, a 畸低 score flagged
/// and justified before the report, the report signed — then the candidate publicity, the award, the contract signed by
/// both parties, the archive built by the procedure clock, its package downloaded by the tenderer and verified offline with
/// the code of <c>ggzy archive verify</c>, and found damaged once one byte is changed. And the failure paths: a committee
/// that rejects all bids (招标失败) and the re-tender, and a lot terminated with its 终止公告 on the portal.
/// </summary>
public sealed class LifecycleBrowserTests : IAsyncLifetime
{
    private const string ParkProject = "安和市东湖公园景观提升工程";

    private const string ComprehensiveCriteria = """
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

    private const string LowestPriceCriteria = """
        {
          "format": "ggzy.evaluation-criteria.v1", "revision": 1, "regime": "tender", "subject": "works", "method": "lowest-evaluated-price",
          "groups": [], "adjustments": [{ "code": "DAYS", "name": "工期偏差", "kind": "amount" }],
          "aggregation": "mean", "decimals": 2, "tieBreaks": ["lower-price"], "candidates": 3, "deviationThresholdPercent": 20
        }
        """;

    private readonly LifecycleBrowserApp _app = new();
    private readonly BrowserFixture _browser;
    private readonly List<IBrowserContext> _contexts = [];
    private readonly List<string> _errors = [];

    public LifecycleBrowserTests() => _browser = new BrowserFixture(_app);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => await _browser.InitializeAsync();

    public async ValueTask DisposeAsync()
    {
        foreach (var context in _contexts)
        {
            await context.DisposeAsync();
        }

        await _browser.DisposeAsync();
    }

    [Fact]
    public async Task Tender_Comprehensive_FromTheRoomToAVerifiedArchive()
    {
        var lotId = await EvaluationReportBox.LotIdAsync(_app.Services, ParkProject, "景观绿化施工");
        var roomUrl = $"/Trading/Evaluation/{lotId}";

        // The agency sets the documents' criteria; the center opens the room with the tenderer's representative.
        var agency = await SignedInAsync("agency");
        await agency.GotoAsync(roomUrl);
        await agency.Locator("#criteriaJson").FillAsync(ComprehensiveCriteria);
        await agency.GetByRole(AriaRole.Button, new() { Name = "保存评标办法" }).ClickAsync();
        await Expect(agency.GetByTestId("message")).ToHaveTextAsync("评标办法已保存。");
        await Expect(agency.GetByTestId("criteria-digest")).ToBeVisibleAsync();
        var clerk = await SignedInAsync("clerk");
        await clerk.GotoAsync(roomUrl);
        await clerk.Locator("#representatives").FillAsync("tenderer");
        await clerk.GetByRole(AriaRole.Button, new() { Name = "开启评标室" }).ClickAsync();
        await Expect(clerk.GetByTestId("stage-label")).ToHaveTextAsync("推选主任");
        await Expect(clerk.GetByTestId("bids")).ToHaveCountAsync(0);

        // The members: four drawn experts at two sites and the representative, who signs in at the room.
        var members = new Dictionary<string, IPage>();
        foreach (var name in LifecycleBrowserApp.Experts.Append("tenderer"))
        {
            members[name] = await SignedInAsync(name);
            await members[name].GotoAsync(roomUrl);
        }

        await Expect(members["tenderer"].GetByTestId("bids")).ToHaveCountAsync(0);
        await members["tenderer"].GetByTestId("sign-in-form").GetByRole(AriaRole.Button).ClickAsync();
        await Expect(members["tenderer"].GetByTestId("message")).ToHaveTextAsync("已签到。");
        await Expect(members["expert"].GetByTestId("members")).ToContainTextAsync("东湖分中心远程评标室");

        // Everyone elects 专家A.
        foreach (var page in members.Values)
        {
            await page.GotoAsync(roomUrl);
            await page.GetByTestId("members").Locator("tr", new() { HasText = "专家A" }).GetByRole(AriaRole.Button, new() { Name = "推选为主任" }).ClickAsync();
            await Expect(page.GetByTestId("message")).ToHaveTextAsync("已投票。");
        }

        var chair = members["expert"];
        await chair.ReloadAsync();
        await Expect(chair.GetByTestId("stage-label")).ToHaveTextAsync("资格审查");
        await Expect(chair.GetByTestId("members").Locator("tr", new() { HasText = "专家A" })).ToContainTextAsync("主任");
        var bids = await chair.GetByTestId("bids").Locator("tr[data-bid]").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.bid)");
        bids.Length.ShouldBe(3);

        // Qualification and compliance: every member passes every bid, the chair concludes each stage.
        foreach (var stage in new[] { "资格审查", "符合性审查" })
        {
            foreach (var page in members.Values)
            {
                await page.GotoAsync(roomUrl);
                for (var i = 0; i < bids.Length; i++)
                {
                    await page.GetByTestId("review-form").Nth(i).GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
                    await Expect(page.GetByTestId("message")).ToHaveTextAsync("审查意见已保存。");
                }
            }

            await chair.GotoAsync(roomUrl);
            await Expect(chair.GetByRole(AriaRole.Heading, new() { Name = stage })).ToBeVisibleAsync();
            await chair.GetByRole(AriaRole.Button, new() { Name = "结束本阶段（按少数服从多数作出结论）" }).ClickAsync();
            await Expect(chair.GetByTestId("message")).ToHaveTextAsync("本阶段审查已结束。");
        }

        await Expect(chair.GetByTestId("stage-label")).ToHaveTextAsync("详细评审");

        // A price correction by the priced lines (T35: the unit prices prevail); it binds once the bidder confirms it online.
        var row = chair.GetByTestId("bids").Locator($"tr[data-bid='{bids[0]}']");
        var readOut = decimal.Parse((await row.Locator("td.num").First.InnerTextAsync()).Replace(",", "", StringComparison.Ordinal), CultureInfo.InvariantCulture);
        var corrected = readOut + 1000m;
        await chair.Locator("details summary").ClickAsync();
        var correctionForm = chair.Locator("form", new() { Has = chair.GetByRole(AriaRole.Button, new() { Name = "提出报价修正" }) });
        await correctionForm.Locator("select[name=bidId]").SelectOptionAsync(bids[0]);
        await correctionForm.Locator("input[name=sheetTotal]").FillAsync(readOut.ToString(CultureInfo.InvariantCulture));
        await chair.GetByTestId("correction-lines").FillAsync(string.Create(CultureInfo.InvariantCulture, $"景观绿化工程, 1, {corrected}, {readOut}"));
        await correctionForm.GetByRole(AriaRole.Button, new() { Name = "提出报价修正" }).ClickAsync();
        await Expect(chair.GetByTestId("message")).ToHaveTextAsync("报价修正已发送投标人确认。");
        await Expect(row).ToContainTextAsync("待确认");
        var confirmed = false;
        foreach (var account in new[] { "bidder", "bidder2", "bidder3" })
        {
            var page = await SignedInAsync(account);
            await page.GotoAsync($"/Trading/Evaluation/Bidder/{lotId}");
            if (await page.GetByTestId("correction").CountAsync() == 1)
            {
                await page.GetByRole(AriaRole.Button, new() { Name = "确认修正后的报价" }).ClickAsync();
                await Expect(page.GetByTestId("correction")).ToHaveAttributeAsync("data-state", "confirmed");
                confirmed = true;
            }
        }

        confirmed.ShouldBeTrue();
        await chair.ReloadAsync();
        await Expect(row).ToContainTextAsync(corrected.ToString("#,##0.00", CultureInfo.InvariantCulture));

        // Independent scores: 专家D scores the second bid's 施工组织设计 far below the others (畸低).
        foreach (var (name, page) in members)
        {
            await page.GotoAsync(roomUrl);
            foreach (var bid in bids)
            {
                var form = page.Locator($"[data-testid=score-form][data-bid='{bid}']");
                await form.Locator("input[name='points[T1]']").FillAsync(name == "expert4" && bid == bids[1] ? "10" : "24");
                await form.Locator("input[name='points[T2]']").FillAsync("15");
                await form.Locator("input[name='points[B1]']").FillAsync(bid == bids[0] ? "18" : "15");
                await form.GetByRole(AriaRole.Button, new() { Name = "保存草稿" }).ClickAsync();
                await Expect(page.GetByTestId("message")).ToHaveTextAsync("评分草稿已保存（仅本人可见）。");
            }

            await Expect(page.GetByTestId("scores")).ToHaveCountAsync(0);
            await page.GetByTestId("submit-scores").ClickAsync();
            await Expect(page.GetByTestId("message")).ToHaveTextAsync("评分已提交。");
            await Expect(page.GetByTestId("scores")).ToBeVisibleAsync();
        }

        // The check before the report: the 畸低 score blocks it until the committee justifies it.
        await chair.GotoAsync(roomUrl);
        var deviation = chair.Locator("[data-testid=findings] li[data-kind=Deviation]");
        await Expect(deviation).ToContainTextAsync("畸");
        await chair.GetByTestId("generate-report").ClickAsync();
        await Expect(chair.Locator(".errors")).ToContainTextAsync("评标报告生成前的检查发现以下问题");
        await chair.GotoAsync(roomUrl);
        await deviation.Locator("input[name=text]").FillAsync("该评委指出施工组织设计缺少雨季施工措施，评标委员会认定评分有据。");
        await deviation.GetByRole(AriaRole.Button, new() { Name = "认定" }).ClickAsync();
        await Expect(chair.GetByTestId("message")).ToHaveTextAsync("认定理由已记录。");
        await Expect(deviation).ToContainTextAsync("已认定");
        await chair.GetByTestId("generate-report").ClickAsync();
        await Expect(chair.GetByTestId("stage-label")).ToHaveTextAsync("签署评标报告");
        await Expect(chair.GetByTestId("report-digest")).ToBeVisibleAsync();
        await Expect(chair.GetByTestId("candidates").Locator("li")).ToHaveCountAsync(3);

        // Every member signs; the last signature completes the report and the lot is 评标结束.
        foreach (var page in members.Values)
        {
            await page.GotoAsync(roomUrl);
            await page.GetByTestId("sign-form").GetByRole(AriaRole.Button).ClickAsync();
            await Expect(page.GetByTestId("message")).ToHaveTextAsync("已签署评标报告。");
        }

        await chair.ReloadAsync();
        await Expect(chair.GetByTestId("stage-label")).ToHaveTextAsync("评标结束");
        await chair.ScreenshotAsync(new() { Path = Pages.ScreenshotPath("lifecycle-room-closed"), FullPage = true });

        // The candidate publicity: published from the lot page's 定标与合同, for at least 3 days (实施条例 第五十四条).
        await agency.GotoAsync($"/Trading/Lots/Details/{lotId}");
        await agency.GetByTestId("award-link").ClickAsync();
        await agency.GetByTestId("publish-publicity").ClickAsync();
        await Expect(agency.GetByTestId("award-state")).ToContainTextAsync("中标候选人公示中");
        await Expect(agency.GetByTestId("publicity-period")).ToBeVisibleAsync();
        var awardUrl = agency.Url;

        // After the publicity the agency awards the first candidate; the award notice is issued.
        _app.Clock.Ahead += TimeSpan.FromDays(8);
        await _app.RunProcedureClockAsync(Ct);
        agency = await SignedInAsync("agency");
        await agency.GotoAsync(awardUrl);
        await agency.GetByTestId("decide").ClickAsync();
        await Expect(agency.GetByTestId("award-state")).ToContainTextAsync("已定标");
        await Expect(agency.GetByTestId("award-notice")).ToBeVisibleAsync();

        // The contract: drafted by the agency, signed by the tenderer and by the winner.
        await agency.Locator("#Terms").FillAsync("标的：景观绿化施工；工期 180 日历天；按进度付款；质量合格。");
        await agency.GetByRole(AriaRole.Button, new() { Name = "保存合同" }).ClickAsync();
        await Expect(agency.GetByTestId("contract")).ToContainTextAsync("工期 180 日历天");
        foreach (var party in new[] { "tenderer", "bidder", "bidder2", "bidder3" })
        {
            var page = await SignedInAsync(party);
            await page.GotoAsync(awardUrl);
            if (await page.GetByTestId("sign-form").CountAsync() == 1)
            {
                await page.GetByTestId("sign-form").GetByRole(AriaRole.Button, new() { Name = "签署合同" }).ClickAsync();
                await Expect(page.GetByTestId("sign-form")).ToHaveCountAsync(0);
            }
        }

        await agency.ReloadAsync();
        await Expect(agency.GetByTestId("award-state")).ToContainTextAsync("合同已签订");

        // The procedure clock archives the closed lot; the tenderer downloads the package free and verifies it offline.
        await _app.RunProcedureClockAsync(Ct);
        var tenderer = await SignedInAsync("tenderer");
        await tenderer.GotoAsync($"/Trading/Archive/{lotId}");
        await Expect(tenderer.GetByTestId("archive-outcome")).ToBeVisibleAsync();
        await Expect(tenderer.GetByTestId("archive-entries")).ToContainTextAsync("评标报告");
        await Expect(tenderer.GetByTestId("archive-entries")).ToContainTextAsync("合同");
        var keyPem = await tenderer.GetByTestId("platform-key").InnerTextAsync();
        var download = await tenderer.RunAndWaitForDownloadAsync(() => tenderer.GetByTestId("archive-download").ClickAsync());
        await using var stream = await download.CreateReadStreamAsync();
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy, Ct);
        var package = copy.ToArray();
        var key = PublicKey.Parse(System.Text.Encoding.ASCII.GetBytes(keyPem));

        var intact = ArchiveVerifier.Verify(new MemoryStream(package), download.SuggestedFilename, key);
        intact.IsIntact.ShouldBeTrue(string.Join(" | ", intact.Faults.Select(f => f.Message)));
        intact.Manifest!.Entries.ShouldContain(e => e.Kind == "evaluation-report");
        intact.Manifest.Entries.ShouldContain(e => e.Kind == "contract");

        package[package.Length / 3] ^= 0x01;
        var damaged = ArchiveVerifier.Verify(new MemoryStream(package), download.SuggestedFilename, key);
        damaged.IsIntact.ShouldBeFalse();
        damaged.Faults.ShouldNotBeEmpty();
        _errors.ShouldBeEmpty();
    }

    [Fact]
    public async Task Tender_LowestPrice_AllRejected_Retender_AndATerminationNotice()
    {
        var lotId = await EvaluationReportBox.LotIdAsync(_app.Services, ParkProject, "景观绿化施工");
        var roomUrl = $"/Trading/Evaluation/{lotId}";
        var agency = await SignedInAsync("agency");
        await agency.GotoAsync(roomUrl);
        await agency.Locator("#criteriaJson").FillAsync(LowestPriceCriteria);
        await agency.GetByRole(AriaRole.Button, new() { Name = "保存评标办法" }).ClickAsync();
        await Expect(agency.GetByTestId("message")).ToHaveTextAsync("评标办法已保存。");
        await agency.Locator("#representatives").FillAsync("tenderer");
        await agency.GetByRole(AriaRole.Button, new() { Name = "开启评标室" }).ClickAsync();
        await Expect(agency.GetByTestId("stage-label")).ToHaveTextAsync("推选主任");

        var members = new Dictionary<string, IPage>();
        foreach (var name in LifecycleBrowserApp.Experts.Append("tenderer"))
        {
            members[name] = await SignedInAsync(name);
            await members[name].GotoAsync(roomUrl);
        }

        await members["tenderer"].GetByTestId("sign-in-form").GetByRole(AriaRole.Button).ClickAsync();
        foreach (var page in members.Values)
        {
            await page.GotoAsync(roomUrl);
            await page.GetByTestId("members").Locator("tr", new() { HasText = "专家B" }).GetByRole(AriaRole.Button, new() { Name = "推选为主任" }).ClickAsync();
            await Expect(page.GetByTestId("message")).ToHaveTextAsync("已投票。");
        }

        // Qualification passes all; in compliance the experts fail two of the three bids, with ground and reason.
        var chair = members["expert2"];
        foreach (var stage in new[] { "qualification", "compliance" })
        {
            foreach (var (name, page) in members)
            {
                await page.GotoAsync(roomUrl);
                for (var i = 0; i < 3; i++)
                {
                    var form = page.GetByTestId("review-form").Nth(i);
                    if (stage == "compliance" && i > 0 && name != "tenderer")
                    {
                        await form.Locator("input[name=pass][value=false]").CheckAsync();
                        await form.Locator("input[name=ground]").FillAsync("招标文件第二章 投标人须知 3.1.2");
                        await form.Locator("input[name=reason]").FillAsync("未按招标文件要求提供工期承诺");
                    }

                    await form.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
                    await Expect(page.GetByTestId("message")).ToHaveTextAsync("审查意见已保存。");
                }
            }

            await chair.GotoAsync(roomUrl);
            await chair.GetByRole(AriaRole.Button, new() { Name = "结束本阶段（按少数服从多数作出结论）" }).ClickAsync();
            await Expect(chair.GetByTestId("message")).ToHaveTextAsync("本阶段审查已结束。");
        }

        await Expect(chair.GetByTestId("stage-label")).ToHaveTextAsync("详细评审");
        await Expect(chair.GetByTestId("bids").Locator("tr[data-bid]", new() { HasText = "未按招标文件要求提供工期承诺" })).ToHaveCountAsync(2);

        // The chair enters the documents' price adjustment for the remaining bid (经评审的最低投标价法).
        await chair.Locator("details summary").ClickAsync();
        await chair.GetByLabel("调整值").FillAsync("20000");
        await chair.GetByLabel("调整理由").FillAsync("工期比招标文件要求长 2 日，每日加价 1 万元");
        await chair.GetByRole(AriaRole.Button, new() { Name = "记录评标价格调整" }).ClickAsync();
        await Expect(chair.GetByTestId("message")).ToHaveTextAsync("评标价格调整已记录。");
        await Expect(chair.GetByTestId("adjustments")).ToContainTextAsync("工期偏差 20000 元");

        // One valid bid: the lack of competition must be argued before the report; the committee rejects all.
        await Expect(chair.Locator("[data-testid=findings] li[data-kind=CompetitionNotArgued]")).ToBeVisibleAsync();
        await chair.GetByTestId("generate-report").ClickAsync();
        await Expect(chair.Locator(".errors")).ToContainTextAsync("评标报告生成前的检查发现以下问题");
        await chair.GotoAsync(roomUrl);
        await chair.Locator("details summary").ClickAsync();
        await chair.Locator("input[name=rejectAll]").CheckAsync();
        await chair.Locator("input[name=argument]").FillAsync("有效投标只有一个，明显缺乏竞争，评标委员会否决全部投标。");
        await chair.GetByRole(AriaRole.Button, new() { Name = "记录论证" }).ClickAsync();
        await Expect(chair.GetByTestId("message")).ToHaveTextAsync("论证和结论已记录。");
        await Expect(chair.GetByTestId("no-findings")).ToBeVisibleAsync();
        await chair.GetByTestId("generate-report").ClickAsync();
        await Expect(chair.GetByTestId("stage-label")).ToHaveTextAsync("签署评标报告");
        foreach (var page in members.Values)
        {
            await page.GotoAsync(roomUrl);
            await page.GetByTestId("sign-form").GetByRole(AriaRole.Button).ClickAsync();
            await Expect(page.GetByTestId("message")).ToHaveTextAsync("已签署评标报告。");
        }

        await chair.ReloadAsync();
        await Expect(chair.GetByTestId("stage-label")).ToHaveTextAsync("评标结束（否决全部投标）");

        // The lot failed (招标失败); the agency re-tenders it from the lot page.
        var lotUrl = $"/Trading/Lots/Details/{lotId}";
        await agency.GotoAsync(lotUrl);
        await Expect(agency.GetByTestId("lot-state")).ToContainTextAsync("招标失败");
        await agency.GetByTestId("retender").ClickAsync();
        await agency.GotoAsync(lotUrl);
        await Expect(agency.GetByTestId("retendered-as")).ToContainTextAsync("景观绿化施工");

        // The failed lot's archive states the committee's reason.
        await _app.RunProcedureClockAsync(Ct);
        var tenderer = await SignedInAsync("tenderer");
        await tenderer.GotoAsync($"/Trading/Archive/{lotId}");
        await Expect(tenderer.GetByTestId("archive-reason")).ToContainTextAsync("明显缺乏竞争");

        // Termination: the agency terminates the project's other lot with its reason; the 终止公告 is on the portal.
        var other = await EvaluationReportBox.LotIdAsync(_app.Services, ParkProject, "照明及给排水施工");
        await agency.GotoAsync($"/Trading/Lots/Details/{other}");
        await agency.GetByLabel("终止的法定情形").SelectOptionAsync(new SelectOptionValue { Value = "other" });
        await agency.GetByLabel("原因（将记入程序记录").FillAsync("项目规划调整，照明及给排水工程并入市政改造项目，终止本次招标。");
        await agency.GetByRole(AriaRole.Button, new() { Name = "终止招标" }).ClickAsync();
        await Expect(agency.GetByTestId("lot-state")).ToContainTextAsync("已终止");
        var visitor = await (await NewContextAsync()).NewPageAsync();
        await visitor.GotoAsync("/Portal/Announcements");
        await visitor.GetByLabel("公告类型").SelectOptionAsync(new SelectOptionValue { Label = "终止公告" });
        await visitor.Locator("[data-testid=portal-search]").ClickAsync();
        var title = ParkProject + "照明及给排水施工终止公告";
        await visitor.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        await Expect(visitor.Locator("[data-testid=announcement-title]")).ToHaveTextAsync(title);
        await Expect(visitor.Locator("body")).ToContainTextAsync("项目规划调整");
        await Expect(visitor.Locator("body")).ToContainTextAsync("其他应当终止交易的情形");
        _errors.ShouldBeEmpty();
    }

    private async Task<IBrowserContext> NewContextAsync()
    {
        var context = await _browser.NewContextAsync();
        _contexts.Add(context);
        return context;
    }

    private async Task<IPage> SignedInAsync(string userName)
    {
        var page = await (await NewContextAsync()).NewPageAsync();
        page.PageError += (_, e) => _errors.Add(e);
        await Pages.SignInAsync(page, userName);
        return page;
    }
}
