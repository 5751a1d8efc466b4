using System.Security.Claims;
using Ggzy.Experts.Contracts;
using Ggzy.Experts.Data;
using Ggzy.Experts.Domain.Draws;
using Ggzy.Experts.Features.Draws;
using Microsoft.EntityFrameworkCore;

namespace Ggzy.Experts.Features.Ratings;

/// <summary>An expert's draw record and ratings (R24): what the pool's readers, the Regulator and the expert see.</summary>
internal sealed record ExpertRecordView(
    int Draws,
    int Acceptances,
    int Declines,
    int NoAnswers,
    int Served,
    int Ratings,
    decimal? CenterAverage,
    decimal? TendererAverage,
    IReadOnlyList<RatingView> Recent);

internal sealed record RatingView(Guid Id, string LotCode, RaterKind Rater, string RatedBy, int Score, ExpertGrade Grade, string? Comment, DateTimeOffset RatedAt);

/// <summary>A served seat the user's side may still rate: by the draw's pseudonym, never the pool's.</summary>
internal sealed record PendingRatingView(Guid SeatId, Guid DrawId, string LotCode, string LotName, string Pseudonym, string Specialty,
    RaterKind Rater, DateTimeOffset? ClosedAt);

internal sealed class ExpertRecordQueries(ExpertsDbContext db, RateExpertHandler rate)
{
    /// <summary>How many recent ratings the record lists.</summary>
    public const int RecentRatings = 20;

    public async Task<ExpertRecordView> RecordAsync(Guid expertId, CancellationToken ct)
    {
        var seats = await db.DrawSeats.AsNoTracking().Where(s => s.ExpertId == expertId)
            .GroupBy(s => s.State).Select(g => new { State = g.Key, Count = g.Count() }).ToListAsync(ct);
        var draws = await db.DrawSeats.AsNoTracking().Where(s => s.ExpertId == expertId).Select(s => s.DrawId).Distinct().CountAsync(ct);
        var ratings = await db.Ratings.AsNoTracking().Where(r => r.ExpertId == expertId).ToListAsync(ct);
        int Count(params SeatState[] states) => seats.Where(s => states.Contains(s.State)).Sum(s => s.Count);
        decimal? Average(RaterKind rater) => ratings.Where(r => r.Rater == rater).Select(r => (decimal?)r.Score).Average() is { } a
            ? Math.Round(a, 1)
            : null;
        return new ExpertRecordView(
            draws,
            Count(SeatState.Confirmed, SeatState.SignedIn),
            Count(SeatState.Declined),
            Count(SeatState.NoAnswer),
            Count(SeatState.SignedIn),
            ratings.Count,
            Average(RaterKind.Center),
            Average(RaterKind.Tenderer),
            [.. ratings.OrderByDescending(r => r.RatedAt).Take(RecentRatings)
                .Select(r => new RatingView(r.Id, r.LotCode, r.Rater, r.RatedBy, r.Score, r.Grade, r.Comment, r.RatedAt))]);
    }

    /// <summary>Served seats of closed draws the user rates for (the lot's center, or its tenderer) and has not rated yet.</summary>
    public async Task<IReadOnlyList<PendingRatingView>> PendingAsync(ClaimsPrincipal principal, CancellationToken ct)
    {
        var user = DrawUser.From(principal);
        var closed = await db.Draws.AsNoTracking().Where(d => d.State == DrawState.Closed)
            .Where(d => user.IsCenter || d.TendererId == user.OrganizationId)
            .OrderByDescending(d => d.ClosedAt).Take(200).ToListAsync(ct);
        var pending = new List<PendingRatingView>();
        foreach (var draw in closed)
        {
            if (await rate.RaterAsync(user, draw, ct) is not { } rater)
            {
                continue;
            }

            var rated = await db.Ratings.AsNoTracking().Where(r => r.DrawId == draw.Id && r.Rater == rater).Select(r => r.SeatId).ToListAsync(ct);
            var served = await db.DrawSeats.AsNoTracking().Where(s => s.DrawId == draw.Id && s.State == SeatState.SignedIn)
                .OrderBy(s => s.Round).ThenBy(s => s.Position).ToListAsync(ct);
            pending.AddRange(served.Where(s => !rated.Contains(s.Id))
                .Select(s => new PendingRatingView(s.Id, draw.Id, draw.LotCode, draw.LotName, s.Pseudonym, s.Specialty, rater, draw.ClosedAt)));
        }

        return pending;
    }
}
