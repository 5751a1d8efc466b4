using System.Net;
using System.Text.Json;
using Ggzy.Platform.Data;
using Ggzy.TestKit;
using Ggzy.Web.Tests.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace Ggzy.Web.Tests.Award;

/// <summary>Calls of the award API as its users make them.</summary>
internal static class AwardSteps
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static string Path(Guid lotId, string path = "") => $"/api/v1/trading/lots/{lotId}/award{path}";

    public static async Task<JsonElement> ViewAsync(HttpClient client, Guid lotId)
    {
        var response = await client.GetPathAsync(Path(lotId));
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.HtmlAsync());
        return await response.JsonAsync();
    }

    public static async Task<JsonElement> OkAsync(this Task<HttpResponseMessage> call)
    {
        var response = await call;
        var text = await response.HtmlAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, text);
        return JsonDocument.Parse(text).RootElement;
    }

    /// <summary>A refusal: its status, its stable code, a Chinese detail that cites <paramref name="cites"/> where given.</summary>
    public static async Task<JsonElement> RefusedAsync(this Task<HttpResponseMessage> call, HttpStatusCode status, string code, string? cites = null)
    {
        var response = await call;
        var text = await response.HtmlAsync();
        response.StatusCode.ShouldBe(status, text);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = JsonDocument.Parse(text).RootElement;
        problem.TryGetProperty("code", out var actual).ShouldBeTrue(text);
        actual.GetString().ShouldBe(code, text);
        var detail = problem.GetProperty("detail").GetString()!;
        detail.ShouldMatch(@"\p{IsCJKUnifiedIdeographs}");
        if (cites is not null)
        {
            text.ShouldContain(cites, Case.Sensitive);
        }

        return problem;
    }

    public static string State(this JsonElement view) => view.GetProperty("state").GetString()!;

    public static JsonElement Deadline(this JsonElement view, string what) =>
        view.GetProperty("deadlines").EnumerateArray().Single(d => d.GetProperty("what").GetString() == what);

    public static async Task<List<JsonElement>> RefundsAsync(GgzyApp app, string lotCode)
    {
        var clerk = await app.SignInAsync("clerk");
        var all = await clerk.GetPathAsync("/api/v1/trading/security/refunds?all=true").OkAsync();
        return [.. all.EnumerateArray().Where(d => d.GetProperty("lotTradeCode").GetString() == lotCode)];
    }

    /// <summary>The payloads of the Ledger entries of a type on a subject, oldest first.</summary>
    public static async Task<List<JsonElement>> LedgerPayloadsAsync(GgzyApp app, string subject, string type)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var payloads = await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().LedgerEntries.AsNoTracking()
            .Where(e => e.Subject == subject && e.Type == type).OrderBy(e => e.Sequence).Select(e => e.Payload).ToListAsync(Ct);
        return [.. payloads.Select(p => JsonDocument.Parse(p).RootElement)];
    }

    /// <summary>An enum member as the API writes it (a name, whatever its casing).</summary>
    public static bool Is(JsonElement e, string property, string name) =>
        string.Equals(e.GetProperty(property).GetString()?.Replace("-", "", StringComparison.Ordinal), name, StringComparison.OrdinalIgnoreCase);

    private static Task<JsonElement> OkAsync(this HttpResponseMessage response) => Task.FromResult(response).OkAsync();
}
