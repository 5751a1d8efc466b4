using System.Globalization;
using Ggzy.Platform.Calendar;
using Ggzy.Sealing.Archive;
using Ggzy.Sealing.Pki;
using Ggzy.TestKit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Shouldly;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Ggzy.Browser.Tests;

/// <summary>One host and browser for the 政府采购 lifecycle tests: the demo on a clock the tests move (<see cref="LifecycleBrowserApp"/>).</summary>
public sealed class ProcurementLifecycleFixture : IAsyncLifetime
{
    public ProcurementLifecycleFixture() => Browser = new BrowserFixture(App);

    public LifecycleBrowserApp App { get; } = new();

    public BrowserFixture Browser { get; }

    public async ValueTask InitializeAsync() => await Browser.InitializeAsync();

    public async ValueTask DisposeAsync() => await Browser.DisposeAsync();
}

/// <summary>
/// The 政府采购 lifecycle after the opening in the browser (issue 8), on the demo's goods lots opened yesterday (安和市第三中学
/// 教学设备采购项目), each with a committee of four experts with accounts and the purchaser's representative:
/// 综合评分法 — the price-weight floor of goods refused, sign-in, reviews, independent scores, the price score
/// (评标基准价/投标报价)×30 computed and shown, the mean of every member (nothing dropped), the report signed, the award with its
/// result notice within 2 working days and its 1-working-day period around a rest day, the losers told their own score and
/// rank only, a 质疑 that holds the contract's signing until it is answered, the contract signed by both parties and published,
/// the archive built, downloaded and verified offline, and found damaged once one byte is changed; 最低评标价法 — the policy
/// price deduction (价格扣除) entered in the room changes the ranking, the award and the contract.
/// </summary>
public sealed class ProcurementLifecycleBrowserTests(ProcurementLifecycleFixture fixture) : IClassFixture<ProcurementLifecycleFixture>, IAsyncLifetime
{
    private const string PurchaseProject = "安和市第三中学教学设备采购项目";
    private const string Hongyuan = "安和宏远建筑工程有限公司";
    private const string Hengtai = "安和恒泰建设集团有限公司";
    private const string Dingsheng = "安和鼎盛建设有限公司";

    private const string ComprehensiveCriteria = """
        {
          "format": "ggzy.evaluation-criteria.v1", "revision": 1, "regime": "procurement", "subject": "goods", "method": "comprehensive",
          "groups": [
            { "code": "P", "name": "价格", "weight": 30, "items": [{ "code": "P1", "name": "投标报价", "kind": "price", "maxPoints": 30 }] },
            { "code": "T", "name": "技术", "weight": 50, "items": [
                { "code": "T1", "name": "技术方案", "kind": "subjective", "maxPoints": 30, "step": 0.5 },
                { "code": "T2", "name": "参数响应", "kind": "objective", "maxPoints": 20, "levels": [0, 5, 10, 15, 20] }] },
            { "code": "B", "name": "商务", "weight": 20, "items": [
                { "code": "B1", "name": "业绩", "kind": "objective", "maxPoints": 10, "levels": [0, 2, 4, 6, 8, 10] },
                { "code": "B2", "name": "售后服务", "kind": "subjective", "maxPoints": 10, "step": 0.5 }] }
          ],
          "adjustments": [], "aggregation": "mean", "decimals": 2, "tieBreaks": ["lower-price"], "technicalGroup": "T", "candidates": 3,
          "deviationThresholdPercent": 20
        }
        """;

    private const string LowestPriceCriteria = """
        {
          "format": "ggzy.evaluation-criteria.v1", "revision": 1, "regime": "procurement", "subject": "goods", "method": "lowest-evaluated-price",
          "groups": [], "adjustments": [{ "code": "SME", "name": "小微企业价格扣除", "kind": "percent-of-price", "policyDeduction": true }],
          "aggregation": "mean", "decimals": 2, "tieBreaks": ["lower-price"], "candidates": 3, "deviationThresholdPercent": 20
        }
        """;

    private readonly List<IBrowserContext> _contexts = [];
    private readonly List<string> _errors = [];

