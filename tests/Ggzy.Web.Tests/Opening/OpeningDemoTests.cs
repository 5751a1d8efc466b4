using System.Text.Json;
using Ggzy.TestKit;
using Ggzy.Web.Tests.Identity;
using Shouldly;
using Xunit;

namespace Ggzy.Web.Tests.Opening;

/// <summary>The demo shows a newcomer an opening in each state: published, failed with fewer than three bids, decrypting.</summary>
public sealed class OpeningDemoTests(GgzyApp app) : IClassFixture<GgzyApp>
{
    [Fact]
    public async Task Demo_HasAPublishedRecord_AFailedLot_AndAnOpenDecryptionWindow()
    {
        var published = await (await app.CreateAnonymousClient().GetPathAsync("/api/v1/trading/openings/published")).JsonAsync();
        var record = published.EnumerateArray().Where(r => r.GetProperty("projectName").GetString() == "安和市东湖公园景观提升工程").ShouldHaveSingleItem();
        var detail = await (await app.CreateAnonymousClient().GetPathAsync($"/api/v1/trading/openings/published/{record.GetProperty("lotId").GetString()}")).JsonAsync();
        var json = JsonDocument.Parse(detail.GetProperty("record").GetProperty("recordJson").GetString()!).RootElement;
        json.GetProperty("bids").GetArrayLength().ShouldBe(3);
        json.GetProperty("referencePrice").GetString().ShouldBe("6520000.00");
        detail.GetProperty("objections").EnumerateArray().ShouldHaveSingleItem().GetProperty("answer").GetString().ShouldNotBeNullOrEmpty();

        var clerk = await app.SignInAsync("clerk");
        var lots = (await (await clerk.GetPathAsync("/api/v1/trading/lots")).JsonAsync()).EnumerateArray()
            .Where(l => l.GetProperty("projectName").GetString() == "安和市东湖公园景观提升工程").ToList();
        lots.Count.ShouldBe(3);
        var stages = new List<string>();
        foreach (var lot in lots)
        {
            var hall = await (await clerk.GetPathAsync($"/api/v1/trading/lots/{lot.GetProperty("lotId").GetString()}/opening")).JsonAsync();
            stages.Add(hall.GetProperty("stage").GetString()!);
            if (hall.GetProperty("stage").GetString() == "decrypting")
            {
                hall.GetProperty("bids").EnumerateArray().Select(b => b.GetProperty("outcome").GetString()).ShouldBe(["decrypted", "pending", "pending"]);
            }
        }

        stages.Order(StringComparer.Ordinal).ShouldBe(["closed", "decrypting", "not-opened"]);

        // The existing pages show these lots as they show any other.
        var agency = await app.SignInAsync("agency");
        foreach (var lot in lots)
        {
            var id = lot.GetProperty("lotId").GetString();
            foreach (var (client, path) in new[] { (agency, $"/Trading/Lots/Details/{id}"), (agency, $"/Trading/Lots/Documents/{id}"), (clerk, $"/Trading/Lots/Details/{id}") })
            {
                var page = await client.GetPathAsync(path);
                page.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK, path);
            }
        }

        var bidder = await app.SignInAsync("bidder2");
        (await bidder.GetPathAsync("/Trading/Notices")).StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
        (await bidder.GetPathAsync("/Trading/Bids")).StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
    }
}
