using Ggzy.Platform.Time;
using Ggzy.Trading.Contracts;
using Ggzy.Trading.Data;
using Ggzy.Trading.Domain.Opening;
using Microsoft.EntityFrameworkCore;

namespace Ggzy.Trading.Features.Opening;

/// <summary>
/// The portal's search of the published opening records: closed openings only (closing publishes the record), found by
/// a keyword — the project, the lot, their trade codes, the tenderer, the agency or a bidder — and the day of the opening.
/// </summary>
internal sealed class PublishedOpenings(TradingDbContext db) : IPublishedOpenings
{
    public const int PageSize = 20;

    public async Task<PublishedOpeningPage> SearchAsync(PublishedOpeningQuery query, CancellationToken ct)
    {
        var q = db.BidOpenings.AsNoTracking().Where(o => o.Stage == OpeningStage.Closed);
        if (query.Keyword?.Trim() is { Length: > 0 } keyword)
        {
            var k = keyword.Length > 100 ? keyword[..100] : keyword;
            var code = k.ToUpperInvariant();
            var projects = db.Projects.Where(p => p.Name.Contains(k) || p.TradeCode.Contains(code) || p.TendererName.Contains(k)
                || (p.AgencyName != null && p.AgencyName.Contains(k))).Select(p => p.Id);
            var lots = db.Lots.Where(l => l.Name.Contains(k) || l.TradeCode.Contains(code) || projects.Contains(l.ProjectId)).Select(l => l.Id);
            var bidders = db.OpeningBids.Where(b => b.BidderName.Contains(k) || b.CreditCode == code).Select(b => b.LotId);
            q = q.Where(o => lots.Contains(o.LotId) || bidders.Contains(o.LotId));
        }

        if (query.From is { } from)
        {
            var start = ChinaTime.StartOfDay(from);
            q = q.Where(o => o.Deadline >= start);
        }

        if (query.Until is { } until)
        {
            var end = ChinaTime.StartOfDay(until.AddDays(1));
            q = q.Where(o => o.Deadline < end);
        }

        var total = await q.CountAsync(ct);
        var page = Math.Max(1, query.Page);
        var openings = await q.OrderByDescending(o => o.Deadline).ThenByDescending(o => o.LotId)
            .Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        var lotIds = openings.Select(o => o.LotId).ToList();
        var lotsById = await db.Lots.AsNoTracking().Where(l => lotIds.Contains(l.Id)).ToDictionaryAsync(l => l.Id, ct);
        var projectIds = lotsById.Values.Select(l => l.ProjectId).Distinct().ToList();
        var projectsById = await db.Projects.AsNoTracking().Where(p => projectIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        var outcomes = await db.OpeningBids.AsNoTracking().Where(b => lotIds.Contains(b.LotId)).Select(b => new { b.LotId, b.Outcome }).ToListAsync(ct);
        int Count(Guid lotId, OpeningOutcome outcome) => outcomes.Count(b => b.LotId == lotId && b.Outcome == outcome);
        return new PublishedOpeningPage(
        [
            .. openings.Select(o =>
            {
                var lot = lotsById[o.LotId];
                var project = projectsById[lot.ProjectId];
                return new PublishedOpeningRow(lot.Id, lot.TradeCode, lot.Name, project.TradeCode, project.Name, project.TendererName, o.Deadline,
                    o.ClosedAt!.Value, o.BidCount, Count(o.LotId, OpeningOutcome.Decrypted), Count(o.LotId, OpeningOutcome.Revoked),
                    Count(o.LotId, OpeningOutcome.Withdrawn));
            }),
        ], page, PageSize, total);
    }

    public async Task<IReadOnlySet<Guid>> PublishedLotsAsync(IReadOnlyCollection<Guid> lotIds, CancellationToken ct)
    {
        if (lotIds.Count == 0)
        {
            return new HashSet<Guid>();
        }

        var ids = lotIds.ToList();
        return (await db.BidOpenings.AsNoTracking().Where(o => ids.Contains(o.LotId) && o.Stage == OpeningStage.Closed)
            .Select(o => o.LotId).ToListAsync(ct)).ToHashSet();
    }
}
