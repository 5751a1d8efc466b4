using System.Text.Json;
using Ggzy.Platform.Errors;
using Ggzy.Platform.Identity;
using Ggzy.Platform.Time;
using Ggzy.Trading.Contracts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ggzy.Trading.Areas.Trading.Pages.Opening;

/// <summary>
/// The opening hall (开标大厅, docs/bid-opening.md): everyone entitled to watch sees the same steps, bids, read-out,
/// objections and record, refreshed live (server-sent events tell the page when the hall changed). Bidders sign in,
/// decrypt with the content key their tool unwrapped (never a private key), confirm the record and raise objections;
/// the center hosts; the tenderer or agency answers objections. Every action goes through the same service as the API.
/// </summary>
[RequirePermission(TradingPermissions.WatchOpening)]
public sealed class HallModel(IBidOpenings openings, IAuthorizationService authorization) : PageModel
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    internal OpeningView? View { get; private set; }

    [TempData]
    public string? Message { get; set; }

    /// <summary>The center's staff register a recording of the opening (87号令 第三十九条).</summary>
    [BindProperty]
    public RecordingForm Recording { get; set; } = new();

    public Task<IActionResult> OnGetAsync(Guid lotId, CancellationToken ct) => Shown(async () =>
    {
        View = await openings.HallAsync(User, lotId, ct);
        return Page();
    });

    /// <summary>The live part of the hall, fetched again whenever the stream says the hall changed.</summary>
    public Task<IActionResult> OnGetLiveAsync(Guid lotId, CancellationToken ct) => Shown(async () =>
    {
        View = await openings.HallAsync(User, lotId, ct);
        return Partial("_Hall", this);
    });

    public Task<IActionResult> OnGetRecordAsync(Guid lotId, CancellationToken ct) => Shown(async () =>
    {
        var view = await openings.HallAsync(User, lotId, ct);
        if (view.Record is not { } record)
        {
            return NotFound();
        }

        var content = JsonSerializer.SerializeToUtf8Bytes(new
        {
            recordJson = record.RecordJson,
            signature = record.Signature,
            digest = record.Digest,
            keyFingerprint = record.KeyFingerprint,
        }, Indented);
        return File(content, "application/json", $"opening-record-{view.LotCode}.json");
    });

    public Task<IActionResult> OnPostSignInAsync(Guid lotId, CancellationToken ct) =>
        Act(lotId, TradingPermissions.AttendOpening, "已签到，本单位列为出席。", () => openings.SignInAsync(User, lotId, new OpeningSignInInput(null, null), ct), ct);

    public Task<IActionResult> OnPostDecryptAsync(Guid lotId, string? contentKey, CancellationToken ct) =>
        Act(lotId, TradingPermissions.AttendOpening, null, async () =>
        {
            var bid = await openings.DecryptAsync(User, lotId, new OpeningDecryptInput(contentKey), ct);
            Message = bid.Outcome == "decrypted"
                ? "投标文件已解密，各分段的摘要和签名核验无误。报价将在唱标时向所有参加人公布。"
                : $"解密未成功：{bid.FailureReason}";
        }, ct);

    public Task<IActionResult> OnPostCloseDecryptionAsync(Guid lotId, CancellationToken ct) =>
        Act(lotId, TradingPermissions.HostOpening, "解密已结束。", () => openings.CloseDecryptionAsync(User, lotId, ct), ct);

    public Task<IActionResult> OnPostReadOutAsync(Guid lotId, CancellationToken ct) =>
        Act(lotId, TradingPermissions.HostOpening, "已唱标，开标记录已生成，请出席的投标人确认。", () => openings.ReadOutAsync(User, lotId, ct), ct);

    public Task<IActionResult> OnPostConfirmAsync(Guid lotId, string? recordDigest, CancellationToken ct) =>
        Act(lotId, TradingPermissions.AttendOpening, "已确认开标记录。", () => openings.ConfirmAsync(User, lotId, new OpeningConfirmInput(recordDigest), ct), ct);

    public Task<IActionResult> OnPostObjectionAsync(Guid lotId, string? text, CancellationToken ct) =>
        Act(lotId, TradingPermissions.AttendOpening, "异议已记录，招标人应当场答复（《招标投标法实施条例》第四十四条）。",
            () => openings.RaiseObjectionAsync(User, lotId, new OpeningObjectionInput(text), ct), ct);

    public Task<IActionResult> OnPostAnswerAsync(Guid lotId, Guid objectionId, string? answer, CancellationToken ct) =>
        Act(lotId, TradingPermissions.ManageOpening, "答复已记录。",
            () => openings.AnswerObjectionAsync(User, lotId, objectionId, new OpeningAnswerInput(answer), ct), ct);

    public Task<IActionResult> OnPostCloseAsync(Guid lotId, CancellationToken ct) =>
        Act(lotId, TradingPermissions.HostOpening, "开标结束，开标记录已在门户公开。", () => openings.CloseAsync(User, lotId, ct), ct);

    public Task<IActionResult> OnPostRecordingAsync(Guid lotId, CancellationToken ct) =>
        Act(lotId, TradingPermissions.HostOpening, "开标录音录像已登记。", () => openings.RegisterRecordingAsync(User, lotId, Recording.ToInput(), ct), ct);

    /// <summary>Shows the hall, or 404 / 403 when the lot has no opening or the user may not watch it.</summary>
    private async Task<IActionResult> Shown(Func<Task<IActionResult>> work)
    {
        try
        {
            return await work();
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
        catch (BusinessRuleException e) when (e.Status is StatusCodes.Status403Forbidden or StatusCodes.Status404NotFound)
        {
            return StatusCode(e.Status);
        }
    }

    /// <summary>
    /// Takes one step as the signed-in user, if the role may (the page itself only requires watching). A refused step
    /// is shown on the hall with its reason and changes nothing.
    /// </summary>
    private async Task<IActionResult> Act<T>(Guid lotId, string permission, string? done, Func<Task<T>> step, CancellationToken ct) =>
        await Act(lotId, permission, done, async () => { await step(); }, ct);

    private async Task<IActionResult> Act(Guid lotId, string permission, string? done, Func<Task> step, CancellationToken ct)
    {
        if (!(await authorization.AuthorizeAsync(User, permission)).Succeeded)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        var shown = await Shown(async () =>
        {
            View = await openings.HallAsync(User, lotId, ct);
            return Page();
        });
        if (View is null)
        {
            return shown;
        }

        await step();
        if (done is not null)
        {
            Message = done;
        }

        return RedirectToPage(new { lotId });
    }

    /// <summary>A recording as typed: the times in China time (datetime-local).</summary>
    public sealed class RecordingForm
    {
        public string? Locator { get; set; }

        public string? Digest { get; set; }

        public DateTime? StartedAt { get; set; }

        public DateTime? EndedAt { get; set; }

        public string? Note { get; set; }

        public OpeningRecordingInput ToInput() => new(Locator, Digest, China(StartedAt), China(EndedAt), Note);

        private static DateTimeOffset? China(DateTime? local) =>
            local is { } t ? new DateTimeOffset(DateTime.SpecifyKind(t, DateTimeKind.Unspecified), ChinaTime.Offset) : null;
    }
}
