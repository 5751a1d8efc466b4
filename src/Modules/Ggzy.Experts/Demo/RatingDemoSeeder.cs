using Ggzy.Experts.Contracts;
using Ggzy.Experts.Data;
using Ggzy.Experts.Domain.Draws;
using Ggzy.Experts.Domain.Pool;
using Ggzy.Experts.Domain.Reviews;
using Ggzy.Experts.Features;
using Ggzy.Platform.Demo;
using Ggzy.Platform.Ledger;
using Microsoft.EntityFrameworkCore;

namespace Ggzy.Experts.Demo;

/// <summary>
/// 一标一评 of the demo's earliest closed draw (沿江大道 道路及排水工程施工, closed by the evaluation demo after its report):
/// the center has rated every expert who served except the last (left for the demo user to rate); the tenderer has rated
/// the first. The other closed draws' experts wait for their ratings.
/// </summary>
internal sealed class RatingDemoSeeder(ExpertsDbContext db, LedgerWriter ledger, TimeProvider clock) : IDemoSeeder
{
    private static readonly int[] Scores = [92, 85, 78, 55, 88, 80, 95];

    // After the evaluation demos (220, 230), which close the draws of the lots they evaluate.
    public int Order => 235;

    public async Task SeedAsync(CancellationToken ct)
    {
        if (await db.Reviews.AnyAsync(ct))
        {
            return;
        }

        var now = clock.GetUtcNow();
        var drafts = new List<LedgerDraft>();
        var closed = await db.Draws.AsNoTracking().Where(d => d.State == DrawState.Closed).ToListAsync(ct);
        foreach (var draw in closed.OrderBy(d => d.EvaluationStartsAt).Take(1))
        {
            var served = await db.DrawSeats.AsNoTracking().Where(s => s.DrawId == draw.Id && s.State == SeatState.SignedIn)
                .OrderBy(s => s.Round).ThenBy(s => s.Position).ToListAsync(ct);
            var numbers = await db.Experts.AsNoTracking().Where(e => served.Select(s => s.ExpertId).Contains(e.Id))
                .ToDictionaryAsync(e => e.Id, e => e.Number, ct);
            for (var i = 0; i < served.Count - 1; i++)
            {
                var score = Scores[i % Scores.Length];
                Add(draw, served[i], RaterKind.Center, draw.CenterId ?? Guid.Empty, "clerk", score,
                    score < 60 ? "评标时多次接打私人电话，对技术标评分理由阐述不清，经提醒后仍未改正。" : null);
            }

            if (served.Count > 0)
            {
                Add(draw, served[0], RaterKind.Tenderer, draw.TendererId, "tenderer", 90, "评审认真，意见专业。");
            }

            void Add(ExpertDraw draw, DrawSeat seat, RaterKind rater, Guid organization, string by, int score, string? comment)
            {
                var rating = new ExpertReview
                {
                    Id = Guid.CreateVersion7(now),
                    ExpertId = seat.ExpertId,
                    DrawId = draw.Id,
                    SeatId = seat.Id,
                    LotId = draw.LotId,
                    LotCode = draw.LotCode,
                    Rater = rater,
                    RaterOrganizationId = organization,
                    RatedBy = by,
                    Score = score,
                    Grade = ExpertGrades.Of(score),
                    Comment = comment,
                    RatedAt = now,
                };
                db.Reviews.Add(rating);
                drafts.Add(new LedgerDraft(ExpertsLedger.Rated, ExpertsLedger.Subject(seat.ExpertId), new
                {
                    expert = Expert.CodeOf(numbers[seat.ExpertId]),
                    lot = draw.LotCode,
                    draw = draw.Id,
                    rater = rater.ToString(),
                    score,
                    grade = rating.Grade.ToString(),
                    comment,
                    demo = true,
                }));
            }
        }

        if (drafts.Count > 0)
        {
            await ledger.SaveChangesAsync(db, drafts, ct);
        }
    }
}
