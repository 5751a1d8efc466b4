using Ggzy.TestKit;
using Microsoft.Playwright;
using Shouldly;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Ggzy.Browser.Tests;

/// <summary>
/// The failure paths of the lifecycle (issue 8), from the demo's 景观绿化施工 (东湖公园), whose opening has closed with three
/// bids and whose committee the demo's draw seated: a committee that rejects all bids (招标失败) and the re-tender, and a lot
/// terminated with its 终止公告 on the portal once its supervisory department confirms.
/// </summary>
public sealed class LifecycleFailureBrowserTests : LifecycleBrowserTestBase
{
    private const string ParkProject = "安和市东湖公园景观提升工程";

    [Fact]
    public async Task Tender_LowestPrice_AllRejected_Retender_AndATerminationNotice()
    {
        var lotId = await EvaluationReportBox.LotIdAsync(App.Services, ParkProject, "景观绿化施工");
        var roomUrl = $"/Trading/Evaluation/{lotId}";
        var agency = await SignedInAsync("agency");
        await agency.GotoAsync(roomUrl);
        await agency.Locator("#criteriaJson").FillAsync(LowestPriceCriteria);
        await agency.GetByRole(AriaRole.Button, new() { Name = "保存评标办法" }).ClickAsync();
        await Expect(agency.GetByTestId("message")).ToHaveTextAsync("评标办法已保存。");
        await agency.Locator("#representatives").FillAsync("tenderer");
        await agency.GetByRole(AriaRole.Button, new() { Name = "开启评标室" }).ClickAsync();
        await Expect(agency.GetByTestId("stage-label")).ToHaveTextAsync("推选主任");

        // The committee the demo's draw seated: four expert accounts, answered and signed in through the draw, and the
        // tenderer's representative, who signs in at the room; everyone elects the second drawn expert.
        var committee = await LifecycleSteps.SignedInCommitteeAsync(App.Services, lotId, 4);
        var members = new Dictionary<string, IPage>();
        foreach (var name in committee.Select(s => s.AccountUserName!).Append("tenderer"))
        {
            members[name] = await SignedInAsync(name);
            await members[name].GotoAsync(roomUrl);
        }

        await members["tenderer"].GetByTestId("sign-in-form").GetByRole(AriaRole.Button).ClickAsync();
        foreach (var page in members.Values)
        {
            await page.GotoAsync(roomUrl);
            await page.GetByTestId("members").Locator("tr", new() { HasText = committee[1].Pseudonym }).GetByRole(AriaRole.Button, new() { Name = "推选为主任" }).ClickAsync();
            await Expect(page.GetByTestId("message")).ToHaveTextAsync("已投票。");
        }

        // Qualification passes all; in compliance the experts fail two of the three bids, with ground and reason.
        var chair = members[committee[1].AccountUserName!];
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
        await LifecycleSteps.EveryMemberSignsReportAsync(members, chair, roomUrl, "评标结束（否决全部投标）");

        // The lot failed (招标失败); the agency re-tenders it from the lot page.
        var lotUrl = $"/Trading/Lots/Details/{lotId}";
        await agency.GotoAsync(lotUrl);
        await Expect(agency.GetByTestId("lot-state")).ToContainTextAsync("招标失败");
        await agency.GetByTestId("retender").ClickAsync();
        await agency.GotoAsync(lotUrl);
        await Expect(agency.GetByTestId("retendered-as")).ToContainTextAsync("景观绿化施工");

        // The failed lot's archive states the committee's reason.
        await App.RunProcedureClockAsync(Ct);
        var tenderer = await SignedInAsync("tenderer");
        await tenderer.GotoAsync($"/Trading/Archive/{lotId}");
        await Expect(tenderer.GetByTestId("archive-reason")).ToContainTextAsync("明显缺乏竞争");

        // Termination: the agency terminates the project's other lot with its reason; the 终止公告 is on the portal.
        var other = await EvaluationReportBox.LotIdAsync(App.Services, ParkProject, "照明及给排水施工");
        await agency.GotoAsync($"/Trading/Lots/Details/{other}");
        await agency.GetByLabel("终止的法定情形").SelectOptionAsync(new SelectOptionValue { Value = "other" });
        await agency.GetByLabel("原因（将记入程序记录").FillAsync("项目规划调整，照明及给排水工程并入市政改造项目，终止本次招标。");
        await agency.GetByRole(AriaRole.Button, new() { Name = "终止招标" }).ClickAsync();
        await Expect(agency.GetByTestId("termination-request")).ToBeVisibleAsync();
        await Expect(agency.GetByTestId("lot-state")).Not.ToContainTextAsync("已终止");

        // 吉林市细则 第十七条: a 工程 lot is terminated once the supervisory department confirms it.
        var supervisor = await SignedInAsync("supervisor.housing");
        await supervisor.GotoAsync($"/Trading/Lots/Details/{other}");
        await supervisor.GetByRole(AriaRole.Button, new() { Name = "确认终止" }).ClickAsync();
        await Expect(supervisor.GetByTestId("lot-state")).ToContainTextAsync("已终止");
        var visitor = await (await NewContextAsync()).NewPageAsync();
        await visitor.GotoAsync("/Portal/Announcements");
        await visitor.GetByLabel("公告类型").SelectOptionAsync(new SelectOptionValue { Label = "终止公告" });
        await visitor.Locator("[data-testid=portal-search]").ClickAsync();
        var title = ParkProject + "照明及给排水施工终止公告";
        await visitor.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        await Expect(visitor.Locator("[data-testid=announcement-title]")).ToHaveTextAsync(title);
        await Expect(visitor.Locator("body")).ToContainTextAsync("项目规划调整");
        await Expect(visitor.Locator("body")).ToContainTextAsync("其他应当终止交易的情形");
        Errors.ShouldBeEmpty();
    }
}
