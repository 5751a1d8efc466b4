using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Ggzy.TestKit.Bidders;

/// <summary>The receipt's signed fields (<c>ggzy.bid-receipt.v1</c>).</summary>
public sealed record BidReceiptFields(
    string Format, Guid BidId, Guid LotId, string LotCode, string BidderCreditCode, string BidderName, string Digest, long Size,
    DateTimeOffset CompletedAt, Guid? Replaces);

/// <summary>A receipt as the platform answers it: the fields, the exact JSON signed, the signature and the key's fingerprint.</summary>
public sealed record BidReceipt(BidReceiptFields Receipt, string ReceiptJson, string Signature, string KeyFingerprint);

/// <summary>An upload of an envelope (docs/bid-submission.md).</summary>
public sealed record BidUpload(Guid UploadId, Guid LotId, long Size, string Digest, long Received, string State, BidReceipt? Receipt);

/// <summary>A refusal of the bid API: the HTTP status and the problem's stable code and Chinese detail.</summary>
public sealed class BidRefusedException(HttpStatusCode status, string? code, string body)
    : Exception($"{(int)status} {code}: {body}")
{
    public HttpStatusCode Status { get; } = status;

    public string? Code { get; } = code;
}

/// <summary>
/// The bid submission API as a bidder's tool calls it: begin an upload, send chunks at <c>received</c>, complete for
/// the receipt. One client for many bidders: each call carries the bidder's token.
/// </summary>
public sealed class BidClient(HttpClient http)
{
    private const string Trading = "/api/v1/trading";

    public Task<BidUpload> BeginAsync(string token, Guid lotId, long size, string digest, string fileName, CancellationToken ct) =>
        SendAsync<BidUpload>(token, HttpMethod.Post, $"{Trading}/lots/{lotId}/bids/uploads", JsonContent.Create(new { size, digest, fileName }), ct);

    public Task<BidUpload> PutChunkAsync(string token, Guid uploadId, long offset, byte[] buffer, int count, CancellationToken ct)
    {
        var content = new ByteArrayContent(buffer, 0, count);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return SendAsync<BidUpload>(token, HttpMethod.Put, $"{Trading}/bids/uploads/{uploadId}/chunks?offset={offset}", content, ct);
    }

    public Task<BidUpload> CompleteAsync(string token, Guid uploadId, CancellationToken ct) =>
        SendAsync<BidUpload>(token, HttpMethod.Post, $"{Trading}/bids/uploads/{uploadId}/complete", null, ct);

    /// <summary>The bidder's own view of a lot: current receipt, history of bids, uploads.</summary>
    public Task<JsonElement> MineAsync(string token, Guid lotId, CancellationToken ct) =>
        SendAsync<JsonElement>(token, HttpMethod.Get, $"{Trading}/lots/{lotId}/bids/mine", null, ct);

    private async Task<T> SendAsync<T>(string token, HttpMethod method, string path, HttpContent? content, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request, ct);
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync(ct);
            string? code = null;
            try
            {
                using var problem = JsonDocument.Parse(body);
                code = problem.RootElement.TryGetProperty("code", out var c) ? c.GetString() : null;
            }
            catch (JsonException)
            {
                // Not a problem document: the status and the body say enough.
            }

            throw new BidRefusedException(response.StatusCode, code, body);
        }

        return (await response.Content.ReadFromJsonAsync<T>(JsonSerializerOptions.Web, ct))!;
    }
}
