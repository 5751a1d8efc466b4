using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Ggzy.Platform.Demo;
using Ggzy.Sealing.Envelope;
using Ggzy.Sealing.Pki;
using Ggzy.TestKit;
using Ggzy.TestKit.Bidders;
using Ggzy.Web.Tests.Identity;
using Shouldly;
using Xunit;

namespace Ggzy.Web.Tests.Bids;

/// <summary>Sealing with the demo certificates and submitting through the API, as the bidder tool does.</summary>
internal static class BidSteps
{
    public const string SchoolProject = "安和市第三中学教学楼建设工程";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<(string LotId, string LotCode)> SchoolLotAsync(GgzyApp app)
    {
        var client = await app.SignInAsync("bidder");
        var lots = await (await client.GetPathAsync("/api/v1/trading/lots")).JsonAsync();
        var lot = lots.EnumerateArray().First(l => l.GetProperty("projectName").GetString() == SchoolProject);
        return (lot.GetProperty("lotId").GetString()!, lot.GetProperty("lotTradeCode").GetString()!);
    }

    public static (Certificate Certificate, PrivateKey Key) DemoIdentity(GgzyApp app, string user)
    {
        var folder = Path.Combine(app.Database.DataDirectory, DemoCertificates.FolderName);
        return (Certificate.Parse(File.ReadAllBytes(Path.Combine(folder, user + ".cert.pem"))),
            PrivateKey.Parse(File.ReadAllBytes(Path.Combine(folder, user + ".key.pem"))));
    }

    public static string CreditCodeOf(Certificate certificate) => certificate.SubjectValues(Certificate.OrganizationIdentifier)[0];

    public static byte[] Seal(GgzyApp app, string user, string lotCode, string? price = null, string? creditCode = null)
    {
        var (certificate, key) = DemoIdentity(app, user);
        return Seal(certificate, key, lotCode, creditCode ?? CreditCodeOf(certificate), price);
    }

    public static byte[] Seal(Certificate certificate, PrivateKey key, string lotCode, string creditCode, string? price = null)
    {
        using var output = new MemoryStream();
        SealedEnvelope.Seal(lotCode, creditCode, new ToolFingerprint("ggzy/test", "machine-1", "02-42-AC-11-00-02"),
        [
            new SectionInput(SealedEnvelope.PriceSheet, "开标一览表.json",
                new MemoryStream(BidEnvelopes.PriceSheet(lotCode, creditCode, "1234567.00", remark: price ?? Guid.NewGuid().ToString()))),
            new SectionInput("technical", "技术标.pdf", new MemoryStream(Encoding.UTF8.GetBytes(new string('技', 5000)))),
        ], certificate, key, output);
        return output.ToArray();
    }

    public static string DigestOf(byte[] envelope) => SealedEnvelope.DigestOf(new MemoryStream(envelope));

    public static Task<HttpResponseMessage> StartAsync(HttpClient client, string lotId, byte[] envelope, string? digest = null, long? size = null,
        string fileName = "bid.gse") =>
        client.PostJsonAsync($"/api/v1/trading/lots/{lotId}/bids/uploads",
            new { size = size ?? envelope.LongLength, digest = digest ?? DigestOf(envelope), fileName });

    public static Task<HttpResponseMessage> PutChunkAsync(HttpClient client, string uploadId, long offset, ReadOnlySpan<byte> bytes)
    {
        var content = new ByteArrayContent(bytes.ToArray());
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return client.PutAsync(new Uri($"/api/v1/trading/bids/uploads/{uploadId}/chunks?offset={offset}", UriKind.Relative), content, Ct);
    }

    public static Task<HttpResponseMessage> CompleteAsync(HttpClient client, string uploadId) =>
        client.PostAsync(new Uri($"/api/v1/trading/bids/uploads/{uploadId}/complete", UriKind.Relative), null, Ct);

    /// <summary>Start, chunks of <paramref name="chunk"/> bytes, complete; returns the completion's response.</summary>
    public static async Task<HttpResponseMessage> SubmitAsync(HttpClient client, string lotId, byte[] envelope, int chunk = 4096, string? digest = null)
    {
        var started = await StartAsync(client, lotId, envelope, digest);
        started.IsSuccessStatusCode.ShouldBeTrue(await started.Content.ReadAsStringAsync(Ct));
        var upload = await started.JsonAsync();
        var id = upload.GetProperty("uploadId").GetString()!;
        for (var offset = upload.GetProperty("received").GetInt64(); offset < envelope.LongLength; offset += chunk)
        {
            var put = await PutChunkAsync(client, id, offset, envelope.AsSpan((int)offset, (int)Math.Min(chunk, envelope.LongLength - offset)));
            put.StatusCode.ShouldBe(HttpStatusCode.OK, await put.Content.ReadAsStringAsync(Ct));
        }

        return await CompleteAsync(client, id);
    }

    public static async Task<JsonElement> ReceiptOfAsync(HttpResponseMessage completed)
    {
        completed.StatusCode.ShouldBe(HttpStatusCode.OK, await completed.Content.ReadAsStringAsync(Ct));
        return (await completed.JsonAsync()).GetProperty("receipt");
    }

    public static async Task ShouldBeRefusedAsync(this HttpResponseMessage response, string code, HttpStatusCode status = HttpStatusCode.UnprocessableEntity)
    {
        var body = await response.Content.ReadAsStringAsync(Ct);
        response.StatusCode.ShouldBe(status, body);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = JsonDocument.Parse(body).RootElement;
        problem.GetProperty("code").GetString().ShouldBe(code, body);
        problem.GetProperty("detail").GetString()!.ShouldMatch(@"\p{IsCJKUnifiedIdeographs}");
    }
}
