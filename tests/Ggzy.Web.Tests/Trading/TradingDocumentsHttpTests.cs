using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Ggzy.TestKit;
using Ggzy.Web.Tests.Identity;
using Shouldly;
using Xunit;

namespace Ggzy.Web.Tests.Trading;

/// <summary>
/// Tender documents over HTTP on the demo data (安和市第三中学教学楼建设工程 施工 on sale, bids due in 30 days):
/// downloads by market entities, the download log refused to every role before the deadline, clarifications into
/// the downloaders' notices, objections that pause the lot until answered, uploads of the procurement lot.
/// </summary>
public sealed class TradingDocumentsHttpTests(GgzyApp app) : IClassFixture<GgzyApp>
{
    private const string Lots = "/api/v1/trading/lots";

    private static readonly string[] Staff = ["tenderer", "agency", "clerk", "admin", "regulator", "supervisor.housing", "supervisor.finance", "bidder", "bidder2"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<JsonElement> LotAsync(HttpClient client, string projectName)
    {
        var lots = await (await client.GetPathAsync(Lots)).JsonAsync();
        return lots.EnumerateArray().First(l => l.GetProperty("projectName").GetString() == projectName);
    }

    private async Task<(HttpClient Client, string LotId)> SchoolLotAsync(string user)
    {
        var client = await app.SignInAsync(user);
        var lot = await LotAsync(client, "安和市第三中学教学楼建设工程");
        return (client, lot.GetProperty("lotId").GetString()!);
    }

    [Fact]
    public async Task Bidder_DownloadsTheDocumentsOnSale_WithoutAnyOtherStep()
    {
        var (bidder, lotId) = await SchoolLotAsync("bidder");
        var view = await (await bidder.GetPathAsync($"{Lots}/{lotId}/documents")).JsonAsync();
        var document = view.GetProperty("documents").EnumerateArray()
            .First(d => d.GetProperty("fileName").GetString()!.EndsWith(".pdf", StringComparison.Ordinal));

        var response = await bidder.GetPathAsync($"{Lots}/{lotId}/documents/{document.GetProperty("id").GetString()}/content");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        (await response.Content.ReadAsByteArrayAsync(Ct)).Length.ShouldBe(document.GetProperty("size").GetInt32());
        view.GetProperty("downloadLog").ValueKind.ShouldBe(JsonValueKind.Null);
        view.GetProperty("downloadLogNote").GetString()!.ShouldContain("第二十一条");
    }

    [Fact]
    public async Task DownloadLog_BeforeTheDeadline_IsRefusedToEveryRole_InChinese()
    {
        foreach (var user in Staff)
        {
            var (client, lotId) = await SchoolLotAsync(user);
            var response = await client.GetPathAsync($"{Lots}/{lotId}/downloads");

            response.StatusCode.ShouldBe(HttpStatusCode.Forbidden, user);
            (await response.HtmlAsync()).ShouldContain("第二十一条", Case.Sensitive, user);
            var page = await (await client.GetPathAsync($"/Trading/Lots/Documents/{lotId}")).HtmlAsync();
            page.ShouldContain("download-log-note", Case.Sensitive, user);
            page.ShouldNotContain("data-testid=\"download-log\"", Case.Sensitive, user);
            page.ShouldNotContain("家单位下载", Case.Sensitive, user);
        }

        var (agency, id) = await SchoolLotAsync("agency");
        var observer = await app.SignInAsync("observer");
        (await observer.GetPathAsync($"{Lots}/{id}/downloads")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await app.CreateAnonymousClient().GetPathAsync($"{Lots}/{id}/downloads")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await agency.GetPathAsync($"{Lots}/{id}/documents")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task CenterStaff_MayNotDownload_AndABidderMayNotUpload()
    {
        var (clerk, lotId) = await SchoolLotAsync("clerk");
        var view = await (await clerk.GetPathAsync($"{Lots}/{lotId}/documents")).JsonAsync();
        var documentId = view.GetProperty("documents")[0].GetProperty("id").GetString();

        (await clerk.GetPathAsync($"{Lots}/{lotId}/documents/{documentId}/content")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var (bidder, _) = await SchoolLotAsync("bidder");
        using var form = Upload("x.pdf");
        (await bidder.PostAsync(new Uri($"{Lots}/{lotId}/documents", UriKind.Relative), form, Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Tenderer_UploadsToTheAnnouncedProcurementLot_AndAWrongTypeIsRefusedWithTheAllowedList()
    {
        var tenderer = await app.SignInAsync("tenderer");
        var lotId = (await LotAsync(tenderer, "安和市政务服务中心办公设备采购项目")).GetProperty("lotId").GetString();

        using var wrong = Upload("清单.exe");
        var refused = await tenderer.PostAsync(new Uri($"{Lots}/{lotId}/documents", UriKind.Relative), wrong, Ct);
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await refused.HtmlAsync()).ShouldContain(".ofd");

        using var right = Upload("采购需求.pdf");
        var created = await tenderer.PostAsync(new Uri($"{Lots}/{lotId}/documents", UriKind.Relative), right, Ct);
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await created.JsonAsync()).GetProperty("kind").GetString().ShouldBe("采购文件");
    }

    [Fact]
    public async Task Clarification_ReachesTheDownloadersNotices_AndAnObjectionPausesTheLotUntilAnswered()
    {
        var (bidder2, lotId) = await SchoolLotAsync("bidder2");
        var before = (await (await bidder2.GetPathAsync("/api/v1/trading/notices")).JsonAsync()).GetProperty("unread").GetInt32();
        var (agency, _) = await SchoolLotAsync("agency");

        var proposal = await (await agency.GetPathAsync($"{Lots}/{lotId}/clarifications/proposal")).JsonAsync();
        proposal.GetProperty("mustMove").GetBoolean().ShouldBeFalse();
        var clarified = await agency.PostJsonAsync($"{Lots}/{lotId}/clarifications", new { text = "开标地点改为交易中心第二开标室。" });
        clarified.StatusCode.ShouldBe(HttpStatusCode.OK);
        var inbox = await (await bidder2.GetPathAsync("/api/v1/trading/notices")).JsonAsync();
        inbox.GetProperty("unread").GetInt32().ShouldBe(before + 1);

        var objection = await bidder2.PostJsonAsync($"{Lots}/{lotId}/objections", new { text = "评标办法中的业绩分值设置不合理。" });
        objection.StatusCode.ShouldBe(HttpStatusCode.OK);
        var raised = await objection.JsonAsync();
        (await (await agency.GetPathAsync($"{Lots}/{lotId}/documents")).JsonAsync()).GetProperty("state").GetString().ShouldBe("已暂停");
        var empty = await agency.PostJsonAsync($"/api/v1/trading/objections/{raised.GetProperty("id").GetString()}/answer", new { answer = "" });
        empty.StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        var answered = await agency.PostJsonAsync($"/api/v1/trading/objections/{raised.GetProperty("id").GetString()}/answer", new { answer = "业绩分值已按规定调整，见澄清。" });

        answered.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await (await agency.GetPathAsync($"{Lots}/{lotId}/documents")).JsonAsync()).GetProperty("state").GetString().ShouldBe("文件发售中");
        (await (await bidder2.GetPathAsync("/api/v1/trading/notices")).JsonAsync()).GetProperty("unread").GetInt32().ShouldBe(before + 2);
    }

    [Fact]
    public async Task Objection_ByAnEntityThatDidNotDownload_Is422WithTheArticle()
    {
        var tenderer = await app.SignInAsync("tenderer");
        var lotId = (await LotAsync(tenderer, "安和市第三中学教学楼建设工程")).GetProperty("lotId").GetString();
        var (bidder, _) = await SchoolLotAsync("bidder");

        // The demo bidders downloaded the works lot; the procurement lot is only announced and nobody downloaded it.
        var procurement = (await LotAsync(bidder, "安和市政务服务中心办公设备采购项目")).GetProperty("lotId").GetString();
        var response = await bidder.PostJsonAsync($"{Lots}/{procurement}/objections", new { text = "采购需求指向特定品牌。" });

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await response.HtmlAsync()).ShouldContain("第二十二条");
        lotId.ShouldNotBe(procurement);
    }

    private static MultipartFormDataContent Upload(string fileName)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent("%PDF-1.4 测试"u8.ToArray());
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "file", fileName);
        return form;
    }
}
