using Ggzy.Experts.Contracts;
using Ggzy.Platform.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ggzy.Experts.Areas.Experts.Pages.Draws;

/// <summary>An invitation answered with the one-time code from the message: 确认参加, or 不能参加 with a reason.</summary>
[RequirePermission(DrawPermissions.Answer)]
public sealed class InvitationModel(IExpertDraws draws) : PageModel
{
    public InvitationView Invitation { get; private set; } = null!;

    [BindProperty]
    public AnswerForm Input { get; set; } = new();

    [TempData]
    public string? Message { get; set; }

    public Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) =>
        DrawPages.LoadAsync(this, async () => Invitation = await draws.InvitationAsync(User, id, ct));

    public Task<IActionResult> OnPostConfirmAsync(Guid id, CancellationToken ct) => AnswerAsync(id, true, "已确认参加评标，签到码已通过短信发送。", ct);

    public Task<IActionResult> OnPostDeclineAsync(Guid id, CancellationToken ct) => AnswerAsync(id, false, "已答复不能参加，平台将另行补抽。", ct);

    private Task<IActionResult> AnswerAsync(Guid id, bool accept, string done, CancellationToken ct) => DrawPages.ActAsync(this, async () =>
    {
        await draws.AnswerAsync(User, id, new DrawAnswerInput(Input.Code, accept, Input.Reason), ct);
        Message = done;
        return RedirectToPage(new { id });
    }, nameof(Input), () => OnGetAsync(id, ct));

    public sealed class AnswerForm
    {
        public string? Code { get; set; }

        public string? Reason { get; set; }
    }
}
