using System.Net;
using System.Text.Json;
using Ggzy.TestKit;
using Ggzy.Web.Tests.Identity;
using Shouldly;
using Xunit;

namespace Ggzy.Web.Tests.Opening;

/// <summary>
/// The opening settings (开标事项, docs/bid-opening.md §3) on the lot's documents page: the agency sets them before the
/// deadline through the same service and checks as <c>PUT …/opening/settings</c>; bad values are refused in Chinese with
/// the rule and change nothing; nobody else gets the form; after the deadline they are shown read-only.
/// </summary>
public sealed class OpeningSettingsFormHttpTests(GgzyApp app) : IClassFixture<GgzyApp>
{
    private const string SchoolProject = "安和市第三中学教学楼建设工程";
    private const string ParkProject = "安和市东湖公园景观提升工程";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<string> LotIdAsync(HttpClient client, string project, string? lotName = null)
    {
        var lots = await (await client.GetPathAsync("/api/v1/trading/lots")).JsonAsync();
        return lots.EnumerateArray().First(l => l.GetProperty("projectName").GetString() == project
            && (lotName is null || l.GetProperty("lotName").GetString() == lotName)).GetProperty("lotId").GetString()!;
    }

    private static Task<HttpResponseMessage> PostSettingsAsync(HttpClient client, string lotId, string items, string minutes, string fallback,
        string reference, string max) =>
        client.PostFormAsync($"/Trading/Lots/Documents/{lotId}", $"/Trading/Lots/Documents/{lotId}?handler=Opening", new Dictionary<string, string>
        {
            ["OpeningForm.Items"] = items,
            ["OpeningForm.DecryptionMinutes"] = minutes,
            ["OpeningForm.Fallback"] = fallback,
            ["OpeningForm.ReferencePrice"] = reference,
            ["OpeningForm.MaxPrice"] = max,
        });

    private static async Task<JsonElement> SettingsAsync(HttpClient client, string lotId) =>
        await (await client.GetPathAsync($"/api/v1/trading/lots/{lotId}/opening/settings")).JsonAsync();

    [Fact]
    public async Task Agency_SetsTheOpeningSettings_OnTheDocumentsPage_AsThroughTheApi()
    {
        var agency = await app.SignInAsync("agency");
        var lotId = await LotIdAsync(agency, SchoolProject, "施工");
        var page = await (await agency.GetPathAsync($"/Trading/Lots/Documents/{lotId}")).HtmlAsync();
        page.ShouldContain("data-testid=\"opening-settings-form\"");
        page.ShouldContain("项目负责人");

        var saved = await PostSettingsAsync(agency, lotId, "工期\n质量\n项目经理\n", "45", "解密失败的，可在解密时间内到交易中心用备份光盘解密。",
            "16,800,000.00", "17000000");
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect, await saved.HtmlAsync());
        var after = await (await agency.GetPathAsync(saved.Headers.Location!.OriginalString)).HtmlAsync();
        after.ShouldContain("开标事项已保存");
        after.ShouldContain("工期、质量、项目经理");

        var settings = await SettingsAsync(agency, lotId);
        settings.GetProperty("items").EnumerateArray().Select(i => i.GetString()).ShouldBe(["工期", "质量", "项目经理"]);
        settings.GetProperty("decryptionMinutes").GetInt32().ShouldBe(45);
        settings.GetProperty("fallback").GetString()!.ShouldContain("备份光盘");
        settings.GetProperty("referencePrice").GetDecimal().ShouldBe(16_800_000m);
        settings.GetProperty("maxPrice").GetDecimal().ShouldBe(17_000_000m);
        settings.GetProperty("updatedBy").GetString().ShouldBe("agency");
        var code = (await (await agency.GetPathAsync($"/api/v1/trading/lots/{lotId}/documents")).JsonAsync()).GetProperty("lotTradeCode").GetString();
        (await app.LedgerTypesAsync($"lot:{code}")).ShouldContain("trading.opening.settings-set");

