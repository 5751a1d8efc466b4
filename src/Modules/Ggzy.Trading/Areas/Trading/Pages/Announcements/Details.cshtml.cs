using Ggzy.Platform.Identity;
using Ggzy.Trading.Contracts;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ggzy.Trading.Areas.Trading.Pages.Announcements;

/// <summary>
/// An announcement as the public will see it, with every problem that stops its publication (each rule cited); its
/// composer publishes it now or at the set time, attaches files, draws a procurement invitation's invitees, and
/// amends it once published. Invitees read the invitation sent to them.
/// </summary>
[RequirePermission(TradingPermissions.ReadAnnouncements)]
public sealed class DetailsModel(IAnnouncements announcements, PermissionTable permissions) : PageModel
{
    public AnnouncementPreview Preview { get; private set; } = null!;

    public bool CanCompose { get; private set; }

    [BindProperty]
    public AmendAnnouncementInput Amend { get; set; } = new();

    [BindProperty]
    public DrawInviteesInput Draw { get; set; } = new();

    [TempData]
    public string? Message { get; set; }

    public Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => AnnouncementPages.LoadAsync(this, async () =>
    {
        Preview = await announcements.PreviewAsync(User, id, ct);
        CanCompose = Preview.CanAct && permissions.Grants(User, TradingPermissions.ComposeAnnouncement);
    });

    public Task<IActionResult> OnPostPublishAsync(Guid id, CancellationToken ct) => ActAsync(id, async () =>
    {
        var status = await announcements.PublishAsync(User, id, ct);
        Message = status == AnnouncementStatus.Published ? "公告已发布，各标段进入“已发布公告”状态。" : "已设定时发布，到时由平台自动发布；在此之前可以撤回。";
        return RedirectToPage(new { id });
    }, "", ct);

    public Task<IActionResult> OnPostUnscheduleAsync(Guid id, CancellationToken ct) => ActAsync(id, async () =>
    {
        await announcements.UnscheduleAsync(User, id, ct);
        Message = "已撤回定时发布，公告回到草稿。";
        return RedirectToPage(new { id });
    }, "", ct);

    public Task<IActionResult> OnPostAttachAsync(Guid id, IFormFile? file, CancellationToken ct) => ActAsync(id, async () =>
    {
        if (file is null)
        {
            ModelState.AddModelError("File", "请选择要上传的附件。");
            return await OnGetAsync(id, ct);
        }

        await using var content = file.OpenReadStream();
        await announcements.AttachAsync(User, id, file.FileName, file.ContentType, content, ct);
        Message = "附件已上传。";
        return RedirectToPage(new { id });
    }, "File", ct);

    public Task<IActionResult> OnPostDrawAsync(Guid id, CancellationToken ct) => ActAsync(id, async () =>
    {
        await announcements.DrawInviteesAsync(User, id, Draw, ct);
        Message = "已随机抽取被邀请供应商，抽取记录已留存。";
        return RedirectToPage(new { id });
    }, nameof(Draw), ct);

    public Task<IActionResult> OnPostAmendAsync(Guid id, CancellationToken ct) => ActAsync(id, async () =>
    {
        var amendment = await announcements.AmendAsync(User, id, Amend, ct);
        Message = "更正公告草稿已保存，请检查后发布。";
        return RedirectToPage(new { id = amendment });
    }, nameof(Amend), ct);

    private async Task<IActionResult> ActAsync(Guid id, Func<Task<IActionResult>> action, string prefix, CancellationToken ct)
    {
        if (!permissions.Grants(User, TradingPermissions.ComposeAnnouncement))
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        return await AnnouncementPages.ActAsync(this, action, prefix, () => OnGetAsync(id, ct));
    }
}
