using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ggzy.Platform.Alerts;
using Ggzy.Platform.Data;
using Ggzy.Platform.Ledger;
using Ggzy.TestKit;
using Ggzy.Web.Api;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace Ggzy.Web.Tests;

/// <summary>The Ledger's promises (architecture §2), on whichever provider GGZY_TEST_DATABASE names.</summary>
public sealed class LedgerTests(GgzyApp app) : IClassFixture<GgzyApp>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Append_ByConcurrentWriters_KeepsSequenceGaplessAndChainValid()
    {
        const int writers = 8;
        const int appendsEach = 25;

        // The factory starts its host on first use, and that is not thread-safe: start it before fanning out.
        var services = app.Services;
        await Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            var ledger = scope.ServiceProvider.GetRequiredService<LedgerWriter>();
            for (var i = 0; i < appendsEach; i++)
            {
                db.Alerts.Add(NewAlert($"concurrent:{w}:{i}"));
                await ledger.SaveChangesAsync(db, new LedgerDraft("test.concurrent", $"writer:{w}", new { i }), Ct);
            }
        }, Ct)));

        var entries = await ReadAllAsync();
        AssertChain(entries);
        var ours = entries.Where(e => e.Type == "test.concurrent").ToList();
        ours.Count.ShouldBe(writers * appendsEach);
        foreach (var writer in ours.GroupBy(e => e.Subject))
        {
            writer.Select(e => JsonDocument.Parse(e.Payload).RootElement.GetProperty("i").GetInt32())
                .ShouldBe(Enumerable.Range(0, appendsEach), "each writer's entries follow its commit order");
        }

        await using var check = app.Services.CreateAsyncScope();
        var alerts = await check.ServiceProvider.GetRequiredService<PlatformDbContext>().Alerts
            .CountAsync(a => a.Key.StartsWith("test:concurrent:"), Ct);
        alerts.ShouldBe(writers * appendsEach, "every change was saved with its entry");
    }

    [Fact]
    public async Task Append_WhenTheChangeViolatesAUniqueKey_WritesNoEntryAndLeavesNoGap()
    {
        await AppendAsync(NewAlert("duplicate"), new LedgerDraft("test.alert-raised", "alert:duplicate"));
        var before = await LastSequenceAsync();

        await Should.ThrowAsync<DbUpdateException>(
            () => AppendAsync(NewAlert("duplicate"), new LedgerDraft("test.alert-raised", "alert:duplicate-again")));

        (await LastSequenceAsync()).ShouldBe(before);
        var next = await AppendAsync(NewAlert("after-duplicate"), new LedgerDraft("test.alert-raised", "alert:after-duplicate"));
        next.Sequence.ShouldBe(before + 1);
        var entries = await ReadAllAsync();
        entries.ShouldNotContain(e => e.Subject == "alert:duplicate-again");
        AssertChain(entries);
    }

    [Fact]
    public async Task Append_WhenTheCallerRollsBack_WritesNoEntryAndLeavesNoGap()
    {
        var before = await LastSequenceAsync();

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            var ledger = scope.ServiceProvider.GetRequiredService<LedgerWriter>();
            await using var transaction = await db.Database.BeginTransactionAsync(Ct);
            db.Alerts.Add(NewAlert("rolled-back"));
            await ledger.SaveChangesAsync(db, new LedgerDraft("test.alert-raised", "alert:rolled-back"), Ct);
            // The use case fails after saving; its transaction is disposed without a commit.
        }

        (await LastSequenceAsync()).ShouldBe(before);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            (await db.Alerts.AnyAsync(a => a.Key == "test:rolled-back", Ct)).ShouldBeFalse();
        }

        var next = await AppendAsync(NewAlert("after-rollback"), new LedgerDraft("test.alert-raised", "alert:after-rollback"));
        next.Sequence.ShouldBe(before + 1);
        AssertChain(await ReadAllAsync());
    }

    [Fact]
    public async Task LedgerApi_PagedWithAfterAndLimit_ReturnsEveryEntryInOrder()
    {
        var last = await LastSequenceAsync();
        var client = await app.SignInAsync("regulator");
        var seen = new List<LedgerEntryView>();
        long after = 0;
        while (true)
        {
            var page = await client.GetFromJsonAsync<LedgerPage>(
                new Uri($"/api/v1/ledger?after={after}&limit=7", UriKind.Relative), Json, Ct);
            page.ShouldNotBeNull();
            page.Entries.Count.ShouldBeLessThanOrEqualTo(7);
            if (page.Entries.Count == 0)
            {
                page.Next.ShouldBe(after);
                break;
            }

            page.Next.ShouldBe(page.Entries[^1].Sequence);
            seen.AddRange(page.Entries);
            after = page.Next;
        }

        seen.Count.ShouldBeGreaterThanOrEqualTo((int)last);
        for (var i = 0; i < seen.Count; i++)
        {
            var e = seen[i];
            e.Sequence.ShouldBe(i + 1);
            e.PreviousHash.ShouldBe(i == 0 ? LedgerHash.Genesis : seen[i - 1].Hash);
            Convert.ToHexStringLower(LedgerHash.ComputeBytes(e.PreviousHash, e.Sequence, e.RecordedAt, e.Actor, e.Role,
                e.Organization, e.ClientIp, e.Type, e.Subject, e.Payload.GetRawText()))
                .ShouldBe(e.Hash, $"entry {e.Sequence} as the API shows it recomputes to its hash");
        }
    }

    [Theory]
    [InlineData("after=-1", "after 不能为负数")]
    [InlineData("limit=0", "limit 应在 1 到 1000 之间")]
    [InlineData("limit=1001", "limit 应在 1 到 1000 之间")]
    public async Task LedgerApi_WithAnInvalidCursor_Is400InChinese(string query, string message)
    {
        var client = await app.SignInAsync("regulator");

        var response = await client.GetAsync(new Uri("/api/v1/ledger?" + query, UriKind.Relative), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, await response.Content.ReadAsStringAsync(Ct));
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        (await response.Content.ReadAsStringAsync(Ct)).ShouldContain(message);
    }

    [Fact]
    public async Task LedgerStream_AfterConnecting_DeliversTheNewEntry()
    {
        var client = await app.SignInAsync("regulator");
        var after = await LastSequenceAsync();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(10));

        using var response = await client.GetAsync(new Uri($"/api/v1/ledger/stream?after={after}", UriKind.Relative),
            HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("text/event-stream");
        var appended = await AppendAsync(NewAlert("streamed"), new LedgerDraft("test.alert-raised", "alert:streamed"));

        await using var stream = await response.Content.ReadAsStreamAsync(timeout.Token);
        using var reader = new StreamReader(stream);
        var delivered = new List<LedgerEntryView>();
        while (delivered.LastOrDefault()?.Subject != "alert:streamed" && await reader.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                delivered.Add(JsonSerializer.Deserialize<LedgerEntryView>(line[6..], Json)!);
            }
        }

        delivered.ShouldAllBe(e => e.Sequence > after, "nothing at or before the cursor is sent");
        var streamed = delivered.ShouldHaveSingleItem();
        streamed.Sequence.ShouldBe(appended.Sequence);
        streamed.Hash.ShouldBe(appended.Hash);
        (await reader.ReadLineAsync(timeout.Token)).ShouldBe($"id: {appended.Sequence}");
    }

    private static PlatformAlert NewAlert(string key) => new()
    {
        Key = "test:" + key,
        Kind = "test",
        Message = "测试预警",
        Audience = "Regulator",
    };

    private async Task<LedgerEntry> AppendAsync(PlatformAlert alert, LedgerDraft draft)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        db.Alerts.Add(alert);
        return await scope.ServiceProvider.GetRequiredService<LedgerWriter>().SaveChangesAsync(db, draft, Ct);
    }

    private async Task<long> LastSequenceAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<LedgerReader>().LastSequenceAsync(Ct);
    }

    private async Task<List<LedgerEntry>> ReadAllAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().LedgerEntries.AsNoTracking()
            .OrderBy(e => e.Sequence).ToListAsync(Ct);
    }

    private static void AssertChain(List<LedgerEntry> entries)
    {
        for (var i = 0; i < entries.Count; i++)
        {
            var e = entries[i];
            e.Sequence.ShouldBe(i + 1, "sequences are gapless from 1");
            e.PreviousHash.ShouldBe(i == 0 ? LedgerHash.Genesis : entries[i - 1].Hash, $"entry {e.Sequence} links to the one before");
            LedgerHash.Compute(e).ShouldBe(e.Hash, $"entry {e.Sequence} as stored recomputes to its hash");
            if (i > 0)
            {
                e.RecordedAt.ShouldBeGreaterThanOrEqualTo(entries[i - 1].RecordedAt);
            }
        }
    }
}
