using Ggzy.Platform.Identity;
using Ggzy.Platform.Time;
using Ggzy.Trading.Contracts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ggzy.Trading.Areas.Trading.Pages.Announcements;

/// <summary>
/// The announcement composer (10号令 第五、六条; 87号令 第十三条): the content the law requires and, per lot, the dates
/// that become its schedule. A new draft for <c>?project=</c>, or a draft being revised (<c>/{id}</c>).
/// </summary>
[RequirePermission(TradingPermissions.ComposeAnnouncement)]
public sealed class ComposeModel(IAnnouncements announcements, TimeProvider clock) : PageModel
{
    public ComposerContext Context { get; private set; } = null!;

    [BindProperty]
    public ComposeAnnouncementInput Input { get; set; } = new();

    public Task<IActionResult> OnGetAsync(Guid? id, Guid? project, CancellationToken ct) => AnnouncementPages.LoadAsync(this, async () =>
    {
        if (id is { } existing)
        {
            Input = await announcements.InputAsync(User, existing, ct);
        }
        else
        {
            Input = new ComposeAnnouncementInput { ProjectId = project ?? Guid.Empty };
        }

        await PrepareAsync(id, fresh: id is null, ct);
    });

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken ct) => await AnnouncementPages.ActAsync(this, async () =>
    {
        var target = id ?? Guid.Empty;
        if (id is { } existing)
        {
            await announcements.UpdateAsync(User, existing, Input, ct);
        }
        else
        {
            target = await announcements.ComposeAsync(User, Input, ct);
        }

        return RedirectToPage("Details", new { id = target });
    }, nameof(Input), () => AnnouncementPages.LoadAsync(this, () => PrepareAsync(id, fresh: false, ct)));

    private async Task PrepareAsync(Guid? id, bool fresh, CancellationToken ct)
    {
        Context = await announcements.ComposerAsync(User, Input.ProjectId, id, ct);
        if (fresh)
        {
            Input.Kind = Context.Regime == "政府采购" ? AnnouncementKind.ProcurementNotice : AnnouncementKind.TenderNotice;
            Input.Title = $"{Context.ProjectName}{(Input.Kind == AnnouncementKind.ProcurementNotice ? "公开招标公告" : "招标公告")}";
            Input.Funding = Context.FundingSource;
            Input.PlatformAddress = "安和市公共资源交易平台（本网站），使用 CA 数字证书登录后获取文件、递交投标文件";
        }

        // One row per composable lot, in order; a new draft proposes dates that leave room for the statutory periods.
        var today = clock.Today();
        DateTime At(int days, int hour, int minute = 0) => today.AddDays(days).ToDateTime(new TimeOnly(hour, minute));
        var rows = new List<AnnouncementLotInput>();
        foreach (var lot in Context.Lots)
        {
            var row = Input.Lots.FirstOrDefault(l => l.LotId == lot.Id) ?? new AnnouncementLotInput
            {
                LotId = lot.Id,
                Include = fresh && !lot.Invited,
                AnnouncementEndsAt = Context.Regime == "政府采购" ? At(10, 17) : null,
                DocumentsFrom = At(1, 9),
                DocumentsUntil = At(12, 17),
                Deadline = At(32, 9, 30),
            };
            rows.Add(row);
        }

        Input.Lots = rows;
    }
}
