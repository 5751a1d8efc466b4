using System.Security.Claims;
using Ggzy.Experts.Contracts;
using Ggzy.Experts.Data;
using Ggzy.Experts.Domain.Draws;
using Ggzy.Platform.Errors;
using Ggzy.Platform.Ledger;
using Ggzy.Platform.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Ggzy.Experts.Features.Draws;

/// <summary>
/// What a drawn expert does (docs/expert-draw.md §8): answers the invitation with its one-time code — yes, which sends
/// the sign-in code, or no — within the answer time, and signs in at the evaluation with the sign-in code, signing the
/// credit commitment (R25). Only then may the center's staff of the lot see the expert's name. Wrong codes are counted;
/// too many void the code.
/// </summary>
internal sealed class DrawAnswers(
    ExpertsDbContext db,
    IExpertPool pool,
    DrawNotifier notifier,
    IOptions<DrawOptions> options,
    LedgerWriter ledger,
    TimeProvider clock)
{
    public const string SignInPurpose = "sign-in";

    public async Task<SeatState> AnswerAsync(ClaimsPrincipal principal, Guid seatId, DrawAnswerInput input, CancellationToken ct)
    {
        var (seat, draw) = await SeatAsync(principal, seatId, ct);
        return await AnswerAsync(seat, draw, input, ct);
    }

    /// <summary>The answer for a seat already resolved (the expert's own, or the demonstration's seeding).</summary>
    public async Task<SeatState> AnswerAsync(DrawSeat seat, ExpertDraw draw, DrawAnswerInput input, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (seat.State != SeatState.Notified)
        {
            throw DrawErrors.Refuse(DrawErrors.CodeState, DrawErrors.Format(DrawErrors.NotAnswerable, DrawViews.SeatLabel(seat.State)), 409);
        }

        if (seat.AnswerBy is { } by && now > by)
        {
            throw DrawErrors.Refuse(DrawErrors.CodeAnswerTime, DrawErrors.Format(DrawErrors.AnswerTime, ChinaTime.Format(by)), 409);
        }

        await CheckCodeAsync(draw, seat, DrawNotifier.Invitation, input.Code, s => s.AnswerCode, DrawErrors.WrongCode, DrawErrors.CodeVoid,
            s => s.AnswerAttempts, (s, n) => s.AnswerAttempts = n, ct);

        var subject = DrawLedger.Subject(draw.Id);
        var drafts = new List<LedgerDraft>();
        string? signInCode = null;
        seat.AnsweredAt = now;
        if (input.Accept)
        {
            signInCode = DrawSecrets.NewCode();
            seat.State = SeatState.Confirmed;
            seat.SignInCode = DrawSecrets.CodeDigest(seat.Id, SignInPurpose, signInCode);
            drafts.Add(new(DrawLedger.Confirmed, subject, new { draw = draw.Id, round = seat.Round, position = seat.Position, pseudonym = seat.Pseudonym }));
            var draws = await db.Draws.Include(d => d.Seats).SingleAsync(d => d.Id == draw.Id, ct);
            if (draws.State == DrawState.Drawing && draws.Seats.Count(s => s.State is SeatState.Confirmed or SeatState.SignedIn) == draws.Experts)
            {
                draws.State = DrawState.Complete;
                drafts.Add(new(DrawLedger.Complete, subject, new { draw = draw.Id, lot = draw.LotCode, experts = draws.Experts }));
            }
        }
        else
        {
            var reason = input.Reason?.Trim();
            seat.State = SeatState.Declined;
            seat.DeclineReason = string.IsNullOrEmpty(reason) ? "未说明" : reason[..Math.Min(reason.Length, 200)];
            drafts.Add(new(DrawLedger.Declined, subject, new { draw = draw.Id, round = seat.Round, position = seat.Position, pseudonym = seat.Pseudonym }));
        }

        draw.Revision++;
        await ledger.SaveChangesAsync(db, drafts, ct);
        if (signInCode is not null)
        {
            await notifier.SendSignInCodeAsync(seat.Id, signInCode, ct);
        }

        return seat.State;
    }

    public async Task SignInAsync(ClaimsPrincipal principal, Guid seatId, DrawSignInInput input, CancellationToken ct)
    {
        var (seat, draw) = await SeatAsync(principal, seatId, ct);
        await SignInAsync(seat, draw, input, ct);
    }

    public async Task SignInAsync(DrawSeat seat, ExpertDraw draw, DrawSignInInput input, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (seat.State != SeatState.Confirmed)
        {
            throw DrawErrors.Refuse(DrawErrors.CodeState, DrawErrors.Format(DrawErrors.NotConfirmed, DrawViews.SeatLabel(seat.State)), 409);
        }

        var (opens, closes) = SignInWindow(draw, options.Value);
        if (now < opens || now > closes)
        {
            throw DrawErrors.Refuse(DrawErrors.CodeSignInTime, DrawErrors.Format(DrawErrors.SignInTime, ChinaTime.Format(opens), ChinaTime.Format(closes)), 409);
        }

        var commitment = ExpertCommitments.Current;
        if (!input.AcceptCommitment || (input.CommitmentDigest is { } digest && !string.Equals(digest, commitment.Digest, StringComparison.OrdinalIgnoreCase)))
        {
            throw DrawErrors.Refuse(DrawErrors.CodeCommitment, DrawErrors.Commitment, field: "acceptCommitment");
        }

        await CheckCodeAsync(draw, seat, SignInPurpose, input.Code, s => s.SignInCode, DrawErrors.WrongSignInCode, DrawErrors.SignInCodeVoid,
            s => s.SignInAttempts, (s, n) => s.SignInAttempts = n, ct);
        seat.State = SeatState.SignedIn;
        seat.SignedInAt = now;
        seat.CommitmentVersion = commitment.Version;
        seat.CommitmentDigest = commitment.Digest;
        draw.Revision++;
        await ledger.SaveChangesAsync(db, new LedgerDraft(DrawLedger.SignedIn, DrawLedger.Subject(draw.Id), new
        {
            draw = draw.Id,
            round = seat.Round,
            position = seat.Position,
            pseudonym = seat.Pseudonym,
            commitmentVersion = commitment.Version,
            commitmentDigest = commitment.Digest,
        }), ct);
    }

    /// <summary>The clock's step: seats not answered by their answer time count as declined (and are drawn again).</summary>
    public async Task<bool> ExpireAsync(Guid drawId, DateTimeOffset now, CancellationToken ct)
    {
        var draw = await db.Draws.Include(d => d.Seats).SingleAsync(d => d.Id == drawId, ct);
        var expired = draw.Seats.Where(s => s.State == SeatState.Notified && s.AnswerBy <= now).ToList();
        if (expired.Count == 0 || draw.State != DrawState.Drawing)
        {
            return false;
        }

        foreach (var seat in expired)
        {
            seat.State = SeatState.NoAnswer;
        }

        draw.Revision++;
        await ledger.SaveChangesAsync(db, [.. expired.Select(s => new LedgerDraft(DrawLedger.NoAnswer, DrawLedger.Subject(draw.Id),
            new { draw = draw.Id, round = s.Round, position = s.Position, pseudonym = s.Pseudonym, answerBy = s.AnswerBy, by = DrawLedger.Platform }))], ct);
        return true;
    }

    public static (DateTimeOffset Opens, DateTimeOffset Closes) SignInWindow(ExpertDraw draw, DrawOptions options) =>
        (draw.EvaluationStartsAt.AddMinutes(-options.SignInOpensMinutes), draw.EvaluationStartsAt.AddMinutes(options.SignInClosesMinutes));

    /// <summary>The seat, if it is the signed-in expert's own; otherwise not found.</summary>
    public async Task<(DrawSeat Seat, ExpertDraw Draw)> SeatAsync(ClaimsPrincipal principal, Guid seatId, CancellationToken ct)
    {
        var user = DrawUser.From(principal);
        var expert = await pool.FindByUserAsync(user.UserId, ct) ?? throw new NotFoundException(DrawErrors.SeatNotFound);
        var seat = await db.DrawSeats.SingleOrDefaultAsync(s => s.Id == seatId && s.ExpertId == expert.Id, ct)
            ?? throw new NotFoundException(DrawErrors.SeatNotFound);
        return (seat, await db.Draws.SingleAsync(d => d.Id == seat.DrawId, ct));
    }

    private async Task CheckCodeAsync(ExpertDraw draw, DrawSeat seat, string purpose, string? code, Func<DrawSeat, string?> stored,
        string wrong, string spent, Func<DrawSeat, int> attempts, Action<DrawSeat, int> count, CancellationToken ct)
    {
        var max = options.Value.MaxCodeAttempts;
        if (attempts(seat) >= max)
        {
            throw DrawErrors.Refuse(DrawErrors.CodeAnswerCode, spent, 409, field: "code");
        }

        if (DrawSecrets.CodeMatches(stored(seat), seat.Id, purpose, code?.Trim()))
        {
            return;
        }

        count(seat, attempts(seat) + 1);
        draw.Revision++;
        await ledger.SaveChangesAsync(db, new LedgerDraft(DrawLedger.CodeRejected, DrawLedger.Subject(draw.Id),
            new { draw = draw.Id, round = seat.Round, position = seat.Position, purpose, attempt = attempts(seat) }), ct);
        var left = max - attempts(seat);
        throw DrawErrors.Refuse(DrawErrors.CodeAnswerCode, left > 0 ? DrawErrors.Format(wrong, left) : spent, field: "code");
    }
}
