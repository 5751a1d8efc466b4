using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Ggzy.Cli.Bids;
using Ggzy.Sealing.Envelope;
using Ggzy.Sealing.Pki;

namespace Ggzy.Cli.Tests;

/// <summary>What the fake does to one request: nothing, fail it before it arrives, lose the answer after it was
/// processed, or answer 503.</summary>
internal enum BidFault
{
    None,
    FailBeforeArrival,
    LoseAnswer,
    Unavailable,
}

/// <summary>
/// The bid submission API of docs/bid-submission.md kept in memory, for the tool's tests: one lot, one bidder, uploads
/// in chunks that must start at <c>received</c>, receipts signed with an SM2 key. <see cref="Faults"/> decides per
/// request whether the network misbehaves.
/// </summary>
internal sealed class BidFakePlatform
{
    public const string Token = "ggzy_fake-token";
    public const string LotCode = "E9901000001001001";
    public const string LotName = "安和市第一中学教学楼施工 第1标段";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly object _gate = new();
    private readonly PrivateKey _receiptKey;
    private int _requests;

    public BidFakePlatform()
    {
        _receiptKey = CertificateAuthority.NewKey(KeyAlgorithm.Sm2);
        PublicKeyPem = _receiptKey.PublicKey.ToPem();
        Fingerprint = _receiptKey.PublicKey.Fingerprint;
    }

    public string LotId { get; } = Guid.NewGuid().ToString();

    public string PublicKeyPem { get; }

    public string Fingerprint { get; }

    public List<FakeUpload> Uploads { get; } = [];

    public List<FakeBid> Bids { get; } = [];

    /// <summary>Every request as "METHOD path" with the status answered (or the fault), in order.</summary>
    public List<string> Log { get; } = [];

    /// <summary>Decides the fate of the n-th request (1-based).</summary>
    public Func<HttpRequestMessage, int, BidFault> Faults { get; set; } = (_, _) => BidFault.None;

    /// <summary>Called when a chunk arrives, before it is looked at (e.g. to play another run that sent a chunk meanwhile).</summary>
    public Action<FakeUpload>? BeforeChunk { get; set; }

    /// <summary>When set, new uploads are refused with this code and detail.</summary>
    public (string Code, string Detail)? RefuseUploads { get; set; }

    /// <summary>When set, receipts are sent with a signature that does not verify.</summary>
    public bool ForgeReceipts { get; set; }

    public BidTransport Transport => new(() => new Handler(this), TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(1),
        TimeSpan.FromMilliseconds(5), TimeProvider.System);

    public int Count(string entry) => Log.Count(l => l.StartsWith(entry, StringComparison.Ordinal));

    private HttpResponseMessage Handle(HttpRequestMessage request, byte[] body)
    {
        if (request.Headers.Authorization is not { Scheme: "Bearer", Parameter: Token })
        {
            return Problem(HttpStatusCode.Unauthorized, null, "未登录");
        }

        var path = request.RequestUri!.AbsolutePath;
        const string Api = "/api/v1/trading/";
        if (!path.StartsWith(Api, StringComparison.Ordinal))
        {
            return Problem(HttpStatusCode.NotFound, null, "no such path");
        }

        var parts = path[Api.Length..].Split('/');
        var method = request.Method.Method;
        return (method, parts) switch
        {
            ("GET", ["lots"]) => Ok(new[]
            {
                new { lotId = Guid.NewGuid().ToString(), lotTradeCode = "E9901000001002001", projectName = "另一个项目", lotName = "其他标段", state = "Announced", onSale = false, runsProject = false, deadline = (DateTimeOffset?)null },
                new { lotId = LotId, lotTradeCode = LotCode, projectName = "安和市第一中学教学楼", lotName = LotName, state = "DocumentsOnSale", onSale = true, runsProject = false, deadline = (DateTimeOffset?)TimeProvider.System.GetUtcNow().AddDays(20) },
            }),
            ("GET", ["bids", "receipt-key"]) => Ok(new { algorithm = "SM2", publicKeyPem = PublicKeyPem, fingerprint = Fingerprint }),
            ("POST", ["lots", var lot, "bids", "uploads"]) when lot == LotId => Start(body),
            ("GET", ["bids", "uploads", var id]) => Find(id) is { } u ? Ok(View(u)) : NotFound(),
            ("PUT", ["bids", "uploads", var id, "chunks"]) => Find(id) is { } u ? Append(u, request.RequestUri, body) : NotFound(),
            ("POST", ["bids", "uploads", var id, "complete"]) => Find(id) is { } u ? Complete(u) : NotFound(),
            ("GET", ["lots", var lot, "bids", "mine"]) when lot == LotId => Ok(Mine()),
            ("POST", ["lots", var lot, "bids", "withdraw"]) when lot == LotId => Withdraw(),
            _ => NotFound(),
        };
    }

