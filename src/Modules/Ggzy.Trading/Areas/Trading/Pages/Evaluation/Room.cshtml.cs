using Ggzy.Platform.Errors;
using Ggzy.Platform.Identity;
using Ggzy.Trading.Features.Evaluation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.DependencyInjection;

namespace Ggzy.Trading.Areas.Trading.Pages.Evaluation;

/// <summary>
/// The evaluation room of one lot (docs/evaluation.md §11). Before it opens: the tenderer or agency sets the criteria and
/// the center or agency opens it. Inside: members sign in, elect the chair, review, score, settle the findings and sign
/// the report. Every action goes through the same service as the API, with the same checks.
/// </summary>
[RequirePermission(EvaluationPermissions.Watch)]
public sealed class RoomModel(IAuthorizationService authorization) : PageModel
{
    internal RoomView? View { get; private set; }

    internal EvaluationSetupView? Setup { get; private set; }

    internal bool MayOpen { get; private set; }

    [TempData]
    public string? Message { get; set; }

    private EvaluationRoomService Rooms => HttpContext.RequestServices.GetRequiredService<EvaluationRoomService>();

    public Task<IActionResult> OnGetAsync(Guid lotId, CancellationToken ct) => Shown(lotId, ct);

    public Task<IActionResult> OnGetReportAsync(Guid lotId, CancellationToken ct) => Guarded(async () =>
    {
        var (html, digest) = await Rooms.ReportDocumentAsync(User, lotId, ct);
        return File(System.Text.Encoding.UTF8.GetBytes(html), "text/html; charset=utf-8", $"evaluation-report-{digest[..12]}.html");
    });

    public Task<IActionResult> OnPostCriteriaAsync(Guid lotId, string? criteriaJson, CancellationToken ct) =>
        Act(lotId, EvaluationPermissions.Setup, "评标办法已保存。", () => Rooms.SetCriteriaAsync(User, lotId, new EvaluationCriteriaInput(criteriaJson), ct), ct);

    public Task<IActionResult> OnPostOpenAsync(Guid lotId, string? representatives, CancellationToken ct) =>
        Act(lotId, EvaluationPermissions.Open, "评标室已开启。", () => Rooms.OpenAsync(User, lotId,
            new OpenRoomInput([.. (representatives ?? "").Split([',', '，', ' ', '、'], StringSplitOptions.RemoveEmptyEntries)]), ct), ct);

    public Task<IActionResult> OnPostSignInAsync(Guid lotId, CancellationToken ct) =>
        Act(lotId, EvaluationPermissions.Sit, "已签到。", () => Rooms.SignInAsync(User, lotId, ct), ct);

    public Task<IActionResult> OnPostVoteAsync(Guid lotId, Guid candidateId, CancellationToken ct) =>
        Act(lotId, EvaluationPermissions.Sit, "已投票。", () => Rooms.VoteAsync(User, lotId, new VoteInput(candidateId), ct), ct);

    public Task<IActionResult> OnPostReviewAsync(Guid lotId, string? stage, Guid bidId, bool pass, string? ground, string? reason, CancellationToken ct) =>
        Act(lotId, EvaluationPermissions.Sit, "审查意见已保存。", () => Rooms.ReviewAsync(User, lotId, new ReviewInput(stage, bidId, pass, ground, reason), ct), ct);

    public Task<IActionResult> OnPostConcludeAsync(Guid lotId, CancellationToken ct) =>
        Act(lotId, EvaluationPermissions.Sit, "本阶段审查已结束。", () => Rooms.ConcludeAsync(User, lotId, ct), ct);

    public Task<IActionResult> OnPostRejectAsync(Guid lotId, Guid bidId, string? ground, string? reason, CancellationToken ct) =>
        Act(lotId, EvaluationPermissions.Sit, "否决的依据和理由已记录。", () => Rooms.RejectAsync(User, lotId, bidId, new RejectionInput(ground, reason), ct), ct);

    public Task<IActionResult> OnPostScoreAsync(Guid lotId, Guid bidId, Dictionary<string, decimal>? points, CancellationToken ct) =>
        Act(lotId, EvaluationPermissions.Sit, "评分草稿已保存（仅本人可见）。", () => Rooms.DraftScoreAsync(User, lotId, new ScoreInput(bidId, points), ct), ct);

    public Task<IActionResult> OnPostSubmitAsync(Guid lotId, CancellationToken ct) =>
        Act(lotId, EvaluationPermissions.Sit, "评分已提交。", () => Rooms.SubmitScoresAsync(User, lotId, ct), ct);

    public Task<IActionResult> OnPostReviseAsync(Guid lotId, Guid bidId, string? itemCode, decimal points, string? reason, CancellationToken ct) =>
        Act(lotId, EvaluationPermissions.Sit, "评分已更正。", () => Rooms.ReviseAsync(User, lotId, new ReviseInput(bidId, itemCode, points, reason), ct), ct);

    public Task<IActionResult> OnPostJustifyAsync(Guid lotId, string? findingKey, string? text, CancellationToken ct) =>
        Act(lotId, EvaluationPermissions.Sit, "认定理由已记录。", () => Rooms.JustifyAsync(User, lotId, new JustifyInput(findingKey, text), ct), ct);

