using Ggzy.Platform.Errors;
using Ggzy.Platform.Identity;
using Ggzy.Trading.Features.Evaluation;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.DependencyInjection;

namespace Ggzy.Trading.Areas.Trading.Pages.Evaluation;

/// <summary>The bidder's side of the evaluation: the committee's clarification requests and the corrections of its price.</summary>
[RequirePermission(EvaluationPermissions.Respond)]
public sealed class BidderModel : PageModel
{
    internal BidderEvaluationView? View { get; private set; }

    [TempData]
    public string? Message { get; set; }

    private EvaluationRoomService Rooms => HttpContext.RequestServices.GetRequiredService<EvaluationRoomService>();

    public Task<IActionResult> OnGetAsync(Guid lotId, CancellationToken ct) => LoadAsync(lotId, ct);

    public async Task<IActionResult> OnPostCorrectionAsync(Guid lotId, Guid correctionId, bool confirm, CancellationToken ct)
    {
        var shown = await LoadAsync(lotId, ct);
        if (View is null)
        {
            return shown;
        }

        await Rooms.DecideCorrectionAsync(User, lotId, correctionId, new CorrectionDecisionInput(confirm), ct);
        Message = confirm ? "已确认修正后的报价，该报价对本单位具有约束力。" : "已不确认修正后的报价。";
        return RedirectToPage(new { lotId });
    }

    public async Task<IActionResult> OnPostAnswerAsync(Guid lotId, Guid clarificationId, string? answer, CancellationToken ct)
    {
        var shown = await LoadAsync(lotId, ct);
        if (View is null)
        {
            return shown;
        }

        await Rooms.AnswerAsync(User, lotId, clarificationId, new ClarificationAnswerInput(answer), ct);
        Message = "澄清已提交。";
        return RedirectToPage(new { lotId });
    }

    private async Task<IActionResult> LoadAsync(Guid lotId, CancellationToken ct)
    {
        try
        {
            View = await Rooms.BidderAsync(User, lotId, ct);
            return Page();
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
}
