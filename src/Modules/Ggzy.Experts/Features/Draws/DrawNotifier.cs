using Ggzy.Experts.Contracts;
using Ggzy.Experts.Data;
using Ggzy.Experts.Domain.Draws;
using Ggzy.Experts.Domain.Specialties;
using Ggzy.Platform.Ledger;
using Ggzy.Platform.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Ggzy.Experts.Features.Draws;

/// <summary>
/// Notifies drawn experts through the gateway (docs/expert-draw.md §8): each seat not yet notified gets a 6-digit answer
/// code, kept only as its digest, and an answer time; the mobile number is revealed for the message alone (a Ledger
/// entry). A seat whose message the gateway refused stays un-notified and is tried again on the clock's next pass.
/// </summary>
internal sealed class DrawNotifier(
    ExpertsDbContext db,
    IExpertIdentities identities,
    IExpertNotificationGateway gateway,
    SpecialtyCatalog catalog,
    IOptions<DrawOptions> options,
    LedgerWriter ledger,
    TimeProvider clock)
{
    public const string Invitation = "invitation";
    public const string Confirmation = "confirmation";

    /// <summary>Notifies every seat of the draw that was drawn and not notified yet; returns how many.</summary>
    public async Task<int> NotifyAsync(Guid drawId, CancellationToken ct)
    {
        var pending = await db.DrawSeats.AsNoTracking()
            .Where(s => s.DrawId == drawId && s.State == SeatState.Drawn)
            .OrderBy(s => s.Round).ThenBy(s => s.Position).Select(s => s.Id).ToListAsync(ct);
        var sent = 0;
        foreach (var seatId in pending)
        {
            sent += await InviteAsync(seatId, ct) ? 1 : 0;
        }

        return sent;
    }

    private async Task<bool> InviteAsync(Guid seatId, CancellationToken ct)
    {
        // The identity is revealed (and its read saved) before anything else is tracked, so that save holds the read alone.
        var expertId = await db.DrawSeats.Where(s => s.Id == seatId).Select(s => s.ExpertId).SingleAsync(ct);
        var identity = await identities.RevealAsync(expertId, $"专家抽取通知（抽取通知 {seatId}）", ct);
        var seat = await db.DrawSeats.SingleAsync(s => s.Id == seatId, ct);
        var draw = await db.Draws.SingleAsync(d => d.Id == seat.DrawId, ct);
        if (seat.State != SeatState.Drawn || draw.State != DrawState.Drawing)
        {
            return false;
        }

        var now = clock.GetUtcNow();
        var answerBy = Min(now.AddMinutes(options.Value.AnswerMinutes), draw.EvaluationStartsAt);
        var code = DrawSecrets.NewCode();
        var site = draw.Sites[seat.Site];
        var text = DrawErrors.Format(
            "【安和市公共资源交易中心】{0}专家：您被随机抽取为“{1} {9}”（{2}）{3}专业的评标专家。评标时间 {4}，地点：{5}（{6}）。"
            + "请于 {7} 前登录平台“我的抽取通知”输入确认码 {8} 确认参加或说明不能参加；与本项目有利害关系的请主动回避。逾期未答复视为不能参加。请勿向他人透露本信息。",
            identity.Name, draw.ProjectName, draw.LotCode, catalog.Find(seat.Specialty)?.Name ?? seat.Specialty, ChinaTime.Format(draw.EvaluationStartsAt)[..16],
            site.Name, site.Address, ChinaTime.Format(answerBy)[..16], code, draw.LotName);
        await gateway.SendAsync(new ExpertNotification(expertId, identity.Code, identity.Mobile, NotificationChannel.Sms, Invitation, text, draw.Id, seat.Id), ct);

        seat.State = SeatState.Notified;
        seat.NotifiedAt = now;
        seat.AnswerBy = answerBy;
        seat.AnswerCode = DrawSecrets.CodeDigest(seat.Id, Invitation, code);
        draw.Revision++;
        await ledger.SaveChangesAsync(db, new LedgerDraft(DrawLedger.Notified, DrawLedger.Subject(draw.Id), new
        {
            draw = draw.Id,
            round = seat.Round,
            position = seat.Position,
            pseudonym = seat.Pseudonym,
            channel = gateway.Name,
            answerBy,
        }), ct);
        return true;
    }

    /// <summary>Tells a confirmed expert the sign-in code (already stored as its digest) and where and when to sign in.</summary>
    public async Task SendSignInCodeAsync(Guid seatId, string code, CancellationToken ct)
    {
        var seat = await db.DrawSeats.AsNoTracking().SingleAsync(s => s.Id == seatId, ct);
        var draw = await db.Draws.AsNoTracking().SingleAsync(d => d.Id == seat.DrawId, ct);
        var identity = await identities.RevealAsync(seat.ExpertId, $"专家确认参加评标后的签到通知（抽取通知 {seatId}）", ct);
        var site = draw.Sites[seat.Site];
        var text = DrawErrors.Format(
            "【安和市公共资源交易中心】{0}专家：您已确认参加“{1} {8}”（{2}）的评标。请于 {3} 至 {4} 到 {5}（{6}）登录平台签到，签到码 {7}，"
            + "签到时须阅读并签署评标专家信用承诺书。请勿向他人透露本信息。",
            identity.Name, draw.ProjectName, draw.LotCode, ChinaTime.Format(draw.EvaluationStartsAt.AddMinutes(-options.Value.SignInOpensMinutes))[..16],
            ChinaTime.Format(draw.EvaluationStartsAt.AddMinutes(options.Value.SignInClosesMinutes))[..16], site.Name, site.Address, code, draw.LotName);
        await gateway.SendAsync(new ExpertNotification(seat.ExpertId, identity.Code, identity.Mobile, NotificationChannel.Sms, Confirmation, text, draw.Id, seat.Id), ct);
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
