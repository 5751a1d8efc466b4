using Ggzy.Experts.Contracts;
using Ggzy.Platform.Identity;
using Ggzy.Trading.Contracts;
using Ggzy.Trading.Domain.Schedule;
using Ggzy.Trading.Features.Procedures;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.DependencyInjection;

namespace Ggzy.Trading.Areas.Trading.Pages.Lots;

/// <summary>
/// A lot's procedure (R8): its state, schedule and steps; its tenderer or agency pauses, resumes or terminates it with
/// a reason. Links to the lot's documents and bid security pages, and to its expert draw (or the request for one).
/// </summary>
[RequirePermission(TradingPermissions.ReadProcedure)]
public sealed class DetailsModel(IProcedures procedures, IExpertDraws draws, IAwards awards, PermissionTable permissions) : PageModel
{
    /// <summary>The lot's award once its report is signed (null before, or for whom may not see it): the link and the deadline alerts.</summary>
    public AwardView? Award { get; private set; }

    public LotProcedureView Lot { get; private set; } = null!;

    public bool CanManage { get; private set; }

    public bool CanRequestDraw { get; private set; }

    public IReadOnlyList<DrawSummaryView> Draws { get; private set; } = [];

    [BindProperty]
    public LotActionInput Action { get; set; } = new();

    [TempData]
    public string? Message { get; set; }

    public Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => AnnouncementPages.LoadAsync(this, async () =>
    {
        Lot = await procedures.LotAsync(User, id, ct);
        CanManage = Lot.CanManage && permissions.Grants(User, TradingPermissions.ManageProcedure);
        Draws = permissions.Grants(User, DrawPermissions.Read) ? await draws.OfLotAsync(User, id, ct) : [];
        CanRequestDraw = Lot.CanManage && Draws.Count == 0 && permissions.Grants(User, DrawPermissions.Request);
        if (permissions.Grants(User, TradingPermissions.ReadAward))
        {
            try
            {
                Award = await awards.ViewAsync(User, id, ct);
            }
            catch (Ggzy.Platform.Errors.BusinessRuleException)
            {
                Award = null;
            }
        }

        var failures = HttpContext.RequestServices.GetRequiredService<FailurePaths>();
        Links = await failures.LinksAsync(User, id, ct);
        CanRetender = CanManage && Links.RetenderedAs is null && (Lot.State == nameof(LotState.Failed)
            || (Lot.State == nameof(LotState.Archived) && Lot.Steps.Any(s => s.To == LotState.Failed.Label())));
    });

    /// <summary>The failed lot this one re-tenders, and the lot that re-tendered this one (重新招标).</summary>
    internal RetenderLinks Links { get; private set; } = new(null, null);

    public bool CanRetender { get; private set; }

    public Task<IActionResult> OnPostRetenderAsync(Guid id, CancellationToken ct)
    {
        if (!permissions.Grants(User, TradingPermissions.ManageProcedure))
        {
            return Task.FromResult<IActionResult>(StatusCode(StatusCodes.Status403Forbidden));
        }

        return AnnouncementPages.ActAsync(this, async () =>
        {
            var created = await HttpContext.RequestServices.GetRequiredService<FailurePaths>().RetenderAsync(User, id, ct);
            Message = $"已重新招标：新建标段 {created.TradeCode}，请编制时间安排、招标文件并发布公告。";
            return RedirectToPage(new { id = created.LotId });
        }, nameof(Action), () => OnGetAsync(id, ct));
    }

    public Task<IActionResult> OnPostPauseAsync(Guid id, CancellationToken ct) =>
        ActAsync(id, () => procedures.PauseAsync(User, id, Action, ct), "标段已暂停。", ct);

    public Task<IActionResult> OnPostResumeAsync(Guid id, CancellationToken ct) =>
        ActAsync(id, () => procedures.ResumeAsync(User, id, Action, ct), "标段已恢复。", ct);

    public Task<IActionResult> OnPostTerminateAsync(Guid id, CancellationToken ct)
    {
        TerminationRequestView? pending = null;
        return ActAsync(id, async () => pending = await procedures.TerminateAsync(User, id, Action, ct),
            () => pending is null ? "已终止招标。" : "终止申请已提交，待行政监督部门确认后终止并发布终止公告。", ct);
    }

    /// <summary>The supervisory department's note when it confirms or refuses a pending termination.</summary>
    [BindProperty]
    public string? DecisionNote { get; set; }

    public Task<IActionResult> OnPostConfirmTerminationAsync(Guid id, CancellationToken ct) =>
        DecideAsync(id, () => procedures.ConfirmTerminationAsync(User, id, new TerminationDecisionInput(DecisionNote), ct), "已确认终止：标段已终止，终止公告已发布。", ct);

    public Task<IActionResult> OnPostRefuseTerminationAsync(Guid id, CancellationToken ct) =>
        DecideAsync(id, () => procedures.RefuseTerminationAsync(User, id, new TerminationDecisionInput(DecisionNote), ct), "已不予确认终止，程序继续。", ct);

    private async Task<IActionResult> DecideAsync(Guid id, Func<Task> action, string done, CancellationToken ct)
    {
        if (!permissions.Grants(User, TradingPermissions.ConfirmTermination))
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        return await AnnouncementPages.ActAsync(this, async () =>
        {
            await action();
            Message = done;
            return RedirectToPage(new { id });
        }, nameof(DecisionNote), () => OnGetAsync(id, ct));
    }

    private Task<IActionResult> ActAsync(Guid id, Func<Task> action, string done, CancellationToken ct) => ActAsync(id, action, () => done, ct);

    private async Task<IActionResult> ActAsync(Guid id, Func<Task> action, Func<string> done, CancellationToken ct)
    {
        if (!permissions.Grants(User, TradingPermissions.ManageProcedure))
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        return await AnnouncementPages.ActAsync(this, async () =>
        {
            await action();
            Message = done();
            return RedirectToPage(new { id });
        }, nameof(Action), () => OnGetAsync(id, ct));
    }
}
