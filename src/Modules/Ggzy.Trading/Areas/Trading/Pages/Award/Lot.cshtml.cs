using System.Text;
using Ggzy.Platform.Errors;
using Ggzy.Platform.Identity;
using Ggzy.Platform.Time;
using Ggzy.Trading.Contracts;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ggzy.Trading.Areas.Trading.Pages.Award;

/// <summary>
/// 定标与合同 of a lot (docs/award.md): the report's candidates, the publicity and objections, the award and its notice,
/// the contract and its signatures, the performance records, and every statutory deadline with its state. Each user
/// sees and does what their part allows; a bidder sees its own score and rank only.
/// </summary>
[RequirePermission(TradingPermissions.ReadAward)]
public sealed class LotModel(IAwards awards) : PageModel
{
    public AwardView View { get; private set; } = null!;

    /// <summary>The publicity's end as the form's datetime-local gives it: Beijing time.</summary>
    [BindProperty]
    public DateTime? PublicityEndsAt { get; set; }

    [BindProperty]
    public string? ObjectionText { get; set; }

    [BindProperty]
    public Guid? ObjectionId { get; set; }

    [BindProperty]
    public string? Answer { get; set; }

    [BindProperty]
    public Guid? BidId { get; set; }

    [BindProperty]
    public string? SkipReason { get; set; }

    [BindProperty]
    public string? Explanation { get; set; }

    [BindProperty]
    public string? Terms { get; set; }

    [BindProperty]
    public string? ContractDigest { get; set; }

    [BindProperty]
    public string? PerformanceKind { get; set; }

    [BindProperty]
    public DateOnly? PerformanceOn { get; set; }

    [BindProperty]
    public decimal? PerformanceAmount { get; set; }

    [BindProperty]
    public string? PerformanceText { get; set; }

    [BindProperty]
    public DateOnly? FilingOn { get; set; }

    [BindProperty]
    public string? FilingRecipient { get; set; }

    [BindProperty]
    public string? FilingReference { get; set; }

    [BindProperty]
    public string? CorrectionFiling { get; set; }

    [BindProperty]
    public DateOnly? CorrectionOn { get; set; }

    [BindProperty]
    public string? CorrectionReason { get; set; }

    [TempData]
    public string? Message { get; set; }

    public Task<IActionResult> OnGetAsync(Guid lotId, CancellationToken ct) => LoadAsync(async () =>
    {
        View = await awards.ViewAsync(User, lotId, ct);
        return Page();
    });

    public Task<IActionResult> OnGetNoticeAsync(Guid lotId, CancellationToken ct) => LoadAsync(async () =>
    {
        var (json, _, code) = await awards.NoticeAsync(User, lotId, ct);
        return File(Encoding.UTF8.GetBytes(json), "application/json", $"award-notice-{code}.json");
    });

    public Task<IActionResult> OnGetSignatureAsync(Guid lotId, CancellationToken ct) => LoadAsync(async () =>
    {
        var (_, signature, code) = await awards.NoticeAsync(User, lotId, ct);
        return File(Convert.FromBase64String(signature), "application/octet-stream", $"award-notice-{code}.sig");
    });

    public Task<IActionResult> OnGetContractAsync(Guid lotId, CancellationToken ct) => LoadAsync(async () =>
    {
        var (json, code) = await awards.ContractDocumentAsync(User, lotId, ct);
        return File(Encoding.UTF8.GetBytes(json), "application/json", $"contract-{code}.json");
    });

    public Task<IActionResult> OnPostPublicityAsync(Guid lotId, CancellationToken ct) =>
        ActAsync(lotId, () => awards.StartPublicityAsync(User, lotId, new PublicityInput(PublicityEndsAt is { } ends ? new DateTimeOffset(DateTime.SpecifyKind(ends, DateTimeKind.Unspecified), ChinaTime.Offset) : null), ct), "中标候选人公示已发布。", ct);

