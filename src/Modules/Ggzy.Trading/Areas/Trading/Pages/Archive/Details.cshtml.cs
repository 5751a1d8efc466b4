using Ggzy.Platform.Identity;
using Ggzy.Trading.Contracts;
using Ggzy.Trading.Features.Archive;
using Ggzy.Trading.Features.Procedures;
using Ggzy.Trading.Features.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.DependencyInjection;

namespace Ggzy.Trading.Areas.Trading.Pages.Archive;

/// <summary>
/// A lot's archive package: what it holds (from its signed manifest), its retention and basis, its SM3 and the key
/// fingerprint, how to check it offline; for a failed or terminated lot the reason, the deposit refunds and the re-tender
/// link. Open to any signed-in account; the package's owners are checked per lot (others get 403).
/// </summary>
[Authorize]
public sealed class DetailsModel : PageModel
{
    internal ArchiveDetailView Archive { get; private set; } = null!;

    internal IReadOnlyList<RefundDutyView> Refunds { get; private set; } = [];

    internal RetenderLinks Links { get; private set; } = new(null, null);

    public Task<IActionResult> OnGetAsync(Guid lot, CancellationToken ct) => AnnouncementPages.LoadAsync(this, async () =>
    {
        var services = HttpContext.RequestServices;
        Archive = await services.GetRequiredService<LotArchiveService>().DetailAsync(User, lot, ct);
        Refunds = await services.GetRequiredService<LotArchiveService>().RefundsAsync(lot, ct);
        Links = await services.GetRequiredService<FailurePaths>().LinksAsync(User, lot, ct);
        CanRetender = Archive.Outcome == LotArchiveService.OutcomeLabel(Domain.Archive.ArchiveOutcome.Failed) && Links.RetenderedAs is null
            && services.GetRequiredService<PermissionTable>().Grants(User, TradingPermissions.ManageProcedure)
            && await services.GetRequiredService<LotArchiveService>().RunsAsync(User, lot, ct);
    });

    public bool CanRetender { get; private set; }

    public Task<IActionResult> OnPostRetenderAsync(Guid lot, CancellationToken ct) => AnnouncementPages.ActAsync(this, async () =>
    {
        if (!HttpContext.RequestServices.GetRequiredService<PermissionTable>().Grants(User, TradingPermissions.ManageProcedure))
        {
            return StatusCode(Microsoft.AspNetCore.Http.StatusCodes.Status403Forbidden);
        }

        var created = await HttpContext.RequestServices.GetRequiredService<FailurePaths>().RetenderAsync(User, lot, ct);
        return Redirect($"/Trading/Lots/Details/{created.LotId}");
    }, "", () => OnGetAsync(lot, ct));
}
