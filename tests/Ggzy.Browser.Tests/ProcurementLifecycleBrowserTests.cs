using System.Globalization;
using Ggzy.Platform.Calendar;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Shouldly;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Ggzy.Browser.Tests;

/// <summary>One host and browser for the 政府采购 lifecycle test: the demo on a clock the tests move (<see cref="LifecycleBrowserApp"/>).</summary>
public sealed class ProcurementLifecycleFixture : IAsyncLifetime
{
    public ProcurementLifecycleFixture() => Browser = new BrowserFixture(App);

    public LifecycleBrowserApp App { get; } = new();

    public BrowserFixture Browser { get; }

    public async ValueTask InitializeAsync() => await Browser.InitializeAsync();

    public async ValueTask DisposeAsync() => await Browser.DisposeAsync();
}

/// <summary>
/// The whole 政府采购 path in the browser (issue 8), from registration, for both methods at once: the purchaser (采购人, the
/// <c>tenderer</c> account, without an agency) registers a goods project with two packages — 图书馆家具 under 综合评分法 and
/// 体育器材 under 最低评标价法 — the clerk accepts it, the 采购公告 is published and found on the portal, each package's
/// documents are uploaded and obtained by the three bidders, who seal and submit their bids with the bidder tool and decrypt
/// them with it at the openings, which the clerk reads out and closes; for each package the purchaser requests the expert
/// draw in the browser, the center draws, the drawn experts confirm and sign in with the codes the simulated gateway
/// "texted", and that drawn committee evaluates in the room. 综合评分法: the price-weight floor of goods refused, independent
/// scores, the price score (评标基准价/投标报价)×30 computed and shown, the mean of every member (nothing dropped), the report
/// signed, the award with its result notice within 2 working days and its 1-working-day period around a rest day, the
/// losers told their own score and rank only, a 质疑 that holds the contract's signing until it is answered, the contract
/// signed by both parties and its main terms published. 最低评标价法: a policy price deduction (价格扣除) that would raise the
/// price refused, the deduction entered changing the ranking, the award and the contract. Then both packages' archives are
/// built, downloaded, verified offline and found damaged once one byte is changed.
/// </summary>
public sealed class ProcurementLifecycleBrowserTests(ProcurementLifecycleFixture fixture) : IClassFixture<ProcurementLifecycleFixture>, IAsyncLifetime
{
    private const string PurchaseProject = "安和市实验中学教学设备采购项目";
    private const string Furniture = "图书馆家具";
    private const string Sports = "体育器材";
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

    /// <summary>The demo's three bidder accounts and their prices for 图书馆家具 and 体育器材.</summary>
    private static readonly (string Account, string Furniture, string Sports)[] Bidders =
        [("bidder", "1120000.00", "752000.00"), ("bidder2", "1098000.00", "748600.00"), ("bidder3", "1136500.00", "760300.00")];