    public Task<IActionResult> OnPostObjectAsync(Guid lotId, CancellationToken ct) =>
        ActAsync(lotId, () => awards.RaiseObjectionAsync(User, lotId, new AwardObjectionInput(ObjectionText), ct), "异议已提交，招标人答复前暂停招标投标活动。", ct);

    public Task<IActionResult> OnPostAnswerAsync(Guid lotId, CancellationToken ct) =>
        ActAsync(lotId, () => awards.AnswerObjectionAsync(User, lotId, ObjectionId ?? Guid.Empty, new AwardAnswerInput(Answer), ct), "异议已答复。", ct);

    public Task<IActionResult> OnPostDecideAsync(Guid lotId, CancellationToken ct) =>
        ActAsync(lotId, () => awards.AwardAsync(User, lotId, new AwardInput(BidId, SkipReason, Explanation), ct), "已定标，中标通知书已发出，中标结果已公告。", ct);

    public Task<IActionResult> OnPostDraftAsync(Guid lotId, CancellationToken ct) =>
        ActAsync(lotId, () => awards.DraftContractAsync(User, lotId, new ContractDraftInput(Terms), ct), "合同已起草，等待双方签署。", ct);

    public Task<IActionResult> OnPostSignAsync(Guid lotId, CancellationToken ct) =>
        ActAsync(lotId, () => awards.SignContractAsync(User, lotId, new ContractSignInput(ContractDigest), ct), "本单位已签署合同。", ct);

    public Task<IActionResult> OnPostPublishAsync(Guid lotId, CancellationToken ct) =>
        ActAsync(lotId, () => awards.PublishContractAsync(User, lotId, ct), "合同已公告。", ct);

    public Task<IActionResult> OnPostPerformanceAsync(Guid lotId, CancellationToken ct) =>
        ActAsync(lotId, () => awards.AddPerformanceAsync(User, lotId,
            new PerformanceInput(PerformanceKind, PerformanceOn, PerformanceAmount, PerformanceText), ct), "履约记录已添加。", ct);

    public Task<IActionResult> OnPostSupervisorReportAsync(Guid lotId, CancellationToken ct) =>
        ActAsync(lotId, () => awards.FileSupervisorReportAsync(User, lotId, new AwardFilingInput(FilingOn, FilingRecipient, FilingReference), ct),
            "已登记向行政监督部门提交的书面报告。", ct);

    public Task<IActionResult> OnPostReportDeliveryAsync(Guid lotId, CancellationToken ct) =>
        ActAsync(lotId, () => awards.RecordReportDeliveryAsync(User, lotId, new AwardFilingInput(FilingOn, FilingRecipient, null), ct),
            "已登记评标报告送达采购人。", ct);

    public Task<IActionResult> OnPostCorrectFilingAsync(Guid lotId, CancellationToken ct) =>
        ActAsync(lotId, () => awards.CorrectFilingAsync(User, lotId, CorrectionFiling ?? "", new AwardFilingCorrectionInput(CorrectionOn, CorrectionReason), ct),
            "登记的日期已更正，原日期保留在更正记录中。", ct);

    private async Task<IActionResult> LoadAsync(Func<Task<IActionResult>> load)
    {
        try
        {
            return await load();
        }
        catch (BusinessRuleException e) when (e.Status is 403 or 404)
        {
            return e.Status == 404 ? NotFound() : StatusCode(StatusCodes.Status403Forbidden);
        }
    }

    private async Task<IActionResult> ActAsync(Guid lotId, Func<Task<AwardView>> action, string done, CancellationToken ct)
    {
        try
        {
            await action();
            Message = done;
            return RedirectToPage(new { lotId });
        }
        catch (BusinessRuleException e) when (e.Status is 403 or 404)
        {
            return e.Status == 404 ? NotFound() : StatusCode(StatusCodes.Status403Forbidden);
        }
        catch (Exception e) when (e is InputValidationException or BusinessRuleException)
        {
            ModelState.Clear();
            CatalogPages.AddErrors(ModelState, e, "");
            return await OnGetAsync(lotId, ct);
        }
    }
}
