using System.Globalization;
using System.Text.Json;
using Ggzy.Platform.Errors;
using Ggzy.Platform.Identity;
using Ggzy.Sealing.Envelope;
using Ggzy.Trading.Contracts;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ggzy.Trading.Areas.Trading.Pages.Bids;

/// <summary>
/// A bidder's page for one lot: upload an envelope made by the tool (the page never asks for a private key), see the
/// current receipt and the history, withdraw before the deadline. The upload goes through the same service as the API.
/// </summary>
[RequirePermission(TradingPermissions.SubmitBids)]
[RequestSizeLimit(MaxEnvelopeRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxEnvelopeRequestBytes)]
public sealed class LotModel(IBidSubmissions bids, IAwards awards) : PageModel
{
    /// <summary>The own evaluation result once the award is published (87号令 第六十九条): only this bidder's score and rank.</summary>
    public IReadOnlyList<EvaluatedBidView> OwnResult { get; private set; } = [];

    private const long MaxEnvelopeRequestBytes = (2L << 30) + (1 << 20);
    private const int ChunkBytes = 8 << 20;
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    internal OwnBidsView? View { get; private set; }

    [TempData]
    public string? Message { get; set; }

    public Task<IActionResult> OnGetAsync(Guid lotId, CancellationToken ct) => SecurityPages.Guarded(this, async () =>
    {
        View = await bids.MineAsync(User, lotId, ct);
        try
        {
            OwnResult = (await awards.ViewAsync(User, lotId, ct)).Bids;
        }
        catch (BusinessRuleException)
        {
            OwnResult = [];
        }

        return Page();
    });

    public Task<IActionResult> OnGetReceiptAsync(Guid lotId, Guid bidId, CancellationToken ct) => SecurityPages.Guarded(this, async () =>
    {
        var mine = await bids.MineAsync(User, lotId, ct);
        var bid = mine.History.FirstOrDefault(b => b.BidId == bidId);
        if (bid is null)
        {
            return NotFound();
        }

        var content = JsonSerializer.SerializeToUtf8Bytes(new
        {
            receiptJson = bid.Receipt.ReceiptJson,
            signature = bid.Receipt.Signature,
            keyFingerprint = bid.Receipt.KeyFingerprint,
        }, Indented);
        return File(content, "application/json", $"receipt-{mine.LotCode}-{bidId:N}.json");
    });

    public Task<IActionResult> OnPostUploadAsync(Guid lotId, IFormFile? envelope, CancellationToken ct) => SecurityPages.Guarded(this, async () =>
    {
        View = await bids.MineAsync(User, lotId, ct);
        if (envelope is null || envelope.Length == 0)
        {
            throw new BusinessRuleException("请选择投标工具生成的信封文件（.gse）后再上传。", field: "envelope");
        }

        string digest;
        try
        {
            await using var prefix = envelope.OpenReadStream();
            digest = SealedEnvelope.DigestOf(prefix);
        }
        catch (EnvelopeException e)
        {
            throw new BusinessRuleException(e.Message, "《电子招标投标办法》第二十六条", "envelope");
        }

        var (upload, _) = await bids.StartAsync(User, lotId, new StartBidUploadInput(envelope.Length, digest, Path.GetFileName(envelope.FileName)), ct);
        if (upload.Receipt is null)
        {
            await using var content = envelope.OpenReadStream();
            content.Seek(upload.Received, SeekOrigin.Begin);
            var buffer = new byte[ChunkBytes];
            var offset = upload.Received;
            int read;
            while ((read = await content.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, ct)) > 0)
            {
                using var chunk = new MemoryStream(buffer, 0, read, writable: false);
                offset = (await bids.AppendAsync(User, upload.UploadId, offset, chunk, ct)).Received;
            }

            upload = await bids.CompleteAsync(User, upload.UploadId, ct);
        }

        Message = string.Create(CultureInfo.InvariantCulture,
            $"投标文件已递交，平台已出具回执：{upload.Receipt!.Receipt.BidId}，完成时间 {Platform.Time.ChinaTime.Format(upload.Receipt.Receipt.CompletedAt)}。");
        return RedirectToPage(new { lotId });
    });

    public Task<IActionResult> OnPostWithdrawAsync(Guid lotId, CancellationToken ct) => SecurityPages.Guarded(this, async () =>
    {
        View = await bids.MineAsync(User, lotId, ct);
        var withdrawn = await bids.WithdrawAsync(User, lotId, ct);
        Message = $"投标文件已撤回（{Platform.Time.ChinaTime.Format(withdrawn.EndedAt!.Value)}）。";
        return RedirectToPage(new { lotId });
    });

    public static string Size(long bytes) => bytes switch
    {
        >= 1 << 20 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1048576.0:0.0} MB"),
        >= 1 << 10 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.0} KB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes} 字节"),
    };
}
