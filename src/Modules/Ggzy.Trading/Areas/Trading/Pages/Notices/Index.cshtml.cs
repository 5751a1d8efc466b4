using Ggzy.Platform.Errors;
using Ggzy.Platform.Identity;
using Ggzy.Trading.Contracts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ggzy.Trading.Areas.Trading.Pages.Notices;

/// <summary>The signed-in organisation's trading notices (clarifications, answers to objections) and the unread count.</summary>
[RequirePermission(TradingPermissions.ReadNotices)]
public sealed class IndexModel(ITradingNotices notices) : PageModel
{
    public NoticeInbox Inbox { get; private set; } = new(0, []);

    public async Task OnGetAsync(CancellationToken ct) => Inbox = await notices.InboxAsync(User, ct);

    public async Task<IActionResult> OnPostReadAsync(Guid noticeId, CancellationToken ct)
    {
        try
        {
            await notices.MarkReadAsync(User, noticeId, ct);
        }
        catch (NotFoundException)
        {
            return NotFound();
        }

        return RedirectToPage();
    }
}
