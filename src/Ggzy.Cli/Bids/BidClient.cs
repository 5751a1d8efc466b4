using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Ggzy.Cli.Bids;

/// <summary>
/// The bid submission API (docs/bid-submission.md), one attempt per call. A refusal comes back as
/// <see cref="BidRefusedException"/>; a network error, a timeout or a 5xx/408/429 answer as
/// <see cref="BidTransientException"/>, for the caller to retry where retrying is safe.
/// </summary>
internal sealed class BidClient : IDisposable
{
    private const string Api = "api/v1/trading/";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly HttpClient _http;

    public BidClient(HttpMessageHandler handler, Uri baseUri, string token, TimeSpan timeout)
    {
        var root = baseUri.AbsoluteUri.EndsWith('/') ? baseUri : new Uri(baseUri.AbsoluteUri + "/");
        _http = new HttpClient(handler, disposeHandler: true) { BaseAddress = root, Timeout = timeout };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
    }

    public Uri BaseAddress => _http.BaseAddress!;

    public Task<List<LotListing>> LotsAsync(CancellationToken ct) => SendAsync<List<LotListing>>(HttpMethod.Get, "lots", null, ct);

    public Task<ReceiptKey> ReceiptKeyAsync(CancellationToken ct) => SendAsync<ReceiptKey>(HttpMethod.Get, "bids/receipt-key", null, ct);

    public Task<BidUpload> StartUploadAsync(string lotId, long size, string digest, string fileName, CancellationToken ct) =>
        SendAsync<BidUpload>(HttpMethod.Post, $"lots/{Escape(lotId)}/bids/uploads", JsonContent.Create(new { size, digest, fileName }, options: Json), ct);

    public Task<BidUpload> UploadAsync(string uploadId, CancellationToken ct) =>
        SendAsync<BidUpload>(HttpMethod.Get, $"bids/uploads/{Escape(uploadId)}", null, ct);

    public Task<BidUpload> PutChunkAsync(string uploadId, long offset, ReadOnlyMemory<byte> chunk, CancellationToken ct)
    {
        var content = new ReadOnlyMemoryContent(chunk);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return SendAsync<BidUpload>(HttpMethod.Put,
            $"bids/uploads/{Escape(uploadId)}/chunks?offset={offset.ToString(CultureInfo.InvariantCulture)}", content, ct);
    }

    public Task<BidUpload> CompleteAsync(string uploadId, CancellationToken ct) =>
        SendAsync<BidUpload>(HttpMethod.Post, $"bids/uploads/{Escape(uploadId)}/complete", null, ct);

    public Task<MyBids> MineAsync(string lotId, CancellationToken ct) =>
        SendAsync<MyBids>(HttpMethod.Get, $"lots/{Escape(lotId)}/bids/mine", null, ct);

    public Task<BidRecord> WithdrawAsync(string lotId, CancellationToken ct) =>
        SendAsync<BidRecord>(HttpMethod.Post, $"lots/{Escape(lotId)}/bids/withdraw", null, ct);

    public Task<DecryptedBid> DecryptAsync(string lotId, string contentKey, CancellationToken ct) =>
        SendAsync<DecryptedBid>(HttpMethod.Post, $"lots/{Escape(lotId)}/opening/decrypt", JsonContent.Create(new { contentKey }, options: Json), ct);

    public void Dispose() => _http.Dispose();

    private static string Escape(string id) => Uri.EscapeDataString(id);

    private async Task<T> SendAsync<T>(HttpMethod method, string path, HttpContent? content, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, new Uri(Api + path, UriKind.Relative)) { Content = content };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        string text;
        HttpStatusCode status;
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, ct);
            status = response.StatusCode;
            text = await response.Content.ReadAsStringAsync(ct);
        }
        catch (HttpRequestException e)
        {
            throw new BidTransientException($"无法连接平台 {BaseAddress}：{e.Message}", e);
        }
        catch (TaskCanceledException e) when (!ct.IsCancellationRequested)
        {
            throw new BidTransientException($"平台 {BaseAddress} 在 {_http.Timeout.TotalSeconds:0} 秒内没有应答。", e);
        }
        catch (IOException e)
        {
            throw new BidTransientException($"与平台 {BaseAddress} 的连接中断：{e.Message}", e);
        }

        var code = (int)status;
        if (code is >= 500 or 408 or 429)
        {
            var problem = Parse(text);
            throw new BidTransientException(
                $"平台暂时无法处理（HTTP {code}）：{BidRefusedException.From(code, problem, "请稍后重试").Message}");
        }

        if (status == HttpStatusCode.Unauthorized)
        {
            throw new CliException("平台不接受接口令牌（HTTP 401）：令牌无效或已过期。请运行 ggzy login 用数字证书重新登录。");
        }

        var body = Parse(text);
        if (code is < 200 or >= 300)
        {
            throw BidRefusedException.From(code, body, $"HTTP {code}");
        }

        try
        {
            return (body is { } b ? b.Deserialize<T>(Json) : default)
                ?? throw new JsonException("empty");
        }
        catch (JsonException)
        {
            throw new CliException($"平台返回了无法识别的内容（HTTP {code}，{path}）：请确认 --url 指向 Ggzy 平台，且平台版本支持网上递交投标文件。");
        }
    }

    private static JsonElement? Parse(string text)
    {
        try
        {
            return string.IsNullOrWhiteSpace(text) ? null : JsonDocument.Parse(text).RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
