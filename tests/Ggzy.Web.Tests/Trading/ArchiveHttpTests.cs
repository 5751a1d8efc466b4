using System.Net;
using System.Text;
using System.Text.Json;
using Ggzy.Sealing.Archive;
using Ggzy.Sealing.Pki;
using Ggzy.TestKit;
using Ggzy.Web.Tests.Bids;
using Ggzy.Web.Tests.Identity;
using Shouldly;
using Xunit;

namespace Ggzy.Web.Tests.Trading;

/// <summary>
/// The archive over HTTP on the demo (docs/archive.md §8): the failed 园路及铺装 lot is archived and re-tendered; its
/// package is downloaded free by the tenderer, the agency, the center's staff, the Regulator and a supervisor (each
/// download on the Ledger), refused with a Chinese reason to a bidder and a social supervisor; the downloaded package verifies with the platform's
/// published key and fails after one changed byte. Terminating a lot publishes its 终止公告 on the portal.
/// </summary>
public sealed class ArchiveHttpTests(GgzyApp app) : IClassFixture<GgzyApp>
{
    private const string Park = "安和市东湖公园景观提升工程";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<JsonElement> DemoArchiveAsync(HttpClient client)
    {
        var list = await (await client.GetPathAsync("/api/v1/trading/archives")).JsonAsync();
        return list.EnumerateArray().Single(a => a.GetProperty("projectName").GetString() == Park && a.GetProperty("lotName").GetString() == "园路及铺装施工");
    }

