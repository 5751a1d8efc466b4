using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Security.Claims;
using System.Text.Json;
using Ggzy.Sealing;
using Ggzy.Trading.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Ggzy.Trading.Features.Opening;

/// <summary>
/// The opening hall, live: one server-sent event <c>hall</c> with the hall's fingerprint whenever what this user sees of
/// the hall changed (a step, a sign-in, a decryption, an objection, the window opening or ending), and every 15 seconds
/// anyway. The page then fetches the hall again. Each look is a fresh read of the database, so every web node streams
/// the same hall.
/// </summary>
internal static class OpeningStream
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(15);

    public static IEndpointRouteBuilder MapOpeningStream(this IEndpointRouteBuilder api)
    {
        api.MapGet("/trading/lots/{lotId:guid}/opening/stream", async (Guid lotId, ClaimsPrincipal user, HttpResponse response,
                IServiceScopeFactory scopes, TimeProvider clock, CancellationToken ct) =>
            {
                // Refused (not a hall this user may watch, or no opening yet) before the stream starts: an ordinary error.
                await using (var scope = scopes.CreateAsyncScope())
                {
                    await scope.ServiceProvider.GetRequiredService<IBidOpenings>().HallAsync(user, lotId, ct);
                }

                return TypedResults.ServerSentEvents(Follow(lotId, user, response, scopes, clock, ct));
            })
            .WithTags("开标 Bid opening")
            .RequireAuthorization(TradingPermissions.WatchOpening)
            .WithSummary("开标大厅实时推送（server-sent events）：大厅内容有变化时推送事件 hall（含 revision 指纹），页面据此刷新。");
        return api;
    }

    /// <summary>A fingerprint of the hall as one user sees it: equal views, equal fingerprints.</summary>
    public static string Fingerprint(OpeningView view) => Sm3.HashHex(JsonSerializer.SerializeToUtf8Bytes(view))[..16];

    private static async IAsyncEnumerable<SseItem<HallChange>> Follow(Guid lotId, ClaimsPrincipal user, HttpResponse response,
        IServiceScopeFactory scopes, TimeProvider clock, [EnumeratorCancellation] CancellationToken ct)
    {
        await response.Body.FlushAsync(ct);
        string? last = null;
        var sent = clock.GetTimestamp();
        while (!ct.IsCancellationRequested)
        {
            string fingerprint;
            await using (var scope = scopes.CreateAsyncScope())
            {
                fingerprint = Fingerprint(await scope.ServiceProvider.GetRequiredService<IBidOpenings>().HallAsync(user, lotId, ct));
            }

            if (fingerprint != last || clock.GetElapsedTime(sent) >= Heartbeat)
            {
                last = fingerprint;
                sent = clock.GetTimestamp();
                yield return new SseItem<HallChange>(new HallChange(fingerprint), "hall");
            }

            await Task.Delay(PollInterval, clock, ct);
        }
    }
}

/// <summary>What the hall stream says: the hall's fingerprint now.</summary>
internal sealed record HallChange(string Revision);