    public Task<IActionResult> OnPostCompetitionAsync(Guid lotId, bool rejectAll, string? argument, CancellationToken ct) =>
        Act(lotId, EvaluationPermissions.Sit, "论证和结论已记录。", () => Rooms.DecideCompetitionAsync(User, lotId, new CompetitionInput(rejectAll, argument), ct), ct);

    public Task<IActionResult> OnPostCorrectionAsync(Guid lotId, Guid bidId, decimal sheetTotal, string? sheetTotalInWords, decimal? bodyTotal, string? lines, CancellationToken ct) =>
        Act(lotId, EvaluationPermissions.Sit, "报价修正已发送投标人确认。",
            () => Rooms.ProposeCorrectionAsync(User, lotId, new CorrectionInput(bidId, sheetTotal, sheetTotalInWords, bodyTotal, PriceLines(lines)), ct), ct);

    public Task<IActionResult> OnPostAdjustmentAsync(Guid lotId, Guid bidId, string? factorCode, decimal value, string? reason, CancellationToken ct) =>
        Act(lotId, EvaluationPermissions.Sit, "评标价格调整已记录。", () => Rooms.AdjustAsync(User, lotId, new AdjustmentInput(bidId, factorCode, value, reason), ct), ct);

    /// <summary>
    /// The priced lines as the form gives them, one a line: 名称, 数量, 单价, 合价 (commas, Chinese commas or tabs between);
    /// none when the box is empty.
    /// </summary>
    internal static IReadOnlyList<PriceLineInput>? PriceLines(string? text)
    {
        var rows = (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (rows.Length == 0)
        {
            return null;
        }

        var lines = new List<PriceLineInput>();
        for (var i = 0; i < rows.Length; i++)
        {
            var cells = rows[i].Split([',', '，', '\t'], StringSplitOptions.TrimEntries);
            if (cells.Length != 4 || !Number(cells[1], out var quantity) || !Number(cells[2], out var unitPrice) || !Number(cells[3], out var total))
            {
                throw new InputValidationException(new Dictionary<string, string[]>
                {
                    ["lines"] = [$"分项报价第 {i + 1} 行应为“名称, 数量, 单价, 合价”四项，数字用阿拉伯数字（如：苗木种植, 1200, 85.5, 102600）。"],
                });
            }

            lines.Add(new PriceLineInput(cells[0], quantity, unitPrice, total));
        }

        return lines;

        static bool Number(string s, out decimal value) =>
            decimal.TryParse(s, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out value);
    }

    public Task<IActionResult> OnPostClarificationAsync(Guid lotId, Guid bidId, string? question, int minutes, CancellationToken ct) =>
        Act(lotId, EvaluationPermissions.Sit, "澄清要求已发送投标人。", () => Rooms.AskAsync(User, lotId,
            new ClarificationInput(bidId, question, HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().AddMinutes(minutes)), ct), ct);

    public Task<IActionResult> OnPostReportAsync(Guid lotId, CancellationToken ct) =>
        Act(lotId, EvaluationPermissions.Sit, "评标报告已生成，请各成员签署。", () => Rooms.GenerateReportAsync(User, lotId, ct), ct);

    public Task<IActionResult> OnPostSignAsync(Guid lotId, bool agree, string? reason, CancellationToken ct) =>
        Act(lotId, EvaluationPermissions.Sit, agree ? "已签署评标报告。" : "不同意见和理由已签署。", () => Rooms.SignAsync(User, lotId, new SignInput(agree, reason), ct), ct);

    public Task<IActionResult> OnPostCompleteAsync(Guid lotId, CancellationToken ct) =>
        Act(lotId, EvaluationPermissions.Watch, "签署已结束，评标报告已提交。", () => Rooms.CompleteAsync(User, lotId, ct), ct);

    private async Task LoadAsync(Guid lotId, CancellationToken ct)
    {
        try
        {
            View = await Rooms.RoomAsync(User, lotId, ct);
        }
        catch (NotFoundException)
        {
            View = null;
        }

        if (View is null && (await authorization.AuthorizeAsync(User, EvaluationPermissions.Setup)).Succeeded)
        {
            Setup = await Rooms.SetupAsync(User, lotId, ct);
        }

        MayOpen = View is null && (await authorization.AuthorizeAsync(User, EvaluationPermissions.Open)).Succeeded;
    }

    private Task<IActionResult> Shown(Guid lotId, CancellationToken ct) => Guarded(async () =>
    {
        await LoadAsync(lotId, ct);
        return View is null && Setup is null && !MayOpen ? NotFound() : Page();
    });

    private static async Task<IActionResult> Guarded(Func<Task<IActionResult>> work)
    {
        try
        {
            return await work();
        }
        catch (NotFoundException)
        {
            return new NotFoundResult();
        }
        catch (BusinessRuleException e) when (e.Status is StatusCodes.Status403Forbidden or StatusCodes.Status404NotFound)
        {
            return new StatusCodeResult(e.Status);
        }
    }

    private async Task<IActionResult> Act<T>(Guid lotId, string permission, string done, Func<Task<T>> step, CancellationToken ct)
    {
        if (!(await authorization.AuthorizeAsync(User, permission)).Succeeded)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        var shown = await Shown(lotId, ct);
        if (shown is not PageResult)
        {
            return shown;
        }

        await step();
        Message = done;
        return RedirectToPage(new { lotId });
    }
}
