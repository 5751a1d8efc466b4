using Ggzy.Experts.Contracts;
using Ggzy.Platform.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ggzy.Experts.Areas.Experts.Pages.Draws;

/// <summary>
/// A draw: the request, the rounds with their seed commitments and digests, the exclusions by reason (counts only), the
/// seats by pseudonym and their progress. The lot's center runs it now, closes it after the evaluation (revealing the
/// seeds) and sees signed-in experts' names; the tenderer cancels it before it is drawn.
/// </summary>
[RequirePermission(DrawPermissions.Read)]
public sealed class DetailsModel(IExpertDraws draws) : PageModel
{
    public DrawView Draw { get; private set; } = null!;

    [TempData]
    public string? Message { get; set; }

    public Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => DrawPages.LoadAsync(this, async () => Draw = await draws.DrawAsync(User, id, ct));

    public Task<IActionResult> OnPostRunAsync(Guid id, CancellationToken ct) => ActAsync(id, () => draws.RunNowAsync(User, id, ct), "已抽取并通知抽中的专家。", ct);

    public Task<IActionResult> OnPostCloseAsync(Guid id, CancellationToken ct) =>
        ActAsync(id, () => draws.CloseAsync(User, id, ct), "抽取已结束，各轮随机种子已公开，抽取记录已发布。", ct);

    public Task<IActionResult> OnPostCancelAsync(Guid id, CancellationToken ct) => ActAsync(id, () => draws.CancelAsync(User, id, ct), "抽取申请已取消。", ct);

    private Task<IActionResult> ActAsync(Guid id, Func<Task> action, string done, CancellationToken ct) => DrawPages.ActAsync(this, async () =>
    {
        await action();
        Message = done;
        return RedirectToPage(new { id });
    }, "Draw", () => OnGetAsync(id, ct));
}
