using Ggzy.Platform.Identity;
using Ggzy.Trading.Contracts;
using Ggzy.Trading.Features.Procedures;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.DependencyInjection;

namespace Ggzy.Trading.Areas.Trading.Pages.Lots;

/// <summary>
/// The terminations waiting for the signed-in supervisor's department (《吉林市公共资源交易平台服务管理细则》第十七条), oldest first,
/// each linking to the lot's page where the department confirms or refuses it; the Regulator sees every department's.
/// </summary>
[RequirePermission(TradingPermissions.ReadPendingTerminations)]
public sealed class TerminationsModel : PageModel
{
    internal IReadOnlyList<PendingTerminationView> Pending { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Pending = await HttpContext.RequestServices.GetRequiredService<FailurePaths>().PendingAsync(User, ct);
}
