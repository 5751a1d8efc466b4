using System.Security.Claims;
using Ggzy.Experts.Data;
using Ggzy.Experts.Domain.Draws;
using Ggzy.Platform.Errors;
using Ggzy.Platform.Ledger;
using Ggzy.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Ggzy.Experts.Features.Draws;

/// <summary>
/// What the center's staff do with a draw: draw now instead of waiting for the clock (never before the bid deadline),
/// and close it once the evaluation is over, which reveals every round's seed and publishes the draw record
/// (docs/expert-draw.md §6). Staff never see or choose a seed before then.
/// </summary>
internal sealed class DrawHosting(
    ExpertsDbContext db,
    DrawCenters centers,
    DrawRounds rounds,
    DrawNotifier notifier,
    DrawSecrets secrets,
    LedgerWriter ledger,
    TimeProvider clock)
{
    public async Task<RoundOutcome> RunNowAsync(ClaimsPrincipal principal, Guid drawId, CancellationToken ct)
    {
        var (user, draw) = await HostedAsync(principal, drawId, ct);
        if (!(draw.State == DrawState.Requested || (draw.State == DrawState.Drawing && draw.Open.Any())))
        {
            throw DrawErrors.Refuse(DrawErrors.CodeState, DrawErrors.Format(DrawErrors.NotRequested, DrawViews.StateLabel(draw.State), "抽取"), 409);
        }

        var outcome = await rounds.DrawAsync(drawId, user.UserName, ct);
        if (outcome == RoundOutcome.Drawn)
        {
            await notifier.NotifyAsync(drawId, ct);
        }

        return outcome;
    }

    public async Task CloseAsync(ClaimsPrincipal principal, Guid drawId, CancellationToken ct)
    {
        var (user, draw) = await HostedAsync(principal, drawId, ct);
        var now = clock.GetUtcNow();
        if (draw.State is not (DrawState.Drawing or DrawState.Complete or DrawState.Failed))
        {
            throw DrawErrors.Refuse(DrawErrors.CodeState, DrawErrors.Format(DrawErrors.NotRequested, DrawViews.StateLabel(draw.State), "结束"), 409);
        }

        if (now < draw.EvaluationStartsAt && draw.State != DrawState.Failed)
        {
            throw DrawErrors.Refuse(DrawErrors.CodeState, DrawErrors.Format(DrawErrors.CloseEarly, ChinaTime.Format(draw.EvaluationStartsAt)), 409);
        }

        var drawRounds = await db.DrawRounds.Where(r => r.DrawId == draw.Id).OrderBy(r => r.Number).ToListAsync(ct);
        foreach (var round in drawRounds)
        {
            round.Seed = Convert.ToHexStringLower(secrets.UnprotectSeed(round.SeedProtected));
        }

        foreach (var seat in draw.Seats.Where(s => s.State is SeatState.Drawn or SeatState.Notified))
        {
            seat.State = SeatState.Cancelled;
        }

        draw.State = DrawState.Closed;
        draw.ClosedAt = now;
        draw.ClosedBy = user.UserName;
        draw.Revision++;
        await ledger.SaveChangesAsync(db, new LedgerDraft(DrawLedger.Closed, DrawLedger.Subject(draw.Id), new
        {
            draw = draw.Id,
            lot = draw.LotCode,
            rounds = drawRounds.Select(r => new { round = r.Number, seed = r.Seed, seedCommitment = r.SeedCommitment }),
            by = user.UserName,
        }), ct);
    }

    private async Task<(DrawUser User, ExpertDraw Draw)> HostedAsync(ClaimsPrincipal principal, Guid drawId, CancellationToken ct)
    {
        var user = DrawUser.From(principal);
        var draw = await db.Draws.Include(d => d.Seats).SingleOrDefaultAsync(d => d.Id == drawId, ct);
        if (draw is null || !user.MayRead(draw))
        {
            throw new NotFoundException(DrawErrors.DrawNotFound);
        }

        return await centers.IsCenterOfAsync(user, draw.CenterId, ct)
            ? (user, draw)
            : throw new ForbiddenException("只有受理该项目的交易中心的工作人员可以主持该抽取。");
    }
}