    private readonly List<IBrowserContext> _contexts = [];
    private readonly List<string> _errors = [];
    private readonly Dictionary<string, IPage> _pages = new(StringComparer.Ordinal);
    private readonly HashSet<string> _signedInOnce = new(StringComparer.Ordinal);

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
    public async Task Procurement_BothMethods_FromRegistrationThroughDrawnCommitteesToVerifiedArchives()
    {
        // 1. The purchaser registers the goods project with two packages; the clerk accepts it.
        var tenderer = await PageAsync("tenderer");
        await tenderer.GotoAsync("/Trading/Projects/Register");
        await tenderer.GetByLabel("项目名称").FillAsync(PurchaseProject);
        await tenderer.GetByLabel("交易制度").SelectOptionAsync("Procurement");
        await tenderer.GetByLabel("行业领域").SelectOptionAsync("政府采购");
        await tenderer.GetByLabel("项目类型").FillAsync("货物");
        await tenderer.GetByLabel("资金来源").FillAsync("财政资金");
        await tenderer.GetByLabel("已落实资金（元）").FillAsync("1920000");
        await tenderer.GetByLabel("第 1 个标段名称").FillAsync(Furniture);
        await tenderer.GetByLabel("第 1 个标段估算价").FillAsync("1150000");
        await tenderer.GetByLabel("第 2 个标段名称").FillAsync(Sports);
        await tenderer.GetByLabel("第 2 个标段估算价").FillAsync("770000");
        await tenderer.Locator("[data-testid=register-submit]").ClickAsync();
        await Expect(tenderer.Locator("[data-testid=project-status]")).ToHaveTextAsync("已提交，待受理");
        var projectUrl = tenderer.Url;
        var clerk = await PageAsync("clerk");
        await clerk.GotoAsync(projectUrl);
        await clerk.GetByLabel("说明（不予受理时写明事实）").FillAsync("材料齐全，予以受理。");
        await clerk.GetByRole(AriaRole.Button, new() { Name = "受理", Exact = true }).ClickAsync();
        await Expect(clerk.Locator("[data-testid=project-status]")).ToHaveTextAsync("已受理");

        // 2. The purchaser composes the 采购公告 for both packages with the proposed dates, publishes it, and uploads each
        //    package's documents.
        await tenderer.GotoAsync("/Trading/Announcements");
        await tenderer.Locator("[data-testid=project]", new() { HasText = PurchaseProject }).Locator("[data-testid=compose]").ClickAsync();
        await tenderer.GetByLabel("招标范围（采购需求）").FillAsync("图书馆家具一批（1 包）；体育器材一批（2 包）；含运输、安装和售后服务。");
        await tenderer.GetByLabel("项目规模").FillAsync("两个采购包，预算合计 192 万元");
        await tenderer.GetByLabel("投标人（供应商）资格要求").FillAsync("符合《政府采购法》第二十二条规定的条件。");
        await tenderer.GetByLabel("获取招标文件（资格预审文件）的方式").FillAsync("登录本平台下载");
        await tenderer.GetByLabel("投标文件（申请文件）递交方式").FillAsync("通过本平台在线递交加密投标文件");
        await tenderer.GetByLabel("联系人和联系方式").FillAsync("吴先生 0990-1234567");
        await tenderer.Locator("[data-testid=save-draft]").ClickAsync();
        await Expect(tenderer.Locator("[data-testid=publishable]")).ToBeVisibleAsync();
        await tenderer.Locator("[data-testid=publish]").ClickAsync();
        await Expect(tenderer.Locator("[data-testid=announcement-status]")).ToHaveTextAsync("已发布");
        var announcementUrl = tenderer.Url;
        var lots = new Dictionary<string, Guid>();
        var documentsUrls = new Dictionary<string, string>();
        foreach (var (number, name) in new[] { (1, Furniture), (2, Sports) })
        {
            await tenderer.GotoAsync(announcementUrl);
            await tenderer.GetByRole(AriaRole.Link, new() { Name = $"{number} 标段（包）程序" }).ClickAsync();
            await Expect(tenderer.Locator("[data-testid=lot-state]")).ToContainTextAsync("已发布公告");
            await tenderer.Locator("[data-testid=documents-link]").ClickAsync();
            documentsUrls[name] = tenderer.Url;
            lots[name] = Guid.Parse(tenderer.Url.Split('/')[^1]);
            var file = $"采购文件（{name}）.pdf";
            await tenderer.Locator("[data-testid=upload-form] input[type=file]").SetInputFilesAsync(new FilePayload
            {
                Name = file,
                MimeType = "application/pdf",
                Buffer = System.Text.Encoding.UTF8.GetBytes("%PDF-1.7\n采购文件\n%%EOF"),
            });
            await tenderer.Locator("[data-testid=upload-form] button").ClickAsync();
            await Expect(tenderer.Locator("[data-testid=documents]")).ToContainTextAsync(file);
        }

        // 3. Anyone finds the 采购公告 on the portal without signing in, with both packages.
        var title = PurchaseProject + "公开招标公告";
        var visitor = await (await NewContextAsync()).NewPageAsync();
        await visitor.GotoAsync("/Portal/Announcements");
        await visitor.GetByLabel("行业领域").SelectOptionAsync("政府采购");
        await visitor.Locator("[data-testid=portal-search]").ClickAsync();
        await visitor.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        await Expect(visitor.Locator("[data-testid=announcement-title]")).ToHaveTextAsync(title);
        await Expect(visitor.Locator("[data-testid=announcement-lots]")).ToContainTextAsync(Furniture);
        await Expect(visitor.Locator("[data-testid=announcement-lots]")).ToContainTextAsync(Sports);

        // 4. Two days later the procedure clock puts the documents on sale; each bidder's tool signs in with its certificate
        //    and obtains both packages' documents.
        MoveClock(TimeSpan.FromDays(2));
        await App.RunProcedureClockAsync(Ct);
        var address = App.Address;
        var tools = Bidders.ToDictionary(b => b.Account, b => LifecycleSteps.DemoBidder(App.Database.DataDirectory, b.Account));
        foreach (var tool in tools.Values)
        {
            await LifecycleSteps.ToolLoginAsync(address, tool);
            foreach (var lotId in lots.Values)
            {
                await LifecycleSteps.DownloadLotDocumentsAsync(address, tool, lotId);
            }
        }

        // 5. Each bidder seals its bid for each package with the tool on its own machine and submits it before the deadline.
        var codes = new Dictionary<string, string>();
        foreach (var (name, lotId) in lots)
        {
            codes[name] = await LifecycleSteps.LotTradeCodeAsync(address, tools["bidder"], lotId);
        }

        foreach (var (account, furniturePrice, sportsPrice) in Bidders)
        {
            var tool = tools[account];
            var files = Path.Combine(Path.GetDirectoryName(tool.Envelope)!, account + "-响应文件.pdf");
            await File.WriteAllBytesAsync(files, System.Text.Encoding.UTF8.GetBytes("%PDF-1.7\n" + new string('标', 2_000)), Ct);
            foreach (var (name, price) in new[] { (Furniture, furniturePrice), (Sports, sportsPrice) })
            {
                var envelope = Path.ChangeExtension(tool.Envelope, null) + "-" + codes[name] + ".gse";
                await LifecycleSteps.GgzyAsync("bid", "seal", "--lot", codes[name], "--price", price, "--item", "交货期（服务期）=30日历天",
                    "--files", files, "--cert", tool.Cert, "--key", tool.Key, "--out", envelope);
                await LifecycleSteps.GgzyAsync("bid", "submit", "--url", address.ToString(), "--token-file", tool.Token, "--envelope", envelope);
            }
        }

        // 6. The deadline passes: the procedure clock extracts the bids; each bidder decrypts its own with the tool (不见面开标);
        //    the clerk reads out each package in the hall and closes its opening.
        tenderer = await PageAsync("tenderer");
        await tenderer.GotoAsync(documentsUrls[Furniture]);
        var deadlineText = await tenderer.Locator("[data-testid=deadline]").InnerTextAsync();
        await tenderer.GotoAsync(documentsUrls[Sports]);
        (await tenderer.Locator("[data-testid=deadline]").InnerTextAsync()).ShouldBe(deadlineText);
        var deadline = new DateTimeOffset(DateTime.ParseExact(deadlineText[..16], "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), TimeSpan.FromHours(8));
        MoveClock(deadline.AddSeconds(20) - TimeProvider.System.GetUtcNow());
        (await App.RunProcedureClockAsync(Ct)).ShouldBeGreaterThan(0);
        foreach (var (account, furniturePrice, sportsPrice) in Bidders)
        {
            var tool = tools[account];
            await LifecycleSteps.ToolLoginAsync(address, tool);
            foreach (var (name, price) in new[] { (Furniture, furniturePrice), (Sports, sportsPrice) })
            {
                var envelope = Path.ChangeExtension(tool.Envelope, null) + "-" + codes[name] + ".gse";
                var unsealed = await LifecycleSteps.GgzyAsync("bid", "unseal", "--url", address.ToString(), "--token-file", tool.Token, "--envelope", envelope, "--key", tool.Key);
                unsealed.ShouldContain($"投标总价 {price} 元");
            }
        }

        clerk = await PageAsync("clerk");
        foreach (var lotId in lots.Values)
        {
            await clerk.GotoAsync($"/Trading/Opening/Hall/{lotId}");
            await Expect(clerk.GetByTestId("stage-label")).ToHaveTextAsync("解密结束，待唱标");
            await clerk.GetByRole(AriaRole.Button, new() { Name = "唱标并生成开标记录" }).ClickAsync();
            await Expect(clerk.GetByTestId("opening-message")).ToContainTextAsync("已唱标，开标记录已生成");
            await clerk.GetByRole(AriaRole.Button, new() { Name = "结束开标并公开开标记录" }).ClickAsync();
            await Expect(clerk.GetByTestId("opening-message")).ToContainTextAsync("开标结束，开标记录已在门户公开");
        }

        // 7. 综合评分法 for 图书馆家具, by its drawn committee.
        var furnitureRoom = $"/Trading/Evaluation/{lots[Furniture]}";
        var members = await DrawnCommitteeAsync(lots[Furniture], Furniture);
        var chair = await OpenRoomAsync(lots[Furniture], members, ComprehensivePriceWeightFloorRefusedAsync);
        await LifecycleSteps.PassAllReviewsAsync(members, chair, furnitureRoom);

        // Independent scores, the same from every member: 宏远 8 for 业绩, the others 6. Before submitting, no one sees another's.
        var byBidder = new Dictionary<string, (string B1, string B2)> { [Hongyuan] = ("8", "8"), [Hengtai] = ("6", "8"), [Dingsheng] = ("6", "8") };
        foreach (var page in members.Values)
        {
            await page.GotoAsync(furnitureRoom);
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
        await chair.GotoAsync(furnitureRoom);
        await Expect(chair.GetByTestId("benchmark")).ToContainTextAsync("评标基准价：1,098,000.00 元");
        await Expect(chair.GetByTestId("benchmark")).ToContainTextAsync("不去掉最高分和最低分");
        var comparison = chair.GetByTestId("comparison");
        await Expect(comparison.Locator("tr", new() { HasText = Hengtai }).GetByTestId("price-score")).ToHaveTextAsync("30.00");
        await Expect(comparison.Locator("tr", new() { HasText = Hongyuan }).GetByTestId("price-score")).ToHaveTextAsync(PriceScore(1_098_000m, 1_120_000m));
        await Expect(comparison.Locator("tr", new() { HasText = Dingsheng }).GetByTestId("price-score")).ToHaveTextAsync(PriceScore(1_098_000m, 1_136_500m));
        await Expect(comparison.Locator("tr", new() { HasText = Hongyuan })).ToContainTextAsync(Points(decimal.Parse(PriceScore(1_098_000m, 1_120_000m), CultureInfo.InvariantCulture) + 55m));
        await SignReportAsync(members, furnitureRoom, chair, candidates: 3);

        // 8. 最低评标价法 for 体育器材, by its own drawn committee.
        var sportsRoom = $"/Trading/Evaluation/{lots[Sports]}";
        members = await DrawnCommitteeAsync(lots[Sports], Sports);
        chair = await OpenRoomAsync(lots[Sports], members, async tendererPage =>
        {
            await tendererPage.Locator("#criteriaJson").FillAsync(LowestPriceCriteria);
            await tendererPage.GetByRole(AriaRole.Button, new() { Name = "保存评标办法" }).ClickAsync();
            await Expect(tendererPage.GetByTestId("message")).ToHaveTextAsync("评标办法已保存。");
        });
        await LifecycleSteps.PassAllReviewsAsync(members, chair, sportsRoom);

        // 鼎盛 is a small enterprise: the documents' 10 % deduction. An increase is refused; the deduction makes it the lowest.
        await chair.Locator("details summary").ClickAsync();
        var adjustment = chair.GetByTestId("adjustment-form");
        await adjustment.Locator("select[name=bidId]").SelectOptionAsync(new SelectOptionValue { Label = Dingsheng });
        await chair.GetByLabel("调整值").FillAsync("10");
        await chair.GetByLabel("调整理由").FillAsync("小微企业声明函齐全，按采购文件扣除 10%");
        await chair.GetByRole(AriaRole.Button, new() { Name = "记录评标价格调整" }).ClickAsync();
        await Expect(chair.Locator(".errors")).ToContainTextAsync("只能扣减");
        await chair.GotoAsync(sportsRoom);
        await chair.Locator("details summary").ClickAsync();
        await chair.GetByTestId("adjustment-form").Locator("select[name=bidId]").SelectOptionAsync(new SelectOptionValue { Label = Dingsheng });
        await chair.GetByLabel("调整值").FillAsync("-10");
        await chair.GetByLabel("调整理由").FillAsync("小微企业声明函齐全，按采购文件扣除 10%");
        await chair.GetByRole(AriaRole.Button, new() { Name = "记录评标价格调整" }).ClickAsync();
        await Expect(chair.GetByTestId("message")).ToHaveTextAsync("评标价格调整已记录。");
        await Expect(chair.GetByTestId("comparison").Locator("tbody tr").First).ToContainTextAsync(Dingsheng);
        await Expect(chair.GetByTestId("comparison").Locator("tbody tr").First).ToContainTextAsync("684,270.00");
        await SignReportAsync(members, sportsRoom, chair, candidates: 3);
        await Expect(chair.GetByTestId("candidates").Locator("li").First).ToContainTextAsync(Dingsheng + "，评标价 684,270.00");

        // 9. The awards: the purchaser determines both winners on a working day before a rest day; each result notice is
        //    published at once.
        var awardDay = await WorkingDayBeforeARestDayAsync();
        MoveClockTo(awardDay, 10);
        tenderer = await PageAsync("tenderer");
        await tenderer.GotoAsync($"/Trading/Lots/Details/{lots[Sports]}");
        await tenderer.GetByTestId("award-link").ClickAsync();
        var sportsAward = tenderer.Url;
        await tenderer.GetByTestId("decide").ClickAsync();
        await Expect(tenderer.GetByTestId("award-notice")).ToContainTextAsync(Dingsheng + "（排名第 1）");
        await Expect(tenderer.GetByTestId("award-deadlines")).ToContainTextAsync("结果公告期届满");
        await tenderer.GotoAsync($"/Trading/Lots/Details/{lots[Furniture]}");
        await tenderer.GetByTestId("award-link").ClickAsync();
        var furnitureAward = tenderer.Url;
        await Expect(tenderer.GetByTestId("award-form")).ToContainTextAsync("第 1 名：" + Hongyuan);
        await tenderer.GetByTestId("decide").ClickAsync();
        await Expect(tenderer.GetByTestId("award-notice")).ToContainTextAsync(Hongyuan + "（排名第 1）");

        // Working days (87号令 第六十九条、第八十五条): the notice within 2 working days, its period 1 working day — both past the rest day.
        var first = await NextWorkingDayAsync(awardDay);
        var second = await NextWorkingDayAsync(first);
        first.ShouldBeGreaterThan(awardDay.AddDays(1));
        var deadlines = tenderer.GetByTestId("award-deadlines");
        await Expect(deadlines.Locator("tr", new() { HasText = "公告中标结果并发出中标通知书" })).ToContainTextAsync(Day(second));
        await Expect(deadlines.Locator("tr", new() { HasText = "公告中标结果并发出中标通知书" })).ToContainTextAsync("已按期完成");
        var period = deadlines.Locator("tr", new() { HasText = "结果公告期届满" });
        await Expect(period).ToContainTextAsync(Day(first));
        await Expect(period).ToContainTextAsync("未届满");

        // The losers see their own score and rank only: 恒泰 and 鼎盛 for 图书馆家具, 宏远 (third by evaluated price) for 体育器材.
        foreach (var (account, awardUrl, name, rank) in new[] { ("bidder2", furnitureAward, Hengtai, "2"), ("bidder3", furnitureAward, Dingsheng, "3"), ("bidder", sportsAward, Hongyuan, "3") })
        {
            var loser = await PageAsync(account);
            await loser.GotoAsync(awardUrl);
            var rows = loser.GetByTestId("award-bids").Locator("tbody tr");
            await Expect(rows).ToHaveCountAsync(1);
            await Expect(rows.Locator("td").First).ToHaveTextAsync(name);
            await Expect(rows.Locator("td").Nth(4)).ToHaveTextAsync(rank);
        }

        // 恒泰 challenges the 图书馆家具 result (质疑); the contract is drafted but cannot be signed until the challenge is answered.
        var hengtai = await PageAsync("bidder2");
        await hengtai.GotoAsync(furnitureAward);
        await hengtai.GetByTestId("objection-text").FillAsync("宏远的业绩得分高于我司，请说明业绩评分依据，并复核评审结果。");
        await hengtai.GetByTestId("raise-objection").ClickAsync();
        await Expect(hengtai.GetByTestId("award-objections")).ToContainTextAsync("请说明业绩评分依据");
        await tenderer.GotoAsync(furnitureAward);
        await Expect(tenderer.GetByTestId("award-deadlines")).ToContainTextAsync($"答复{Hengtai}的质疑");
        await tenderer.Locator("#Terms").FillAsync("标的：图书馆家具一批；交货期 30 日历天；质保期 3 年；验收合格后付款。");
        await tenderer.GetByRole(AriaRole.Button, new() { Name = "保存合同" }).ClickAsync();
        await Expect(tenderer.GetByTestId("contract")).ToContainTextAsync("交货期 30 日历天");
        var winner = await PageAsync("bidder");
        await winner.GotoAsync(furnitureAward);
        await winner.GetByTestId("sign-form").GetByRole(AriaRole.Button, new() { Name = "签署合同" }).ClickAsync();
        await Expect(winner.Locator(".errors")).ToContainTextAsync("质疑");
        await tenderer.GotoAsync(furnitureAward);
        await tenderer.GetByTestId("answer-text").FillAsync("业绩按采购文件第三章评分标准 B1 项评定，宏远提供了 4 个同类项目合同，评审结果无误。");
        await tenderer.GetByTestId("answer").ClickAsync();
        await Expect(tenderer.GetByTestId("award-objections")).ToContainTextAsync("评审结果无误");

        // 10. The 1-working-day period has run once the clock passes the rest day.
        MoveClockTo(first.AddDays(1), 9);
        tenderer = await PageAsync("tenderer");
        await tenderer.GotoAsync(furnitureAward);
        await Expect(tenderer.GetByTestId("award-deadlines").Locator("tr", new() { HasText = "结果公告期届满" })).ToContainTextAsync("已届满");

        // The contracts signed by each winner and the purchaser; 图书馆家具's main terms published.
        await SignContractAsync(furnitureAward, tenderer);
        await tenderer.GetByRole(AriaRole.Button, new() { Name = "公告合同主要条款" }).ClickAsync();
        await Expect(tenderer.GetByTestId("award-deadlines").Locator("tr", new() { HasText = "公告合同" })).ToContainTextAsync("已按期完成");
        await tenderer.GotoAsync(sportsAward);
        await tenderer.Locator("#Terms").FillAsync("标的：体育器材一批；交货期 20 日历天；质保期 2 年；验收合格后付款。");
        await tenderer.GetByRole(AriaRole.Button, new() { Name = "保存合同" }).ClickAsync();
        await SignContractAsync(sportsAward, tenderer);

        // 11. The procedure clock archives both closed packages; the purchaser downloads each package free and verifies it offline.
        await App.RunProcedureClockAsync(Ct);
        foreach (var lotId in lots.Values)
        {
            var intact = await LifecycleSteps.DownloadAndVerifyArchiveAsync(tenderer, lotId);
            intact.Manifest!.Procedure.Regime.ShouldBe("procurement");
            intact.Manifest.Retention.Years.ShouldBe(15);
        }

        _errors.ShouldBeEmpty();
    }

    // The purchaser requests the package's draw from the lot page: five members, one of them its representative, four experts
    // at one site. The demo pool's experts with accounts hold no goods specialty (only A0801, A0601 and A0802, see
    // ExpertPoolDemoSeeder), and only they hold 市政公用工程施工 (A0802): a goods specialty would seat experts who cannot sign
    // in, so the request asks for A0802 — as the demo's own 政府采购 draws do — and the drawn four can sit in the room. The
    // center draws at once; the drawn experts confirm and sign in with the gateway's codes. Returns the committee's pages
    // (the drawn experts by account and the purchaser's representative).
    private async Task<Dictionary<string, IPage>> DrawnCommitteeAsync(Guid lotId, string lotName)
    {
        var tenderer = await PageAsync("tenderer");
        await tenderer.GotoAsync($"/Trading/Lots/Details/{lotId}");
        await tenderer.GetByTestId("request-draw-link").ClickAsync();
        var evaluation = App.Clock.GetUtcNow().AddMinutes(50).ToOffset(TimeSpan.FromHours(8));
        await tenderer.GetByTestId("evaluation-starts-at").FillAsync(evaluation.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture));
        await tenderer.GetByTestId("site-name-0").FillAsync("安和市公共资源交易中心第二评标室");
        await tenderer.GetByTestId("site-address-0").FillAsync("安和市人民路 88 号");
        await tenderer.GetByTestId("members").FillAsync("5");
        await tenderer.GetByTestId("representatives").FillAsync("1");
        await tenderer.GetByTestId("specialty-0").SelectOptionAsync("A0802");
        await tenderer.GetByTestId("count-0").FillAsync("4");
        await tenderer.GetByTestId("site-0").FillAsync("1");
        await tenderer.GetByTestId("request-draw").ClickAsync();
        await Expect(tenderer.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("专家抽取");
        var drawUrl = tenderer.Url;

        var clerk = await PageAsync("clerk");
        await clerk.GotoAsync(drawUrl);
        await clerk.GetByTestId("run-draw").ClickAsync();
        await Expect(clerk.GetByTestId("message")).ToContainTextAsync("已抽取并通知抽中的专家");
        await Expect(clerk.GetByTestId("seat")).ToHaveCountAsync(4);
        var experts = await LifecycleSteps.ConfirmAndSignInAsync(await PageAsync("admin"), $"{PurchaseProject} {lotName}", 4, PageAsync);
        await clerk.ReloadAsync();
        await Expect(clerk.GetByTestId("draw-state")).ToHaveTextAsync("专家已全部确认");
        (await clerk.GetByTestId("seat-name").AllInnerTextsAsync()).ShouldAllBe(n => n.Contains("（ZJ00000", StringComparison.Ordinal));

        var members = new Dictionary<string, IPage>(StringComparer.Ordinal);
        foreach (var seat in await LifecycleSteps.SignedInCommitteeAsync(App.Services, lotId, 4))
        {
            members[seat.AccountUserName!] = experts.Single(e => LifecycleSteps.ExpertAccount(e.Key) == seat.AccountUserName).Value;
        }

        members["tenderer"] = tenderer;
        return members;
    }

    // The 综合评分法 of the documents: a price weight of 20 % for goods is refused (≥ 30 %, 87号令 第五十五条), then 30 % saved.
    private static async Task ComprehensivePriceWeightFloorRefusedAsync(IPage tenderer)
    {
        var lowPriceWeight = ComprehensiveCriteria
            .Replace("\"weight\": 30, \"items\": [{ \"code\": \"P1\", \"name\": \"投标报价\", \"kind\": \"price\", \"maxPoints\": 30 }]",
                "\"weight\": 20, \"items\": [{ \"code\": \"P1\", \"name\": \"投标报价\", \"kind\": \"price\", \"maxPoints\": 20 }]", StringComparison.Ordinal)
            .Replace("\"weight\": 50", "\"weight\": 60", StringComparison.Ordinal)
            .Replace("\"kind\": \"subjective\", \"maxPoints\": 30", "\"kind\": \"subjective\", \"maxPoints\": 40", StringComparison.Ordinal);
        lowPriceWeight.ShouldNotBe(ComprehensiveCriteria);
        await tenderer.Locator("#criteriaJson").FillAsync(lowPriceWeight);
        await tenderer.GetByRole(AriaRole.Button, new() { Name = "保存评标办法" }).ClickAsync();
        await Expect(tenderer.Locator(".errors")).ToContainTextAsync("价格分值占总分值的比重");
        await Expect(tenderer.Locator(".errors")).ToContainTextAsync("不得低于");
        await tenderer.Locator("#criteriaJson").FillAsync(ComprehensiveCriteria);
        await tenderer.GetByRole(AriaRole.Button, new() { Name = "保存评标办法" }).ClickAsync();
        await Expect(tenderer.GetByTestId("message")).ToHaveTextAsync("评标办法已保存。");
    }

    // The purchaser sets the documents' criteria; the center opens the room with the purchaser's representative, who sees no
    // bid before signing in; every member elects the first drawn expert (by its draw pseudonym). Returns the chair's page.
    private async Task<IPage> OpenRoomAsync(Guid lotId, Dictionary<string, IPage> members, Func<IPage, Task> criteria)
    {
        var roomUrl = $"/Trading/Evaluation/{lotId}";
        var tenderer = members["tenderer"];
        await tenderer.GotoAsync(roomUrl);
        await criteria(tenderer);
        var clerk = await PageAsync("clerk");
        await clerk.GotoAsync(roomUrl);
        await clerk.Locator("#representatives").FillAsync("tenderer");
        await clerk.GetByRole(AriaRole.Button, new() { Name = "开启评标室" }).ClickAsync();
        await Expect(clerk.GetByTestId("stage-label")).ToHaveTextAsync("推选主任");
        await Expect(clerk.GetByTestId("bids")).ToHaveCountAsync(0);

        await tenderer.GotoAsync(roomUrl);
        await Expect(tenderer.GetByTestId("bids")).ToHaveCountAsync(0);
        await tenderer.GetByTestId("sign-in-form").GetByRole(AriaRole.Button).ClickAsync();
        await Expect(tenderer.GetByTestId("message")).ToHaveTextAsync("已签到。");
        var chairSeat = (await LifecycleSteps.SignedInCommitteeAsync(App.Services, lotId, 4))[0];
        foreach (var page in members.Values)
        {
            await page.GotoAsync(roomUrl);
            await page.GetByTestId("members").Locator("tr", new() { HasText = chairSeat.Pseudonym }).GetByRole(AriaRole.Button, new() { Name = "推选为主任" }).ClickAsync();
            await Expect(page.GetByTestId("message")).ToHaveTextAsync("已投票。");
        }

        var chair = members[chairSeat.AccountUserName!];
        await chair.ReloadAsync();
        await Expect(chair.GetByTestId("members").Locator("tr", new() { HasText = chairSeat.Pseudonym })).ToContainTextAsync("主任");
        return chair;
    }

    // The chair generates the report; every member signs; the last signature closes the room.
    private static async Task SignReportAsync(Dictionary<string, IPage> members, string roomUrl, IPage chair, int candidates)
    {
        await chair.GotoAsync(roomUrl);
        await Expect(chair.GetByTestId("no-findings")).ToBeVisibleAsync();
        await chair.GetByTestId("generate-report").ClickAsync();
        await Expect(chair.GetByTestId("stage-label")).ToHaveTextAsync("签署评标报告");
        await Expect(chair.GetByTestId("candidates").Locator("li")).ToHaveCountAsync(candidates);
        await LifecycleSteps.EveryMemberSignsReportAsync(members, chair, roomUrl, "评标结束");
    }

    // Each party signs by one of its own users; the purchaser's page then shows the contract concluded.
    private async Task SignContractAsync(string awardUrl, IPage tenderer)
    {
        var signed = 0;
        foreach (var party in new[] { "tenderer", "bidder", "bidder2", "bidder3" })
        {
            var page = await PageAsync(party);
            await page.GotoAsync(awardUrl);
            if (await page.GetByTestId("sign-form").CountAsync() == 1)
            {
                await page.GetByTestId("sign-form").GetByRole(AriaRole.Button, new() { Name = "签署合同" }).ClickAsync();
                await Expect(page.GetByTestId("sign-form")).ToHaveCountAsync(0);
                signed++;
            }
        }

        signed.ShouldBe(2);
        await tenderer.GotoAsync(awardUrl);
        await Expect(tenderer.GetByTestId("award-state")).ToContainTextAsync("合同已签订");
    }

    private static string PriceScore(decimal benchmark, decimal price) =>
        Math.Round(benchmark / price * 30m, 2, MidpointRounding.AwayFromZero).ToString("0.00", CultureInfo.InvariantCulture);

    private static string Points(decimal points) => points.ToString("0.00", CultureInfo.InvariantCulture);

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    // China's date on the host's clock.
    private DateOnly Today() => DateOnly.FromDateTime(App.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).DateTime);

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

    // Moves the host's clock forward to the day's hour, China time.
    private void MoveClockTo(DateOnly day, int hour)
    {
        var at = new DateTimeOffset(day.ToDateTime(new TimeOnly(hour, 0)), TimeSpan.FromHours(8));
        MoveClock(at - TimeProvider.System.GetUtcNow());
    }

    // Moves the host's clock forward: the sessions signed in before have expired (8 hours), so each account signs in again.
    private void MoveClock(TimeSpan ahead)
    {
        ahead.ShouldBeGreaterThan(App.Clock.Ahead);
        App.Clock.Ahead = ahead;
        _pages.Clear();
    }

    /// <summary>
    /// The account's page, signed in on the host's clock since the clock last moved: the first time through the fixture's
    /// one form sign-in per account, after a move of the clock by a new form sign-in.
    /// </summary>
    private async Task<IPage> PageAsync(string userName)
    {
        if (_pages.TryGetValue(userName, out var known))
        {
            return known;
        }

        IPage page;
        if (_signedInOnce.Add(userName))
        {
            var context = await fixture.Browser.SignedInContextAsync(userName);
            _contexts.Add(context);
            page = await context.NewPageAsync();
        }
        else
        {
            page = await (await NewContextAsync()).NewPageAsync();
            await Pages.SignInAsync(page, userName);
        }

        page.PageError += (_, e) => _errors.Add(e);
        return _pages[userName] = page;
    }

    private async Task<IBrowserContext> NewContextAsync()
    {
        var context = await fixture.Browser.NewContextAsync();
        _contexts.Add(context);
        return context;
    }
}
