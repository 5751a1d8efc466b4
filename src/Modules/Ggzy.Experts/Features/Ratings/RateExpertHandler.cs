using System.Security.Claims;
using Ggzy.Experts.Contracts;
using Ggzy.Experts.Data;
using Ggzy.Experts.Domain.Draws;
using Ggzy.Experts.Domain.Ratings;
using Ggzy.Experts.Features.Draws;
using Ggzy.Experts.Features.Pool;
using Ggzy.Platform.Errors;
using Ggzy.Platform.Ledger;
using Microsoft.EntityFrameworkCore;

namespace Ggzy.Experts.Features.Ratings;

/// <summary>
/// 一标一评 (R24, Wuhan §11): the center of the lot, or its tenderer, rates an expert who served on it, once, after the
/// evaluation (the draw closed). The rating is on the Ledger and is never changed.
/// </summary>
internal sealed class RateExpertHandler(ExpertsDbContext db, DrawCenters centers, LedgerWriter ledger, TimeProvider clock)
{
    public const string Wuhan11 = "《武汉市公共资源交易平台服务管理细则（试行）》第十一条";

    public async Task<ExpertRating> RateAsync(ClaimsPrincipal principal, RatingInput input, CancellationToken ct)
    {
        var user = DrawUser.From(principal);
        var seat = await db.DrawSeats.AsNoTracking().FirstOrDefaultAsync(s => s.Id == input.SeatId, ct)
            ?? throw new NotFoundException("没有找到该评标专家席位。");
        var draw = await db.Draws.AsNoTracking().FirstAsync(d => d.Id == seat.DrawId, ct);
        var rater = await RaterAsync(user, draw, ct) ?? throw new ForbiddenException(
            $"一标一评由该标段的交易中心作出并报公管办（{Wuhan11}），招标人也可评价本项目的专家；您不是该标段的交易中心或招标人。");

        if (draw.State != DrawState.Closed || seat.State != SeatState.SignedIn)
        {
            throw ExpertValidation.Refuse("EXPERT_RATING_NOT_SERVED",
                "只能在评标结束（交易中心关闭抽取）后，评价在该标段签到参加评标的专家。", 409);
        }

        var v = new ExpertValidation();
        var scored = input.Score is >= 0 and <= 100;
        var score = input.Score ?? 0;
        if (!scored)
        {
            v.Fail("score", "请填写 0 至 100 的整数评分。");
        }

        var comment = v.OptionalText("comment", input.Comment, "评价意见", 500);
        var grade = ExpertGrades.Of(score);
        if (scored && grade == ExpertGrade.Incompetent && comment is null)
        {
            v.Fail("comment", "评为不称职（60 分以下）的，请写明具体事实，以便公管办据此考评。");
        }

        v.ThrowIfAny();
        if (await db.Ratings.AnyAsync(r => r.ExpertId == seat.ExpertId && r.LotId == draw.LotId && r.Rater == rater, ct))
        {
            throw Exists(rater);
        }

        var now = clock.GetUtcNow();
        var rating = new ExpertRating
        {
            Id = Guid.CreateVersion7(now),
            ExpertId = seat.ExpertId,
            DrawId = draw.Id,
            SeatId = seat.Id,
            LotId = draw.LotId,
            LotCode = draw.LotCode,
            Rater = rater,
            RaterOrganizationId = user.OrganizationId!.Value,
            RatedBy = user.UserName,
            Score = score,
            Grade = grade,
            Comment = comment,
            RatedAt = now,
        };
        db.Ratings.Add(rating);
        var code = await db.Experts.Where(e => e.Id == seat.ExpertId).Select(e => e.Number).FirstAsync(ct);
        try
        {
            await ledger.SaveChangesAsync(db, new LedgerDraft(ExpertsLedger.Rated, ExpertsLedger.Subject(seat.ExpertId), new
            {
                expert = Domain.Pool.Expert.CodeOf(code),
                lot = draw.LotCode,
                draw = draw.Id,
                rater = rater.ToString(),
                score,
                grade = grade.ToString(),
                comment,
            }), ct);
        }
        catch (DbUpdateException)
        {
            throw Exists(rater);
        }

        return rating;
    }

    /// <summary>Which side the user rates for on this draw, or null when neither.</summary>
    public async Task<RaterKind?> RaterAsync(DrawUser user, ExpertDraw draw, CancellationToken ct)
    {
        if (user.IsCenter && await centers.IsCenterOfAsync(user, draw.CenterId, ct))
        {
            return RaterKind.Center;
        }

        return user.OrganizationId is { } org && org == draw.TendererId ? RaterKind.Tenderer : null;
    }

    private static BusinessRuleException Exists(RaterKind rater) => ExpertValidation.Refuse("EXPERT_RATING_EXISTS",
        $"{rater.Label()}已对该专家在本标段的评标作出评价；一标一评每方只评一次，评价不可修改（{Wuhan11}）。", 409);
}
