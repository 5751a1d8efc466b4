using Ggzy.Platform.Identity;
using Ggzy.Trading.Features.Evaluation;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.DependencyInjection;

namespace Ggzy.Trading.Areas.Trading.Pages.Evaluation;

/// <summary>The evaluation rooms of this user: those it sits in as a member, and those of the projects it runs or supervises.</summary>
[RequirePermission(EvaluationPermissions.Watch)]
public sealed class IndexModel : PageModel
{
    internal IReadOnlyList<RoomSummaryView> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Rows = await HttpContext.RequestServices.GetRequiredService<EvaluationRoomService>().ListAsync(User, ct);
}