    private HttpResponseMessage Start(byte[] body)
    {
        var input = JsonSerializer.Deserialize<JsonElement>(body);
        var size = input.GetProperty("size").GetInt64();
        var digest = input.GetProperty("digest").GetString()!;
        if (RefuseUploads is { } refusal)
        {
            return Problem(HttpStatusCode.Conflict, refusal.Code, refusal.Detail);
        }

        var existing = Uploads.FirstOrDefault(u => u.Digest == digest
            && (u.State == "open" || Bids.Any(b => b.Upload == u && b.Status == "current")));
        if (existing is not null)
        {
            return Ok(View(existing));
        }

        var upload = new FakeUpload(Guid.NewGuid().ToString(), size, digest, TimeProvider.System.GetUtcNow());
        Uploads.Add(upload);
        return Answer(HttpStatusCode.Created, View(upload));
    }

    private HttpResponseMessage Append(FakeUpload upload, Uri uri, byte[] chunk)
    {
        BeforeChunk?.Invoke(upload);
        var offset = long.Parse(uri.Query.Split("offset=")[1], System.Globalization.CultureInfo.InvariantCulture);
        if (upload.State != "open")
        {
            return Problem(HttpStatusCode.Conflict, "BID_UPLOAD_CLOSED", "上传已结束");
        }

        if (offset != upload.Received)
        {
            return Problem(HttpStatusCode.Conflict, "BID_CHUNK_OFFSET",
                $"分块起点 offset={offset} 与平台已收到的字节数 {upload.Received} 不符", upload.Received);
        }

        if (chunk.Length == 0 || upload.Received + chunk.Length > upload.Size)
        {
            return Problem(HttpStatusCode.RequestEntityTooLarge, "BID_CHUNK_SIZE", "分块过大");
        }

        upload.Content.Write(chunk);
        return Ok(View(upload));
    }

    private HttpResponseMessage Complete(FakeUpload upload)
    {
        if (upload.Receipt is not null)
        {
            return Ok(View(upload));
        }

        if (upload.Received != upload.Size)
        {
            return Problem(HttpStatusCode.Conflict, "BID_UPLOAD_INCOMPLETE", "尚未收齐", upload.Received);
        }

        var envelope = SealedEnvelope.Read(new MemoryStream(upload.Content.ToArray()));
        if (envelope.Verify() is { IsValid: false } bad)
        {
            return Problem(HttpStatusCode.UnprocessableEntity, bad.Code, bad.Reason!);
        }

        var digest = SealedEnvelope.DigestOf(envelope.HeaderBytes, envelope.Signature);
        if (digest != upload.Digest)
        {
            return Problem(HttpStatusCode.UnprocessableEntity, "BID_DIGEST_MISMATCH", "摘要不符");
        }

        var previous = Bids.FirstOrDefault(b => b.Status == "current");
        var completedAt = TimeProvider.System.GetUtcNow();
        if (previous is not null)
        {
            previous.Status = "replaced";
            previous.EndedAt = completedAt;
        }

        var receipt = new
        {
            format = "ggzy.bid-receipt.v1",
            bidId = upload.UploadId,
            lotId = LotId,
            lotCode = envelope.Header.LotCode,
            bidderCreditCode = envelope.Header.BidderCreditCode,
            bidderName = "安和宏远建筑工程有限公司",
            digest,
            size = upload.Size,
            completedAt,
            replaces = previous?.Upload.UploadId,
        };
        var receiptJson = JsonSerializer.Serialize(receipt, Json);
        var signature = _receiptKey.Sign(Encoding.UTF8.GetBytes(ForgeReceipts ? receiptJson.Replace(digest, new string('0', 64), StringComparison.Ordinal) : receiptJson));
        upload.Receipt = new SignedReceipt(JsonSerializer.Deserialize<BidReceipt>(receiptJson, Json)!, receiptJson, Convert.ToBase64String(signature), Fingerprint);
        upload.State = "completed";
        Bids.Add(new FakeBid(upload) { CompletedAt = completedAt });
        return Ok(View(upload));
    }