    [Fact]
    public async Task TheOwnersAndSupervisors_DownloadFree_EachOnTheLedger_OthersAreRefusedInChinese()
    {
        var tenderer = await app.SignInAsync("tenderer");
        var archive = await DemoArchiveAsync(tenderer);
        var lotId = archive.GetProperty("lotId").GetString()!;
        var code = archive.GetProperty("lotTradeCode").GetString()!;
        archive.GetProperty("outcome").GetString().ShouldBe("招标失败");
        var before = (await app.LedgerTypesAsync($"lot:{code}")).Count(t => t == "trading.archive.downloaded");

        foreach (var user in new[] { "tenderer", "agency", "clerk", "admin", "regulator", "supervisor.housing" })
        {
            var client = await app.SignInAsync(user);
            var response = await client.GetPathAsync($"/api/v1/trading/archives/{lotId}/package");
            response.StatusCode.ShouldBe(HttpStatusCode.OK, user);
            response.Content.Headers.ContentType!.MediaType.ShouldBe("application/zip");
            (await response.Content.ReadAsByteArrayAsync(Ct)).Length.ShouldBe(archive.GetProperty("size").GetInt32());
            (await client.GetPathAsync($"/Trading/Archive/{lotId}")).StatusCode.ShouldBe(HttpStatusCode.OK, user);
        }

        (await app.LedgerTypesAsync($"lot:{code}")).Count(t => t == "trading.archive.downloaded").ShouldBe(before + 6);

        foreach (var user in new[] { "bidder", "observer" })
        {
            var client = await app.SignInAsync(user);
            var refused = await client.GetPathAsync($"/api/v1/trading/archives/{lotId}/package");
            refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden, user);
            refused.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
            (await refused.JsonAsync()).GetProperty("detail").GetString()!.ShouldContain("归档包只免费提供给本项目的招标人");
            (await client.GetPathAsync($"/api/v1/trading/archives/{lotId}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
            (await client.GetPathAsync($"/Trading/Archive/{lotId}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        }

        (await app.CreateAnonymousClient().GetPathAsync($"/api/v1/trading/archives/{lotId}/package")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await app.LedgerTypesAsync($"lot:{code}")).Count(t => t == "trading.archive.downloaded").ShouldBe(before + 6);
    }

    [Fact]
    public async Task TheDownloadedPackage_VerifiesWithThePublishedKey_AndFailsAfterOneChangedByte()
    {
        var agency = await app.SignInAsync("agency");
        var lotId = (await DemoArchiveAsync(agency)).GetProperty("lotId").GetString()!;
        var package = await (await agency.GetPathAsync($"/api/v1/trading/archives/{lotId}/package")).Content.ReadAsByteArrayAsync(Ct);
        var detail = await (await agency.GetPathAsync($"/api/v1/trading/archives/{lotId}")).JsonAsync();
        var key = PublicKey.Parse(Encoding.ASCII.GetBytes(detail.GetProperty("platformKeyPem").GetString()!));
        var published = await (await (await app.SignInAsync("bidder")).GetPathAsync("/api/v1/trading/bids/receipt-key")).JsonAsync();
        published.GetProperty("publicKeyPem").GetString().ShouldBe(detail.GetProperty("platformKeyPem").GetString());

        var verification = ArchiveVerifier.Verify(new MemoryStream(package), "lot.zip", key);
        verification.IsIntact.ShouldBeTrue(string.Join("\n", verification.Faults));
        verification.Manifest!.Procedure.Outcome.ShouldBe("failed");
        verification.Manifest.Entries.Select(e => e.Path).ShouldContain("05-开标记录/不予开标记录.json");
        verification.Manifest.Entries.Count(e => e.Kind == "bid" && e.Path.EndsWith(".gse", StringComparison.Ordinal)).ShouldBe(2);
        verification.Manifest.Entries.ShouldContain(e => e.Kind == "ledger-extract");

        detail.GetProperty("sm3").GetString()!.Length.ShouldBe(64);
        detail.GetProperty("entries").GetArrayLength().ShouldBe(verification.Manifest.Entries.Count);
        detail.GetProperty("reason").GetString()!.ShouldContain("不得开标");

        var changed = (byte[])package.Clone();
        changed[changed.Length / 3] ^= 0x01;
        ArchiveVerifier.Verify(new MemoryStream(changed), "lot.zip", key).IsIntact.ShouldBeFalse();
    }

    [Fact]
    public async Task TheFailedLot_IsReTenderedOnce_AndTheLinkIsShownBothWays()
    {
        var agency = await app.SignInAsync("agency");
        var lotId = (await DemoArchiveAsync(agency)).GetProperty("lotId").GetString()!;
        var links = await (await agency.GetPathAsync($"/api/v1/trading/lots/{lotId}/retender")).JsonAsync();
        var next = links.GetProperty("retenderedAs");
        next.GetProperty("name").GetString().ShouldBe("园路及铺装施工");
        var nextId = next.GetProperty("lotId").GetString()!;
        var back = await (await agency.GetPathAsync($"/api/v1/trading/lots/{nextId}/retender")).JsonAsync();
        back.GetProperty("retenderedFrom").GetProperty("lotId").GetString().ShouldBe(lotId);
        back.GetProperty("retenderedFrom").GetProperty("reason").GetString()!.ShouldContain("少于 3 个");
        var procedure = await (await agency.GetPathAsync($"/api/v1/trading/lots/{nextId}")).JsonAsync();
        procedure.GetProperty("state").GetString().ShouldBe("Draft");
        procedure.GetProperty("estimatedAmount").GetDecimal().ShouldBe(2_900_000m);

        (await (await agency.GetPathAsync($"/Trading/Lots/Details/{nextId}")).HtmlAsync()).ShouldContain("重新招标而来");
        (await (await agency.GetPathAsync($"/Trading/Lots/Details/{lotId}")).HtmlAsync()).ShouldContain("本标段已重新招标");
        await (await agency.PostJsonAsync($"/api/v1/trading/lots/{lotId}/retender", new { })).ShouldBeRefusedAsync("LOT_RETENDER_REFUSED");
    }

    [Fact]
    public async Task Termination_PublishesTheNotice_WithTheReason_OnThePortal()
    {
        var agency = await app.SignInAsync("agency");
        var lots = await (await agency.GetPathAsync("/api/v1/trading/lots")).JsonAsync();
        var lot = lots.EnumerateArray().Single(l => l.GetProperty("projectName").GetString() == Park && l.GetProperty("lotName").GetString() == "照明及给排水施工");
        var lotId = lot.GetProperty("lotId").GetString()!;

        var form = await (await agency.GetPathAsync($"/api/v1/trading/lots/{lotId}")).JsonAsync();
        form.GetProperty("terminationGrounds").EnumerateArray().Select(g => g.GetProperty("code").GetString())
            .ShouldBe(["no-disposal-right", "project-idle", "other"]);

        // Without a ground, or with procurement's ground on a 工程 lot: refused, naming the grounds allowed; nothing changes.
        var none = await agency.PostJsonAsync($"/api/v1/trading/lots/{lotId}/terminate", new { reason = "项目取消。" });
        var noneBody = await none.Content.ReadAsStringAsync(Ct);
        await none.ShouldBeRefusedAsync("LOT_TERMINATION_GROUND", HttpStatusCode.BadRequest);
        noneBody.ShouldContain("no-disposal-right");
        noneBody.ShouldContain("第十七条");
        var wrong = await agency.PostJsonAsync($"/api/v1/trading/lots/{lotId}/terminate", new { ground = "procurement-cancelled", reason = "项目取消。" });
        (await wrong.Content.ReadAsStringAsync(Ct)).ShouldContain("“procurement-cancelled”不是工程建设项目招标可以终止的法定情形");
        await wrong.ShouldBeRefusedAsync("LOT_TERMINATION_GROUND", HttpStatusCode.BadRequest);
        (await agency.PostJsonAsync($"/api/v1/trading/lots/{lotId}/terminate", new { ground = "no-disposal-right", reason = " " })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await (await agency.GetPathAsync($"/api/v1/trading/lots/{lotId}")).JsonAsync()).GetProperty("state").GetString().ShouldNotBe("Terminated");

        // 工程: the termination waits for the supervisory department's confirmation (Jilin-Rules §17); no notice before it.
        var asked = await agency.PostJsonAsync($"/api/v1/trading/lots/{lotId}/terminate",
            new { ground = "no-disposal-right", reason = "项目所在地块规划调整，经有关部门认定招标人无权继续处置。" });
        asked.StatusCode.ShouldBe(HttpStatusCode.Accepted, await asked.Content.ReadAsStringAsync(Ct));
        (await asked.JsonAsync()).GetProperty("state").GetString().ShouldBe("pending");
        var waiting = await (await agency.GetPathAsync($"/api/v1/trading/lots/{lotId}")).JsonAsync();
        waiting.GetProperty("state").GetString().ShouldNotBe("Terminated");
        waiting.GetProperty("terminationRequest").GetProperty("state").GetString().ShouldBe("pending");
        waiting.GetProperty("announcements").EnumerateArray().ShouldNotContain(a => a.GetProperty("kind").GetString() == "Termination");
        await (await agency.PostJsonAsync($"/api/v1/trading/lots/{lotId}/terminate", new { ground = "other", reason = "再次申请。" }))
            .ShouldBeRefusedAsync("LOT_TERMINATION_PENDING", HttpStatusCode.Conflict);
        (await agency.PostJsonAsync($"/api/v1/trading/lots/{lotId}/termination/confirm", new { })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        // Refused with a reason, the procedure goes on; asked again and confirmed, the lot is terminated and the notice published.
        var supervisor = await app.SignInAsync("supervisor.housing");
        (await supervisor.PostJsonAsync($"/api/v1/trading/lots/{lotId}/termination/refuse", new { })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await supervisor.PostJsonAsync($"/api/v1/trading/lots/{lotId}/termination/refuse", new { note = "请补充有关部门的认定文书。" })).StatusCode
            .ShouldBe(HttpStatusCode.NoContent);
        (await (await agency.GetPathAsync($"/api/v1/trading/lots/{lotId}")).JsonAsync()).GetProperty("terminationRequest").GetProperty("state").GetString().ShouldBe("refused");
        (await agency.PostJsonAsync($"/api/v1/trading/lots/{lotId}/terminate",
            new { ground = "no-disposal-right", reason = "项目所在地块规划调整，经有关部门认定招标人无权继续处置。" })).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        (await (await supervisor.GetPathAsync($"/Trading/Lots/Details/{lotId}")).HtmlAsync()).ShouldContain("确认终止");
        var confirmed = await supervisor.PostJsonAsync($"/api/v1/trading/lots/{lotId}/termination/confirm", new { note = "已核实认定文书。" });
        confirmed.StatusCode.ShouldBe(HttpStatusCode.NoContent, await confirmed.Content.ReadAsStringAsync(Ct));
        await (await supervisor.PostJsonAsync($"/api/v1/trading/lots/{lotId}/termination/confirm", new { }))
            .ShouldBeRefusedAsync("LOT_TERMINATION_DECISION", HttpStatusCode.Conflict);
        var types = await app.LedgerTypesAsync($"lot:{lot.GetProperty("lotTradeCode").GetString()}");
        foreach (var type in new[] { "trading.lot.termination-requested", "trading.lot.termination-refused", "trading.lot.termination-confirmed", "trading.lot.terminated" })
        {
            types.ShouldContain(type);
        }

        var procedure = await (await agency.GetPathAsync($"/api/v1/trading/lots/{lotId}")).JsonAsync();
        procedure.GetProperty("state").GetString().ShouldBe("Terminated");
        procedure.GetProperty("terminationRequest").GetProperty("state").GetString().ShouldBe("confirmed");
        var notice = procedure.GetProperty("announcements").EnumerateArray().Single(a => a.GetProperty("kind").GetString() == "Termination");
        var html = await (await app.CreateAnonymousClient().GetPathAsync($"/Portal/Announcements/{notice.GetProperty("id").GetString()}")).HtmlAsync();
        html.ShouldContain("终止公告");
        html.ShouldContain("经有关部门认定招标人无权继续处置");
        html.ShouldContain("确认项目单位对其委托的交易项目无处理权");
        html.ShouldContain("《吉林市公共资源交易平台服务管理细则》第十七条第一项");
        html.ShouldContain("第三十一条");
        html.ShouldContain("经行政监督管理部门确认");
        var bidder = await app.SignInAsync("bidder");
        (await (await bidder.GetPathAsync("/Trading/Notices")).HtmlAsync()).ShouldContain("终止招标");
    }
}
