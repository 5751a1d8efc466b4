using Ggzy.Platform.Identity;
using Ggzy.Trading.Contracts;
using Ggzy.Trading.Data;
using Ggzy.Trading.Features.Opening;
using Ggzy.Trading.Features.Projects;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ggzy.Trading.Areas.Trading.Pages.Opening;

/// <summary>The openings this user may watch, latest deadline first: those of the lots it runs, hosts or supervises, or bid on.</summary>
[RequirePermission(TradingPermissions.WatchOpening)]
public sealed class IndexModel : PageModel
{
    private const int Shown = 100;

    internal IReadOnlyList<OpeningRow> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var db = HttpContext.RequestServices.GetRequiredService<TradingDbContext>();
        var user = TradingUser.From(User);
        var socialSupervisor = User.IsInRole(Roles.SocialSupervisor);
        var openings = await db.BidOpenings.AsNoTracking().Include(o => o.Bids).OrderByDescending(o => o.Deadline).Take(Shown * 4).ToListAsync(ct);
        var lotIds = openings.Select(o => o.LotId).ToList();
        var lots = await db.Lots.AsNoTracking().Where(l => lotIds.Contains(l.Id)).ToDictionaryAsync(l => l.Id, ct);
        var projectIds = lots.Values.Select(l => l.ProjectId).Distinct().ToList();
        var projects = await db.Projects.AsNoTracking().Where(p => projectIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        Rows =
        [
            .. openings
                .Where(o => lots.ContainsKey(o.LotId))
                .Select(o => (Opening: o, Lot: lots[o.LotId], Project: projects[lots[o.LotId].ProjectId]))
                .Where(x => user.MayRead(x.Project) || socialSupervisor || x.Opening.Bids.Any(b => b.OrganizationId == user.OrganizationId))
                .Take(Shown)
                .Select(x => new OpeningRow(x.Lot.Id, x.Lot.TradeCode, x.Lot.Name, x.Project.Name, x.Opening.Deadline, x.Opening.BidCount,
                    BidOpeningService.StageName(x.Opening.Stage), BidOpeningService.StageLabel(x.Opening.Stage),
                    x.Opening.Bids.Any(b => b.OrganizationId == user.OrganizationId))),
        ];
    }

    internal sealed record OpeningRow(Guid LotId, string LotCode, string LotName, string ProjectName, DateTimeOffset Deadline, int Bids,
        string Stage, string StageLabel, bool Mine);
}
