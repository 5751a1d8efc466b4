using System.Text;
using Ggzy.Platform.Errors;
using Ggzy.Platform.Signing;
using Ggzy.Platform.Time;
using Ggzy.Trading.Contracts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ggzy.Portal.Areas.Portal.Pages.Openings;

/// <summary>
/// A published opening record for anyone: the bidders with their prices and read-out items, the 标底 and maximum price,
/// the decryption results with their causes, the confirmations, the objections and answers, each step with its time,
/// and the record's SM3 digest and platform signature with the files to check them. A lot whose opening is not closed
/// (or that was not opened) is not found: nothing of it is shown before the record is published.
/// </summary>
[AllowAnonymous]
public sealed class DetailsModel(IBidOpenings openings, PlatformSigner signer) : PageModel
{
    public PublishedOpeningView Opening { get; private set; } = null!;

    internal OpeningRecordDocument? Record { get; private set; }

    internal IReadOnlyList<(DateTimeOffset At, string What)> Timeline { get; private set; } = [];

    public string PlatformKeyFingerprint => signer.PublicKey.Fingerprint;

    public async Task<IActionResult> OnGetAsync(Guid lotId, CancellationToken ct)
    {
        if (await PublishedAsync(lotId, ct) is not { } view)
        {
            return NotFound();
        }

        Opening = view;
        Record = OpeningRecordDocument.Parse(view.Record.RecordJson);
        Timeline = TimelineOf(view, Record);
        return Page();
    }

    /// <summary>The record exactly as signed (UTF-8, no byte order mark): the bytes the signature and the digest are over.</summary>
    public async Task<IActionResult> OnGetRecordAsync(Guid lotId, CancellationToken ct) =>
        await PublishedAsync(lotId, ct) is { } view
            ? File(Encoding.UTF8.GetBytes(view.Record.RecordJson), "application/json", $"opening-record-{view.LotCode}.json")
            : NotFound();

    /// <summary>The platform's SM3withSM2 signature of the record (DER), as OpenSSL reads it.</summary>
    public async Task<IActionResult> OnGetSignatureAsync(Guid lotId, CancellationToken ct) =>
        await PublishedAsync(lotId, ct) is { } view
            ? File(Convert.FromBase64String(view.Record.Signature), "application/octet-stream", $"opening-record-{view.LotCode}.sig")
            : NotFound();

    /// <summary>The platform's signing public key (PEM), the one bid receipts and archive packages are signed with too.</summary>
    public IActionResult OnGetKey() => File(Encoding.ASCII.GetBytes(signer.PublicKey.ToPem()), "application/x-pem-file", "platform-key.pem");

    private async Task<PublishedOpeningView?> PublishedAsync(Guid lotId, CancellationToken ct)
    {
        try
        {
            return await openings.PublishedAsync(lotId, ct);
        }
        catch (NotFoundException)
        {
            return null;
        }
    }

    /// <summary>Every step of the opening with its time, in order: from the record, the bids' decisions and confirmations, and the objections.</summary>
    private static List<(DateTimeOffset At, string What)> TimelineOf(PublishedOpeningView view, OpeningRecordDocument? record)
    {
        var names = view.Bids.ToDictionary(b => b.BidderCreditCode, b => b.BidderName, StringComparer.Ordinal);
        var events = new List<(DateTimeOffset At, string What)> { (view.Deadline, "投标截止，开标") };
        if (record is not null)
        {
            var window = record.Decryption?.EndsAt is { } ends ? $"，解密时限至 {ChinaTime.Format(ends)}" : "";
            events.Add((record.ExtractedAt, $"平台提取投标文件 {view.Bids.Count} 份，开始解密{window}"));
            events.AddRange(record.Attendance.Select(a =>
                (a.At, $"{names.GetValueOrDefault(a.Bidder, a.Bidder)} 签到（{OpeningDisplay.Method(a.Method)}）")));
        }

        foreach (var b in view.Bids.Where(b => b.DecidedAt is not null))
        {
            events.Add((b.DecidedAt!.Value, b.Outcome == "decrypted"
                ? $"{b.BidderName} 的投标文件已解密"
                : $"{b.BidderName} 的投标文件{b.OutcomeLabel}{(b.FailureReason is null ? "" : "：" + b.FailureReason)}"));
        }

        if (record?.Decryption?.ClosedAt is { } closed)
        {
            events.Add((closed, "解密结束"));
        }

        if (record is not null)
        {
            events.Add((record.ReadOutAt, "唱标：公布投标人名称、投标价格和其他唱标内容" + (record.ReferencePrice is null && record.MaxPrice is null ? "" : "及标底、最高投标限价")
                + "，生成开标记录（平台签名）"));
        }

        events.AddRange(view.Bids.Where(b => b.ConfirmedAt is not null).Select(b => (b.ConfirmedAt!.Value, $"{b.BidderName} 确认开标记录")));
        foreach (var o in view.Objections)
        {
            events.Add((o.RaisedAt, $"{o.BidderName} 提出开标异议"));
            if (o.AnsweredAt is { } answered)
            {
                events.Add((answered, "招标人（代理机构）当场答复开标异议"));
            }
        }

        var deemed = view.Bids.Count(b => b.DeemedAccepted);
        events.Add((view.ClosedAt, "开标结束，开标记录公布" + (deemed > 0 ? $"；{deemed} 家投标人未确认，视为认可" : "")));
        return [.. events.Select((e, i) => (e, i)).OrderBy(x => x.e.At).ThenBy(x => x.i).Select(x => x.e)];
    }
}
