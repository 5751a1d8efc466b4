using Ggzy.Experts.Contracts;
using Ggzy.Trading.Data;
using Ggzy.Trading.Domain.Schedule;
using Microsoft.EntityFrameworkCore;

namespace Ggzy.Trading.Features.Experts;

/// <summary>
/// The lots as the expert draw sees them (Experts' <see cref="IDrawLots"/>): parties, amount, method, schedule, and — only
/// once the bids are closed at the deadline — every organisation that submitted a bid, replaced or withdrawn ones too,
/// so that recusal errs on the side of excluding.
/// </summary>
internal sealed class TradingDrawLots(TradingDbContext db) : IDrawLots
{
    public async Task<IReadOnlyList<DrawLot>> ScheduledAsync(CancellationToken ct)
    {
        var ids = await db.Lots.AsNoTracking().Where(l => l.Deadline != null).Select(l => l.Id).ToListAsync(ct);
        var lots = new List<DrawLot>(ids.Count);
        foreach (var id in ids)
        {
            lots.Add((await FindAsync(id, ct))!);
        }

        return lots;
    }

    public async Task<DrawLot?> FindAsync(Guid lotId, CancellationToken ct)
    {
        var lot = await db.Lots.AsNoTracking().SingleOrDefaultAsync(l => l.Id == lotId, ct);
        if (lot is null)
        {
            return null;
        }

        var project = await db.Projects.AsNoTracking().SingleAsync(p => p.Id == lot.ProjectId, ct);
        var closed = await db.BidClosings.AsNoTracking().AnyAsync(c => c.LotId == lotId, ct);
        IReadOnlyList<string> bidders = closed
            ? await db.Bids.AsNoTracking().Where(b => b.LotId == lotId).Select(b => b.CreditCode).Distinct().ToListAsync(ct)
            : [];
        return new DrawLot(
            lot.Id,
            lot.TradeCode,
            lot.Name,
            project.Name,
            project.Regime == Regime.Tender ? DrawRegime.Tender : DrawRegime.Procurement,
            lot.Method == ProcurementMethod.InvitedTender ? DrawMethod.InvitedTender : DrawMethod.OpenTender,
            lot.EstimatedAmount,
            project.RegionCode,
            project.CenterId,
            project.TendererId,
            project.TendererCode,
            project.TendererName,
            project.AgencyId,
            project.AgencyCode,
            project.AgencyName,
            lot.Deadline,
            closed,
            bidders,
            lot.State is not (LotState.Failed or LotState.Terminated));
    }
}