    private LifecycleBrowserApp App => fixture.App;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        foreach (var context in _contexts)
        {
            await context.DisposeAsync();
        }
    }

    [Fact]
    public async Task Procurement_Comprehensive_PriceScore_ResultNotice_Challenge_Contract_VerifiedArchive()
    {
        var lotId = await EvaluationReportBox.LotIdAsync(App.Services, PurchaseProject, "图书馆家具");
        var roomUrl = $"/Trading/Evaluation/{lotId}";

        // The agency sets the documents' 综合评分法: a price weight of 20 % for goods is refused (≥ 30 %, 87号令 第五十五条).
        var agency = await SignedInAsync("agency");
        await agency.GotoAsync(roomUrl);
        var lowPriceWeight = ComprehensiveCriteria
            .Replace("\"weight\": 30, \"items\": [{ \"code\": \"P1\", \"name\": \"投标报价\", \"kind\": \"price\", \"maxPoints\": 30 }]",
                "\"weight\": 20, \"items\": [{ \"code\": \"P1\", \"name\": \"投标报价\", \"kind\": \"price\", \"maxPoints\": 20 }]", StringComparison.Ordinal)
            .Replace("\"weight\": 50", "\"weight\": 60", StringComparison.Ordinal)
            .Replace("\"kind\": \"subjective\", \"maxPoints\": 30", "\"kind\": \"subjective\", \"maxPoints\": 40", StringComparison.Ordinal);
        lowPriceWeight.ShouldNotBe(ComprehensiveCriteria);
        await agency.Locator("#criteriaJson").FillAsync(lowPriceWeight);
        await agency.GetByRole(AriaRole.Button, new() { Name = "保存评标办法" }).ClickAsync();
        await Expect(agency.Locator(".errors")).ToContainTextAsync("价格分值占总分值的比重");
        await Expect(agency.Locator(".errors")).ToContainTextAsync("不得低于");
        await agency.Locator("#criteriaJson").FillAsync(ComprehensiveCriteria);
        await agency.GetByRole(AriaRole.Button, new() { Name = "保存评标办法" }).ClickAsync();
        await Expect(agency.GetByTestId("message")).ToHaveTextAsync("评标办法已保存。");

        var members = await OpenRoomAsync(roomUrl, "专家A");
        var chair = members["expert"];
        await ReviewAllAsync(members, roomUrl, chair);

        // Independent scores, the same from every member: 宏远 8 for 业绩, the others 6. Before submitting, no one sees another's.
        var byBidder = new Dictionary<string, (string B1, string B2)> { [Hongyuan] = ("8", "8"), [Hengtai] = ("6", "8"), [Dingsheng] = ("6", "8") };
        foreach (var page in members.Values)
        {
            await page.GotoAsync(roomUrl);
            foreach (var (bidder, (b1, b2)) in byBidder)
            {
                var form = page.Locator("[data-testid=score-form]", new() { HasText = bidder });
                await form.Locator("input[name='points[T1]']").FillAsync("24");
                await form.Locator("input[name='points[T2]']").FillAsync("15");
                await form.Locator("input[name='points[B1]']").FillAsync(b1);
                await form.Locator("input[name='points[B2]']").FillAsync(b2);
                await form.GetByRole(AriaRole.Button, new() { Name = "保存草稿" }).ClickAsync();
                await Expect(page.GetByTestId("message")).ToHaveTextAsync("评分草稿已保存（仅本人可见）。");
            }

            await Expect(page.GetByTestId("scores")).ToHaveCountAsync(0);
            await page.GetByTestId("submit-scores").ClickAsync();
            await Expect(page.GetByTestId("message")).ToHaveTextAsync("评分已提交。");
        }

        // The price score: 恒泰's 1,098,000.00 is the lowest, the 评标基准价, and scores the full 30; the others (基准价/报价)×30.
        await chair.GotoAsync(roomUrl);
        await Expect(chair.GetByTestId("benchmark")).ToContainTextAsync("评标基准价：1,098,000.00 元");
        await Expect(chair.GetByTestId("benchmark")).ToContainTextAsync("不去掉最高分和最低分");
        var comparison = chair.GetByTestId("comparison");
        await Expect(comparison.Locator("tr", new() { HasText = Hengtai }).GetByTestId("price-score")).ToHaveTextAsync("30.00");
        await Expect(comparison.Locator("tr", new() { HasText = Hongyuan }).GetByTestId("price-score")).ToHaveTextAsync(PriceScore(1_098_000m, 1_120_000m));
        await Expect(comparison.Locator("tr", new() { HasText = Dingsheng }).GetByTestId("price-score")).ToHaveTextAsync(PriceScore(1_098_000m, 1_136_500m));
        await Expect(comparison.Locator("tr", new() { HasText = Hongyuan })).ToContainTextAsync(Points(decimal.Parse(PriceScore(1_098_000m, 1_120_000m), CultureInfo.InvariantCulture) + 55m));
        await SignReportAsync(members, roomUrl, chair, candidates: 3);

        // The award: the agency determines the winner on a working day before a rest day; the result notice is published at once.
        var awardDay = await WorkingDayBeforeARestDayAsync();
        MoveClockTo(awardDay, 10);
        agency = await SignedInAsync("agency");
        await agency.GotoAsync($"/Trading/Lots/Details/{lotId}");
        await agency.GetByTestId("award-link").ClickAsync();
        var awardUrl = agency.Url;
        await Expect(agency.GetByTestId("award-form")).ToContainTextAsync("第 1 名：" + Hongyuan);
        await agency.GetByTestId("decide").ClickAsync();
        await Expect(agency.GetByTestId("award-notice")).ToContainTextAsync(Hongyuan + "（排名第 1）");

        // Working days (87号令 第六十九条、第八十五条): the notice within 2 working days, its period 1 working day — both past the rest day.
        var first = await NextWorkingDayAsync(awardDay);
        var second = await NextWorkingDayAsync(first);
        first.ShouldBeGreaterThan(awardDay.AddDays(1));
        var deadlines = agency.GetByTestId("award-deadlines");
        await Expect(deadlines.Locator("tr", new() { HasText = "公告中标结果并发出中标通知书" })).ToContainTextAsync(Day(second));
        await Expect(deadlines.Locator("tr", new() { HasText = "公告中标结果并发出中标通知书" })).ToContainTextAsync("已按期完成");
        var period = deadlines.Locator("tr", new() { HasText = "结果公告期届满" });
        await Expect(period).ToContainTextAsync(Day(first));
        await Expect(period).ToContainTextAsync("未届满");

        // The losers see their own score and rank only.
        foreach (var (account, name, rank) in new[] { ("bidder2", Hengtai, "2"), ("bidder3", Dingsheng, "3") })
        {
            var loser = await SignedInAsync(account);
            await loser.GotoAsync(awardUrl);
            var rows = loser.GetByTestId("award-bids").Locator("tbody tr");
            await Expect(rows).ToHaveCountAsync(1);
            await Expect(rows.Locator("td").First).ToHaveTextAsync(name);
            await Expect(rows.Locator("td").Nth(4)).ToHaveTextAsync(rank);
        }

        // 恒泰 challenges the result (质疑); the contract is drafted but cannot be signed until the challenge is answered.
        var hengtai = await SignedInAsync("bidder2");
        await hengtai.GotoAsync(awardUrl);
        await hengtai.GetByTestId("objection-text").FillAsync("宏远的业绩得分高于我司，请说明业绩评分依据，并复核评审结果。");
        await hengtai.GetByTestId("raise-objection").ClickAsync();
        await Expect(hengtai.GetByTestId("award-objections")).ToContainTextAsync("请说明业绩评分依据");
        await agency.GotoAsync(awardUrl);
        await Expect(agency.GetByTestId("award-deadlines")).ToContainTextAsync($"答复{Hengtai}的质疑");
        await agency.Locator("#Terms").FillAsync("标的：图书馆家具一批；交货期 30 日历天；质保期 3 年；验收合格后付款。");
        await agency.GetByRole(AriaRole.Button, new() { Name = "保存合同" }).ClickAsync();
        await Expect(agency.GetByTestId("contract")).ToContainTextAsync("交货期 30 日历天");
        var winner = await SignedInAsync("bidder");
        await winner.GotoAsync(awardUrl);
        await winner.GetByTestId("sign-form").GetByRole(AriaRole.Button, new() { Name = "签署合同" }).ClickAsync();
        await Expect(winner.Locator(".errors")).ToContainTextAsync("质疑");
        await agency.GotoAsync(awardUrl);
        await agency.GetByTestId("answer-text").FillAsync("业绩按采购文件第三章评分标准 B1 项评定，宏远提供了 4 个同类项目合同，评审结果无误。");
        await agency.GetByTestId("answer").ClickAsync();
        await Expect(agency.GetByTestId("award-objections")).ToContainTextAsync("评审结果无误");

        // The 1-working-day period has run once the clock passes the rest day.
        MoveClockTo(first.AddDays(1), 9);
        agency = await SignedInAsync("agency");
        await agency.GotoAsync(awardUrl);
        await Expect(agency.GetByTestId("award-deadlines").Locator("tr", new() { HasText = "结果公告期届满" })).ToContainTextAsync("已届满");

        // The contract signed by the winner and the purchaser, and its main terms published.
        await SignContractAsync(awardUrl, agency);
        await agency.GetByRole(AriaRole.Button, new() { Name = "公告合同主要条款" }).ClickAsync();
        await Expect(agency.GetByTestId("award-deadlines").Locator("tr", new() { HasText = "公告合同" })).ToContainTextAsync("已按期完成");

        // The procedure clock archives the closed lot; the purchaser downloads the package free and verifies it offline.
        await App.RunProcedureClockAsync(Ct);
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
        intact.Manifest!.Procedure.Regime.ShouldBe("procurement");
        intact.Manifest.Retention.Years.ShouldBe(15);
        intact.Manifest.Entries.ShouldContain(e => e.Kind == "evaluation-report");
        intact.Manifest.Entries.ShouldContain(e => e.Kind == "contract");

        package[package.Length / 3] ^= 0x01;
        var damaged = ArchiveVerifier.Verify(new MemoryStream(package), download.SuggestedFilename, key);
        damaged.IsIntact.ShouldBeFalse();
        damaged.Faults.ShouldNotBeEmpty();
        _errors.ShouldBeEmpty();
    }

    [Fact]
    public async Task Procurement_LowestPrice_PolicyDeduction_Award_AndContract()
    {
        var lotId = await EvaluationReportBox.LotIdAsync(App.Services, PurchaseProject, "体育器材");
        var roomUrl = $"/Trading/Evaluation/{lotId}";
        var agency = await SignedInAsync("agency");
        await agency.GotoAsync(roomUrl);
        await agency.Locator("#criteriaJson").FillAsync(LowestPriceCriteria);
        await agency.GetByRole(AriaRole.Button, new() { Name = "保存评标办法" }).ClickAsync();
        await Expect(agency.GetByTestId("message")).ToHaveTextAsync("评标办法已保存。");

        var members = await OpenRoomAsync(roomUrl, "专家B");
        var chair = members["expert2"];
        await ReviewAllAsync(members, roomUrl, chair);

        // 鼎盛 is a small enterprise: the documents' 10 % deduction. An increase is refused; the deduction makes it the lowest.
        await chair.Locator("details summary").ClickAsync();
        var form = chair.GetByTestId("adjustment-form");
        await form.Locator("select[name=bidId]").SelectOptionAsync(new SelectOptionValue { Label = Dingsheng });
        await chair.GetByLabel("调整值").FillAsync("10");
        await chair.GetByLabel("调整理由").FillAsync("小微企业声明函齐全，按采购文件扣除 10%");
        await chair.GetByRole(AriaRole.Button, new() { Name = "记录评标价格调整" }).ClickAsync();
        await Expect(chair.Locator(".errors")).ToContainTextAsync("只能扣减");
        await chair.GotoAsync(roomUrl);
        await chair.Locator("details summary").ClickAsync();
        await chair.GetByTestId("adjustment-form").Locator("select[name=bidId]").SelectOptionAsync(new SelectOptionValue { Label = Dingsheng });
        await chair.GetByLabel("调整值").FillAsync("-10");
        await chair.GetByLabel("调整理由").FillAsync("小微企业声明函齐全，按采购文件扣除 10%");
        await chair.GetByRole(AriaRole.Button, new() { Name = "记录评标价格调整" }).ClickAsync();
        await Expect(chair.GetByTestId("message")).ToHaveTextAsync("评标价格调整已记录。");
        await Expect(chair.GetByTestId("comparison").Locator("tbody tr").First).ToContainTextAsync(Dingsheng);
        await Expect(chair.GetByTestId("comparison").Locator("tbody tr").First).ToContainTextAsync("684,270.00");
        await SignReportAsync(members, roomUrl, chair, candidates: 3);
        await Expect(chair.GetByTestId("candidates").Locator("li").First).ToContainTextAsync(Dingsheng + "，评标价 684,270.00");

        // The award to 鼎盛 with the result notice; 宏远, third by evaluated price, sees only its own rank.
        await agency.GotoAsync($"/Trading/Lots/Details/{lotId}");
        await agency.GetByTestId("award-link").ClickAsync();
        var awardUrl = agency.Url;
        await agency.GetByTestId("decide").ClickAsync();
        await Expect(agency.GetByTestId("award-notice")).ToContainTextAsync(Dingsheng + "（排名第 1）");
        await Expect(agency.GetByTestId("award-deadlines")).ToContainTextAsync("结果公告期届满");
        var hongyuan = await SignedInAsync("bidder");
        await hongyuan.GotoAsync(awardUrl);
        var rows = hongyuan.GetByTestId("award-bids").Locator("tbody tr");
        await Expect(rows).ToHaveCountAsync(1);
        await Expect(rows.Locator("td").First).ToHaveTextAsync(Hongyuan);
        await Expect(rows.Locator("td").Nth(4)).ToHaveTextAsync("3");

        await agency.Locator("#Terms").FillAsync("标的：体育器材一批；交货期 20 日历天；质保期 2 年；验收合格后付款。");
        await agency.GetByRole(AriaRole.Button, new() { Name = "保存合同" }).ClickAsync();
        await SignContractAsync(awardUrl, agency);
        _errors.ShouldBeEmpty();
    }

    // The center opens the room with the purchaser's representative; every member (four experts, the representative signed in) elects the chair.
    private async Task<Dictionary<string, IPage>> OpenRoomAsync(string roomUrl, string chair)
    {
        var clerk = await SignedInAsync("clerk");
        await clerk.GotoAsync(roomUrl);
        await clerk.Locator("#representatives").FillAsync("tenderer");
        await clerk.GetByRole(AriaRole.Button, new() { Name = "开启评标室" }).ClickAsync();
        await Expect(clerk.GetByTestId("stage-label")).ToHaveTextAsync("推选主任");

        var members = new Dictionary<string, IPage>();
        foreach (var name in LifecycleBrowserApp.Experts.Append("tenderer"))
        {
            members[name] = await SignedInAsync(name);
            await members[name].GotoAsync(roomUrl);
        }

        await Expect(members["tenderer"].GetByTestId("bids")).ToHaveCountAsync(0);
        await members["tenderer"].GetByTestId("sign-in-form").GetByRole(AriaRole.Button).ClickAsync();
        await Expect(members["tenderer"].GetByTestId("message")).ToHaveTextAsync("已签到。");
        foreach (var page in members.Values)
        {
            await page.GotoAsync(roomUrl);
            await page.GetByTestId("members").Locator("tr", new() { HasText = chair }).GetByRole(AriaRole.Button, new() { Name = "推选为主任" }).ClickAsync();
            await Expect(page.GetByTestId("message")).ToHaveTextAsync("已投票。");
        }

        return members;
    }

    // Qualification and compliance (符合性审查): every member passes every bid, the chair concludes each stage.
    private static async Task ReviewAllAsync(Dictionary<string, IPage> members, string roomUrl, IPage chair)
    {
        foreach (var stage in new[] { "资格审查", "符合性审查" })
        {
            foreach (var page in members.Values)
            {
                await page.GotoAsync(roomUrl);
                for (var i = 0; i < 3; i++)
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
    }

    // The chair generates the report; every member signs; the last signature closes the room.
    private static async Task SignReportAsync(Dictionary<string, IPage> members, string roomUrl, IPage chair, int candidates)
    {
        await chair.GotoAsync(roomUrl);
        await Expect(chair.GetByTestId("no-findings")).ToBeVisibleAsync();
        await chair.GetByTestId("generate-report").ClickAsync();
        await Expect(chair.GetByTestId("stage-label")).ToHaveTextAsync("签署评标报告");
        await Expect(chair.GetByTestId("candidates").Locator("li")).ToHaveCountAsync(candidates);
        foreach (var page in members.Values)
        {
            await page.GotoAsync(roomUrl);
            await page.GetByTestId("sign-form").GetByRole(AriaRole.Button).ClickAsync();
            await Expect(page.GetByTestId("message")).ToHaveTextAsync("已签署评标报告。");
        }

        await chair.ReloadAsync();
        await Expect(chair.GetByTestId("stage-label")).ToHaveTextAsync("评标结束");
    }

    // Each party signs by one of its own users; the agency's page then shows the contract concluded.
    private async Task SignContractAsync(string awardUrl, IPage agency)
    {
        var signed = 0;
        foreach (var party in new[] { "tenderer", "bidder", "bidder2", "bidder3" })
        {
            var page = await SignedInAsync(party);
            await page.GotoAsync(awardUrl);
            if (await page.GetByTestId("sign-form").CountAsync() == 1)
            {
                await page.GetByTestId("sign-form").GetByRole(AriaRole.Button, new() { Name = "签署合同" }).ClickAsync();
                await Expect(page.GetByTestId("sign-form")).ToHaveCountAsync(0);
                signed++;
            }
        }

        signed.ShouldBe(2);
        await agency.GotoAsync(awardUrl);
        await Expect(agency.GetByTestId("award-state")).ToContainTextAsync("合同已签订");
    }

    private static string PriceScore(decimal benchmark, decimal price) =>
        Math.Round(benchmark / price * 30m, 2, MidpointRounding.AwayFromZero).ToString("0.00", CultureInfo.InvariantCulture);

    private static string Points(decimal points) => points.ToString("0.00", CultureInfo.InvariantCulture);

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    // China's date on the host's clock.
    private DateOnly Today() => DateOnly.FromDateTime(App.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).DateTime);

    // Moves the host's clock forward to the day's hour, China time.
    private void MoveClockTo(DateOnly day, int hour)
    {
        var at = new DateTimeOffset(day.ToDateTime(new TimeOnly(hour, 0)), TimeSpan.FromHours(8));
        var ahead = at - TimeProvider.System.GetUtcNow();
        ahead.ShouldBeGreaterThan(App.Clock.Ahead);
        App.Clock.Ahead = ahead;
    }

    // The first working day from tomorrow whose next day is a rest day or a holiday, by the platform's calendar.
    private async Task<DateOnly> WorkingDayBeforeARestDayAsync()
    {
        var day = Today().AddDays(1);
        while (!await IsWorkingDayAsync(day) || await IsWorkingDayAsync(day.AddDays(1)))
        {
            day = day.AddDays(1);
        }

        return day;
    }

    private async Task<DateOnly> NextWorkingDayAsync(DateOnly day)
    {
        do
        {
            day = day.AddDays(1);
        }
        while (!await IsWorkingDayAsync(day));
        return day;
    }

    private async Task<bool> IsWorkingDayAsync(DateOnly day)
    {
        using var scope = App.Services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<WorkCalendar>().IsWorkingDayAsync(day, Ct)).IsWorkingDay;
    }

    private async Task<IPage> SignedInAsync(string userName)
    {
        var context = await fixture.Browser.NewContextAsync();
        _contexts.Add(context);
        var page = await context.NewPageAsync();
        page.PageError += (_, e) => _errors.Add(e);
        await Pages.SignInAsync(page, userName);
        return page;
    }
}
