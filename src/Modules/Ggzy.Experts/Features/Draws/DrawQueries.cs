using System.Security.Claims;
using System.Text.Json;
using Ggzy.Experts.Contracts;
using Ggzy.Experts.Contracts.Drawing;
using Ggzy.Experts.Data;
using Ggzy.Experts.Domain.Draws;
using Ggzy.Experts.Domain.Specialties;
using Ggzy.Platform.Errors;
using Ggzy.Platform.Identity;
using Ggzy.Platform.Ledger;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Ggzy.Experts.Features.Draws;

/// <summary>
/// The draw as each party may see it (docs/expert-draw.md §9): progress, rounds, commitments and exclusion counts for
/// the tenderer, the agency, the center and the authorities; a signed-in expert's name only to the center's staff of the
/// lot (each read on the Ledger); the expert's own invitations; the public record once the seeds are revealed.
/// </summary>
internal sealed class DrawQueries(
    ExpertsDbContext db,
    IExpertIdentities identities,
    DrawCenters centers,
    SpecialtyCatalog catalog,
    PermissionTable permissions,
    IExpertPool pool,
    IOptions<DrawOptions> options,
    TimeProvider clock)
{
    public async Task<IReadOnlyList<DrawSummaryView>> ListAsync(ClaimsPrincipal principal, CancellationToken ct, Guid? lotId = null)
    {
        var user = DrawUser.From(principal);
        var org = user.OrganizationId ?? Guid.Empty;
        var query = db.Draws.AsNoTracking().Include(d => d.Seats).AsQueryable();
        if (lotId is { } lot)
        {
            query = query.Where(d => d.LotId == lot && d.State != DrawState.Failed && d.State != DrawState.Cancelled);
        }

        if (!user.IsCenter && !user.IsAuthority)
        {
            query = query.Where(d => d.TendererId == org || d.AgencyId == org);
        }

        var draws = await query.ToListAsync(ct);
        return [.. draws.OrderByDescending(d => d.RequestedAt).Take(200).Select(d => new DrawSummaryView(d.Id, d.LotId, d.LotCode, d.LotName, d.ProjectName,
            DrawViews.StateName(d.State), DrawViews.StateLabel(d.State), d.EvaluationStartsAt, d.DrawAt, DrawViews.Progress(d)))];
    }

    public async Task<DrawView> DrawAsync(ClaimsPrincipal principal, Guid drawId, CancellationToken ct)
    {
        var user = DrawUser.From(principal);
        var draw = await db.Draws.AsNoTracking().Include(d => d.Seats).SingleOrDefaultAsync(d => d.Id == drawId, ct);
        if (draw is null || !user.MayRead(draw))
        {
            throw new NotFoundException(DrawErrors.DrawNotFound);
        }

        var rounds = await db.DrawRounds.AsNoTracking().Where(r => r.DrawId == drawId).OrderBy(r => r.Number)
            .Select(r => new { r.Number, r.Kind, r.DrawnAt, r.SeedCommitment, r.Seed, r.SnapshotDigest, r.SelectionDigest, r.Candidates, r.Exclusions })
            .ToListAsync(ct);
        var hosts = permissions.Grants(principal, DrawPermissions.Host) && await centers.IsCenterOfAsync(user, draw.CenterId, ct);
        var seats = new List<DrawSeatView>();
        foreach (var s in draw.Seats.OrderBy(s => s.Round).ThenBy(s => s.Position))
        {
            // R23, 1117号 (十四): names stay hidden until the expert signs in; then the lot's center sees them, each time on the Ledger.
            var identity = hosts && s.State == SeatState.SignedIn
                ? await identities.RevealAsync(s.ExpertId, $"专家签到后向交易中心显示姓名（抽取 {draw.Id}，第 {s.Round} 轮第 {s.Position} 位）", ct)
                : null;
            seats.Add(new DrawSeatView(s.Id, s.Round, s.Position, s.Specialty, draw.Sites[s.Site].Name, s.Pseudonym, DrawViews.SeatName(s.State),
                DrawViews.SeatLabel(s.State), s.AnswerBy, s.SignedInAt, s.ReplacedInRound, identity?.Name, identity?.Code));
        }

        var now = clock.GetUtcNow();
        return new DrawView(draw.Id, draw.LotId, draw.LotCode, draw.LotName, draw.ProjectName, DrawViews.RegimeLabel(draw.Regime),
            DrawViews.MethodLabel(draw.Method), draw.TendererName, draw.AgencyName, DrawViews.StateName(draw.State), DrawViews.StateLabel(draw.State),
            draw.FailureReason, draw.RequestedAt, draw.RequestedBy, draw.EvaluationStartsAt, draw.DrawAt,
            [.. draw.Sites.Select((s, i) => new DrawSiteView(i, s.Name, s.Address))],
            [.. draw.Demands.Select(d => new DrawDemandView(d.Specialty, SpecialtyName(d.Specialty), d.Count, d.Site))],
            draw.Members, draw.Representatives,
            [.. rounds.Select(r => new DrawRoundView(r.Number, DrawViews.KindName(r.Kind), r.DrawnAt, r.SeedCommitment, r.Seed, r.SnapshotDigest,
                r.SelectionDigest, r.Candidates, [.. r.Exclusions.Select(DrawViews.Exclusion)], draw.Seats.Count(s => s.Round == r.Number)))],
            seats, DrawViews.Progress(draw), draw.ClosedAt,
            hosts && (draw.State == DrawState.Requested || (draw.State == DrawState.Drawing && draw.Open.Any())),
            hosts && (draw.State is DrawState.Drawing or DrawState.Complete && now >= draw.EvaluationStartsAt || draw.State == DrawState.Failed),
            (user.RunsLot(draw) || hosts) && draw.State == DrawState.Requested,
            hosts);
    }

    public async Task<IReadOnlyList<InvitationView>> InvitationsAsync(ClaimsPrincipal principal, CancellationToken ct)
    {
        if (await ExpertAsync(principal, ct) is not { } expert)
        {
            return [];
        }

        var seats = await db.DrawSeats.AsNoTracking().Where(s => s.ExpertId == expert && s.State != SeatState.Drawn).ToListAsync(ct);
        var draws = await DrawsAsync(seats.Select(s => s.DrawId), ct);
        return [.. seats.Select(s => Invitation(s, draws[s.DrawId])).OrderByDescending(i => i.EvaluationStartsAt)];
    }

    public async Task<InvitationView> InvitationAsync(ClaimsPrincipal principal, Guid seatId, CancellationToken ct)
    {
        var expert = await ExpertAsync(principal, ct) ?? throw new NotFoundException(DrawErrors.SeatNotFound);
        var seat = await db.DrawSeats.AsNoTracking().SingleOrDefaultAsync(s => s.Id == seatId && s.ExpertId == expert && s.State != SeatState.Drawn, ct)
            ?? throw new NotFoundException(DrawErrors.SeatNotFound);
        return Invitation(seat, (await DrawsAsync([seat.DrawId], ct))[seat.DrawId]);
    }

    /// <summary>The public record (anonymous; pseudonyms only), once the draw is closed and its seeds revealed.</summary>
    public async Task<DrawRecord> RecordAsync(Guid drawId, CancellationToken ct)
    {
        var draw = await db.Draws.AsNoTracking().Include(d => d.Seats).SingleOrDefaultAsync(d => d.Id == drawId, ct)
            ?? throw new NotFoundException(DrawErrors.DrawNotFound);
        if (draw.State != DrawState.Closed)
        {
            throw DrawErrors.Refuse(DrawErrors.CodeNotPublished, DrawErrors.NotPublished, 404, DrawErrors.ConfidentialCitation);
        }

        var rounds = await db.DrawRounds.AsNoTracking().Where(r => r.DrawId == drawId).OrderBy(r => r.Number).ToListAsync(ct);
        var subject = DrawLedger.Subject(drawId);
        var entries = (await db.Set<LedgerEntry>().AsNoTracking().Where(e => e.Subject == subject && e.Type == DrawLedger.RoundDrawn)
                .Select(e => new { e.Sequence, e.Hash, e.Payload }).ToListAsync(ct))
            .ToDictionary(e => JsonDocument.Parse(e.Payload).RootElement.GetProperty("round").GetInt32());
        return new DrawRecord(DrawRecord.FormatV1, draw.Id, draw.LotCode, draw.LotName, DrawViews.StateName(draw.State), draw.EvaluationStartsAt,
            [.. draw.Demands.GroupBy(d => d.Specialty, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => new DrawDemand(g.Key, g.Sum(d => d.Count)))],
            [.. rounds.Select(r => new DrawRecordRound(r.Number, DrawViews.KindName(r.Kind), r.DrawnAt, r.SeedCommitment, r.Seed, r.SnapshotText(),
                r.SnapshotDigest,
                [.. draw.Seats.Where(s => s.Round == r.Number).OrderBy(s => s.Position)
                    .Select(s => new DrawRecordSeat(s.Position, s.Specialty, s.Pseudonym, DrawViews.SeatName(s.State)))],
                r.SelectionDigest, entries.TryGetValue(r.Number, out var e) ? e.Sequence : 0, e?.Hash ?? "",
                [.. r.Exclusions.Select(DrawViews.Exclusion)]))],
            draw.ClosedAt);
    }

    public async Task<IReadOnlyList<SimulatedMessageView>> MessagesAsync(CancellationToken ct) =>
        [.. (await db.SimulatedMessages.AsNoTracking().OrderByDescending(m => m.Id).Take(200).ToListAsync(ct))
            .Select(m => new SimulatedMessageView(m.Id, m.SentAt, m.ExpertCode, m.Recipient, m.Channel, m.Purpose, m.Text, m.DrawId, m.SeatId))];

    private InvitationView Invitation(DrawSeat s, ExpertDraw d)
    {
        var now = clock.GetUtcNow();
        var (opens, closes) = DrawAnswers.SignInWindow(d, options.Value);
        var site = d.Sites[s.Site];
        return new InvitationView(s.Id, d.Id, d.LotCode, d.LotName, d.ProjectName, d.TendererName, d.AgencyName, s.Specialty, SpecialtyName(s.Specialty),
            new DrawSiteView(s.Site, site.Name, site.Address), d.EvaluationStartsAt, DrawViews.SeatName(s.State), DrawViews.SeatLabel(s.State), s.AnswerBy,
            s.State == SeatState.Notified && s.AnswerBy is { } by && now <= by && s.AnswerAttempts < options.Value.MaxCodeAttempts,
            s.State == SeatState.Confirmed && now >= opens && now <= closes && s.SignInAttempts < options.Value.MaxCodeAttempts,
            opens, closes, s.SignedInAt, s.CommitmentVersion, s.CommitmentDigest);
    }

    // An account not linked to an expert of the pool has no invitations.
    private async Task<Guid?> ExpertAsync(ClaimsPrincipal principal, CancellationToken ct) =>
        (await pool.FindByUserAsync(DrawUser.From(principal).UserId, ct))?.Id;

    private async Task<Dictionary<Guid, ExpertDraw>> DrawsAsync(IEnumerable<Guid> ids, CancellationToken ct)
    {
        var wanted = ids.Distinct().ToList();
        return await db.Draws.AsNoTracking().Where(d => wanted.Contains(d.Id)).ToDictionaryAsync(d => d.Id, ct);
    }

    private string SpecialtyName(string code) => catalog.Find(code)?.Name ?? code;
}