        // Emptying the window takes the platform's default again.
        var again = await PostSettingsAsync(agency, lotId, "工期", "", "", "", "");
        again.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        settings = await SettingsAsync(agency, lotId);
        settings.GetProperty("decryptionMinutesDefault").GetBoolean().ShouldBeTrue();
        settings.GetProperty("referencePrice").ValueKind.ShouldBe(JsonValueKind.Null);
        settings.GetProperty("fallback").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public async Task BadSettings_AreRefusedInChinese_WithTheRule_AndChangeNothing()
    {
        var tenderer = await app.SignInAsync("tenderer");
        var lotId = await LotIdAsync(tenderer, SchoolProject, "施工");
        var before = (await SettingsAsync(tenderer, lotId)).GetRawText();
        var code = (await (await tenderer.GetPathAsync($"/api/v1/trading/lots/{lotId}/documents")).JsonAsync()).GetProperty("lotTradeCode").GetString();
        var ledger = (await app.LedgerTypesAsync($"lot:{code}")).Count;

        var cases = new (string Items, string Minutes, string Reference, string Max, string[] Shown)[]
        {
            ("工期", "5", "", "", ["解密时限：15 至 240 分钟", "《电子招标投标办法》第三十条"]),
            ("工期", "三十", "", "", ["解密时限请填写 15 至 240 之间的整数"]),
            ("工期", "", "一百万", "", ["标底请填写金额"]),
            ("工期", "", "6000000", "5000000", ["标底不得高于最高投标限价", "第二十七条"]),
            (string.Join("\n", Enumerable.Range(1, 21).Select(i => $"事项{i}")), "", "", "", ["最多 20 项", "第三十六条"]),
            ("工期\n工期", "", "", "", ["不得重复"]),
        };
        foreach (var (items, minutes, reference, max, shown) in cases)
        {
            var response = await PostSettingsAsync(tenderer, lotId, items, minutes, "", reference, max);
            response.StatusCode.ShouldBe(HttpStatusCode.OK, $"{items} {minutes} {reference} {max}");
            var html = await response.HtmlAsync();
            foreach (var text in shown)
            {
                html.ShouldContain(text, Case.Sensitive, $"{items} {minutes} {reference} {max}");
            }

            html.ShouldContain("data-testid=\"opening-settings-form\"");
        }

        (await SettingsAsync(tenderer, lotId)).GetRawText().ShouldBe(before);
        (await app.LedgerTypesAsync($"lot:{code}")).Count.ShouldBe(ledger);
    }

    [Fact]
    public async Task OnlyThoseWhoRunTheLot_GetTheForm_AndAfterTheDeadlineTheSettingsAreReadOnly()
    {
        foreach (var user in new[] { "bidder", "clerk", "supervisor.housing" })
        {
            var client = await app.SignInAsync(user);
            var lotId = await LotIdAsync(client, SchoolProject, "施工");
            var page = await (await client.GetPathAsync($"/Trading/Lots/Documents/{lotId}")).HtmlAsync();
            page.ShouldNotContain("opening-settings", Case.Sensitive, user);
            page.ShouldNotContain("标底", Case.Sensitive, user);
            var posted = await PostSettingsAsync(client, lotId, "工期", "60", "", "", "");
            posted.StatusCode.ShouldBe(HttpStatusCode.Forbidden, user);
        }

        var agency = await app.SignInAsync("agency");

        // A draft lot has its documents page, and nothing to open yet.
        var draft = await LotIdAsync(agency, SchoolProject, "监理");
        var draftPage = await agency.GetPathAsync($"/Trading/Lots/Documents/{draft}");
        draftPage.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await draftPage.HtmlAsync()).ShouldNotContain("opening-settings");

        var park = await LotIdAsync(agency, ParkProject, "照明及给排水施工");
        var shown = await (await agency.GetPathAsync($"/Trading/Lots/Documents/{park}")).HtmlAsync();
        shown.ShouldContain("data-testid=\"opening-settings-readonly\"");
        shown.ShouldContain("240 分钟");
        shown.ShouldNotContain("data-testid=\"opening-settings-form\"");

        var refused = await PostSettingsAsync(agency, park, "工期", "60", "", "", "");
        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await refused.HtmlAsync();
        html.ShouldContain("不能再修改");
        html.ShouldContain("第二十一条");
        (await SettingsAsync(agency, park)).GetProperty("decryptionMinutes").GetInt32().ShouldBe(240);
        (await SettingsAsync(agency, park)).GetProperty("editable").GetBoolean().ShouldBeFalse();
    }
}
