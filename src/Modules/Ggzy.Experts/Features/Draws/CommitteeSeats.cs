using Ggzy.Experts.Contracts;
using Ggzy.Experts.Data;
using Ggzy.Experts.Domain.Draws;
using Ggzy.Experts.Domain.Specialties;
using Ggzy.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Ggzy.Experts.Features.Draws;

/// <summary>
/// The signed-in seats of a lot's draw as the evaluation room needs them: the account each expert signs in with, the
/// pseudonym, the specialty and the site. The expert's name is not given: the room shows pseudonyms and accounts.
/// </summary>
internal sealed class CommitteeSeats(ExpertsDbContext db, PlatformDbContext platform, SpecialtyCatalog catalog) : ICommitteeSeats
{
    public async Task<LotCommittee?> OfLotAsync(Guid lotId, CancellationToken ct)
    {
        var draw = await db.Draws.AsNoTracking().Include(d => d.Seats)
            .Where(d => d.LotId == lotId && d.State != DrawState.Failed && d.State != DrawState.Cancelled)
            .OrderByDescending(d => d.RequestedAt)
            .FirstOrDefaultAsync(ct);
        if (draw is null)
        {
            return null;
        }

        var signedIn = draw.Seats.Where(s => s.State == SeatState.SignedIn && s.SignedInAt is not null).OrderBy(s => s.Round).ThenBy(s => s.Position).ToList();
        var expertIds = signedIn.Select(s => s.ExpertId).ToList();
        var users = await db.Experts.AsNoTracking().Where(e => expertIds.Contains(e.Id)).Select(e => new { e.Id, e.UserId }).ToListAsync(ct);
        var userIds = users.Where(u => u.UserId is not null).Select(u => u.UserId!.Value).ToList();
        var names = await platform.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).Select(u => new { u.Id, u.UserName }).ToListAsync(ct);
        string? Account(Guid expertId) =>
            users.FirstOrDefault(u => u.Id == expertId)?.UserId is { } id ? names.FirstOrDefault(n => n.Id == id)?.UserName : null;

        return new LotCommittee(draw.Id, draw.LotId, draw.Members, draw.Representatives,
            [.. draw.Sites.Select((s, i) => new DrawSiteView(i, s.Name, s.Address))],
            [.. signedIn.Select(s => new CommitteeSeat(s.Id, s.ExpertId, Account(s.ExpertId), s.Pseudonym, s.Specialty,
                catalog.Find(s.Specialty)?.Name ?? s.Specialty, s.Site, s.SignedInAt!.Value))]);
    }
}