    private object Mine() => new
    {
        lotId = LotId,
        lotCode = LotCode,
        deadline = TimeProvider.System.GetUtcNow().AddDays(20),
        current = Bids.FirstOrDefault(b => b.Status == "current")?.Upload.Receipt,
        history = Bids.Select(BidView),
        uploads = Uploads.Where(u => u.State == "open").Select(View),
    };

    private HttpResponseMessage Withdraw()
    {
        if (Bids.FirstOrDefault(b => b.Status == "current") is not { } bid)
        {
            return Problem(HttpStatusCode.Conflict, "BID_NOTHING_TO_WITHDRAW", "本单位在该标段没有有效的投标，无需撤回。");
        }

        bid.Status = "withdrawn";
        bid.EndedAt = TimeProvider.System.GetUtcNow();
        return Ok(BidView(bid));
    }

    private static object BidView(FakeBid b) => new
    {
        bidId = b.Upload.UploadId,
        digest = b.Upload.Digest,
        size = b.Upload.Size,
        completedAt = b.CompletedAt,
        status = b.Status,
        endedAt = b.EndedAt,
        receipt = b.Upload.Receipt,
    };

    private object View(FakeUpload u) => new
    {
        uploadId = u.UploadId,
        lotId = LotId,
        lotCode = LotCode,
        size = u.Size,
        digest = u.Digest,
        received = u.Received,
        state = u.State,
        startedAt = u.StartedAt,
        receipt = u.Receipt,
    };

    private FakeUpload? Find(string id) => Uploads.FirstOrDefault(u => u.UploadId == id);

    private static HttpResponseMessage Ok(object value) => Answer(HttpStatusCode.OK, value);

    private static HttpResponseMessage Answer(HttpStatusCode status, object value) =>
        new(status) { Content = JsonContent.Create(value, options: Json) };

    private static HttpResponseMessage NotFound() => Problem(HttpStatusCode.NotFound, null, "不存在");

    private static HttpResponseMessage Problem(HttpStatusCode status, string? code, string detail, long? received = null)
    {
        var problem = new Dictionary<string, object?> { ["status"] = (int)status, ["title"] = "refused", ["detail"] = detail };
        if (code is not null)
        {
            problem["code"] = code;
        }

        if (received is not null)
        {
            problem["received"] = received;
        }

        var content = JsonContent.Create(problem, options: Json);
        content.Headers.ContentType = new("application/problem+json");
        return new HttpResponseMessage(status) { Content = content };
    }

    private sealed class Handler(BidFakePlatform platform) : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken);
            lock (platform._gate)
            {
                var entry = $"{request.Method.Method} {request.RequestUri!.PathAndQuery}";
                var fault = platform.Faults(request, ++platform._requests);
                switch (fault)
                {
                    case BidFault.FailBeforeArrival:
                        platform.Log.Add(entry + " -> failed");
                        throw new HttpRequestException("Connection refused (fake)");
                    case BidFault.Unavailable:
                        platform.Log.Add(entry + " -> 503");
                        return Problem(HttpStatusCode.ServiceUnavailable, null, "平台繁忙");
                    case BidFault.None:
                    case BidFault.LoseAnswer:
                    default:
                        break;
                }

                var response = platform.Handle(request, body);
                platform.Log.Add($"{entry} -> {(int)response.StatusCode}" + (fault == BidFault.LoseAnswer ? " (answer lost)" : ""));
                return fault == BidFault.LoseAnswer
                    ? throw new HttpRequestException("Connection reset by peer (fake)")
                    : response;
            }
        }
    }
}

/// <summary>An upload held by the fake platform.</summary>
internal sealed class FakeUpload(string uploadId, long size, string digest, DateTimeOffset startedAt)
{
    public string UploadId { get; } = uploadId;

    public long Size { get; } = size;

    public string Digest { get; } = digest;

    public DateTimeOffset StartedAt { get; } = startedAt;

    public MemoryStream Content { get; } = new();

    public long Received => Content.Length;

    public string State { get; set; } = "open";

    public SignedReceipt? Receipt { get; set; }
}

/// <summary>A bid the fake platform holds.</summary>
internal sealed class FakeBid(FakeUpload upload)
{
    public FakeUpload Upload { get; } = upload;

    public string Status { get; set; } = "current";

    public DateTimeOffset CompletedAt { get; init; }

    public DateTimeOffset? EndedAt { get; set; }
}
