using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Ggzy.Platform.Errors;
using Ggzy.Platform.Identity;
using Ggzy.Platform.Ledger;

namespace Ggzy.Web.Api;

internal static class LedgerEndpoints
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(500);

    public static RouteGroupBuilder MapLedgerApi(this RouteGroupBuilder api)
    {
        var ledger = api.MapGroup("/ledger").WithTags("账本 Ledger").RequireAuthorization(PlatformPermissions.ReadLedger);

        ledger.MapGet("/", async (LedgerReader reader, long? after, int? limit, CancellationToken ct) =>
            {
                var (from, take) = CheckCursor(after, limit);
                var entries = await reader.ReadAsync(from, take, ct);
                return TypedResults.Ok(new LedgerPage(entries.Select(LedgerEntryView.From).ToList(),
                    entries.Count > 0 ? entries[^1].Sequence : from));
            })
            .WithSummary("按序号读取账本：返回序号大于 after 的至多 limit 条记录（默认 100，最多 1000）。");

        ledger.MapGet("/stream", (HttpResponse response, LedgerReader reader, TimeProvider clock, long? after, CancellationToken ct) =>
            {
                var (from, _) = CheckCursor(after, null);
                return TypedResults.ServerSentEvents(Follow(response, reader, clock, from, ct));
            })
            .WithSummary("账本实时推送（server-sent events），每条新记录一个事件，事件 id 为序号。");
        return api;
    }

    private static (long After, int Limit) CheckCursor(long? after, int? limit)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (after < 0)
        {
            errors["after"] = ["after 不能为负数：从头读取请填 0。"];
        }

        if (limit is < 1 or > LedgerReader.MaxPage)
        {
            errors["limit"] = [$"limit 应在 1 到 {LedgerReader.MaxPage} 之间。"];
        }

        return errors.Count > 0 ? throw new InputValidationException(errors) : (after ?? 0, limit ?? 100);
    }

    private static async IAsyncEnumerable<SseItem<LedgerEntryView>> Follow(HttpResponse response, LedgerReader reader,
        TimeProvider clock, long after, [EnumeratorCancellation] CancellationToken ct)
    {
        // The result has set the event-stream headers by now; send them at once, so that a client knows it is
        // connected before the first new entry arrives (EventSource fires "open" only when the headers come).
        await response.Body.FlushAsync(ct);
        var cursor = after;
        while (!ct.IsCancellationRequested)
        {
            var entries = await reader.ReadAsync(cursor, 200, ct);
            foreach (var e in entries)
            {
                cursor = e.Sequence;
                yield return new SseItem<LedgerEntryView>(LedgerEntryView.From(e), "entry") { EventId = e.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture) };
            }

            if (entries.Count == 0)
            {
                await Task.Delay(PollInterval, clock, ct);
            }
        }
    }
}

/// <summary>A page of the Ledger; <c>next</c> is the cursor to pass as <c>after</c> for the following page.</summary>
public sealed record LedgerPage(IReadOnlyList<LedgerEntryView> Entries, long Next);

/// <summary>One ledger entry as the API shows it; <c>payload</c> is the canonical JSON that was hashed.</summary>
public sealed record LedgerEntryView(long Sequence, DateTimeOffset RecordedAt, string Actor, string Role, string Organization,
    string ClientIp, string Type, string Subject, JsonElement Payload, string PreviousHash, string Hash)
{
    public static LedgerEntryView From(LedgerEntry e) => new(e.Sequence, e.RecordedAt, e.Actor, e.Role, e.Organization,
        e.ClientIp, e.Type, e.Subject, JsonDocument.Parse(e.Payload).RootElement.Clone(), e.PreviousHash, e.Hash);
}
