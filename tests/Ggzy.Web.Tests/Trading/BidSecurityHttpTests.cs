using System.Globalization;
using System.Net;
using System.Text.Json;
using Ggzy.Platform.Demo;
using Ggzy.TestKit;
using Ggzy.Web.Tests.Identity;
using Shouldly;
using Xunit;

namespace Ggzy.Web.Tests.Trading;

/// <summary>
/// Bid security over HTTP (R12) on the demo: the center sees every receipt and security; a bidder only its own; the
/// tenderer's agency nothing of them before the deadline; a bidder registers a 电子保函 with its file.
/// </summary>
public sealed class BidSecurityHttpTests(GgzyApp app) : IClassFixture<GgzyApp>
{
    private const string Security = "/api/v1/trading/security";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Code(string key) => DemoAccounts.Organizations.Single(o => o.Key == key).CreditCode!;

    private async Task<string> SchoolWorksLotAsync()
    {
        var clerk = await app.SignInAsync("clerk");
        var receipts = await (await clerk.GetPathAsync($"{Security}/receipts?status=Matched")).JsonAsync();
        return receipts.EnumerateArray().First().GetProperty("lotId").GetString()!;
    }

    [Fact]
    public async Task Center_SeesTheDemoReceipts_MatchedAndUnmatchedWithTheReason()
    {
        var clerk = await app.SignInAsync("clerk");

        var receipts = await (await clerk.GetPathAsync($"{Security}/receipts")).JsonAsync();

        var all = receipts.EnumerateArray().ToList();
        all.Count(r => r.GetProperty("status").GetString() == "Matched").ShouldBeGreaterThanOrEqualTo(2);
        var unmatched = all.Single(r => r.GetProperty("status").GetString() == "Unmatched");
        unmatched.GetProperty("note").GetString()!.ShouldContain("不是已在平台注册的市场主体");
    }

    [Fact]
    public async Task Securities_BidderSeesItsOwn_AgencyNothingBeforeTheDeadline_CenterAll()
    {
        var lot = await SchoolWorksLotAsync();

        var center = await (await (await app.SignInAsync("clerk")).GetPathAsync($"{Security}/lots/{lot}/securities")).JsonAsync();
        var codes = center.GetProperty("deposits").EnumerateArray().Select(d => d.GetProperty("creditCode").GetString()).ToList();
        codes.ShouldContain(Code("bidder1"));
        codes.ShouldContain(Code("bidder2"));

        var mine = await (await (await app.SignInAsync("bidder")).GetPathAsync($"{Security}/lots/{lot}/mine")).JsonAsync();
        mine.GetProperty("deposits").EnumerateArray().Select(d => d.GetProperty("creditCode").GetString()).ShouldBe([Code("bidder1")]);
        mine.GetProperty("guarantees").EnumerateArray().ShouldAllBe(g => g.GetProperty("creditCode").GetString() == Code("bidder1"));

        var agency = await app.SignInAsync("agency");
        var terms = await (await agency.GetPathAsync($"{Security}/lots/{lot}/terms")).JsonAsync();
        terms.GetProperty("deposits").ValueKind.ShouldBe(JsonValueKind.Null);
        terms.GetProperty("guarantees").ValueKind.ShouldBe(JsonValueKind.Null);
        terms.GetProperty("notice").GetString()!.ShouldContain("第二十二条");
        terms.GetProperty("terms").GetProperty("amount").GetDecimal().ShouldBe(300_000m);
        (await agency.GetPathAsync($"{Security}/lots/{lot}/securities")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await agency.GetPathAsync($"{Security}/receipts")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Bidder_RegistersAGuarantee_WithItsPdf_ThenSeesItAndDownloadsIt_ButATooSmallOneIsRefused()
    {
        var lot = await SchoolWorksLotAsync();
        var bidder = await app.SignInAsync("bidder");
        var mine = await (await bidder.GetPathAsync($"{Security}/lots/{lot}/mine")).JsonAsync();
        var deadline = DateOnly.FromDateTime(mine.GetProperty("lot").GetProperty("deadline").GetDateTimeOffset().ToOffset(TimeSpan.FromHours(8)).DateTime);

        var small = await PostGuaranteeAsync(bidder, lot, "AHRX-BH-HTTP-0001", "1000", deadline);
        small.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await small.Content.ReadAsStringAsync(Ct)).ShouldContain("低于招标文件要求的投标保证金");

        var created = await PostGuaranteeAsync(bidder, lot, "AHRX-BH-HTTP-0002", "300000", deadline);
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var guarantee = await created.JsonAsync();
        guarantee.GetProperty("digest").GetString()!.Length.ShouldBe(64);

        var file = await bidder.GetPathAsync(created.Headers.Location!.OriginalString);
        file.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await file.Content.ReadAsByteArrayAsync(Ct)).ShouldBe(Pdf);
        var other = await app.SignInAsync("bidder2");
        (await other.GetPathAsync(created.Headers.Location!.OriginalString)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Import_AMalformedFile_Is400InChinese_AndRefundsListTheDemoDuty()
    {
        var clerk = await app.SignInAsync("clerk");

        var bad = await clerk.PostJsonAsync($"{Security}/receipts/import", new { format = "ggzy.bank-receipts.v1", receipts = new[] { new { receiptNumber = "X-1" } } });

        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await bad.Content.ReadAsStringAsync(Ct)).ShouldContain("第 1 张回单");
        var refunds = await (await clerk.GetPathAsync($"{Security}/refunds")).JsonAsync();
        var duty = refunds.EnumerateArray().ShouldHaveSingleItem();
        duty.GetProperty("state").GetString().ShouldBe("Due");
        duty.GetProperty("citation").GetString().ShouldBe("《中华人民共和国招标投标法实施条例》第三十五条");
    }

    private static readonly byte[] Pdf = "%PDF-1.4\n% guarantee\n%%EOF\n"u8.ToArray();

    private static Task<HttpResponseMessage> PostGuaranteeAsync(HttpClient client, string lot, string number, string amount, DateOnly deadline)
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent("安和融信融资担保有限公司"), "issuer" },
            { new StringContent(number), "number" },
            { new StringContent(amount), "amount" },
            { new StringContent(deadline.AddDays(-20).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), "validFrom" },
            { new StringContent(deadline.AddDays(100).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), "validUntil" },
            { new ByteArrayContent(Pdf), "file", "保函.pdf" },
        };
        return client.PostAsync(new Uri($"{Security}/lots/{lot}/guarantees", UriKind.Relative), form, Ct);
    }
}
