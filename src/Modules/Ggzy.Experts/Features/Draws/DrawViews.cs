using Ggzy.Experts.Contracts;
using Ggzy.Experts.Contracts.Drawing;
using Ggzy.Experts.Domain.Draws;
using Ggzy.Experts.Drawing;

namespace Ggzy.Experts.Features.Draws;

/// <summary>The Chinese labels and the public names of the draw's states.</summary>
internal static class DrawViews
{
    public static string StateName(DrawState s) => s switch
    {
        DrawState.Requested => "requested",
        DrawState.Drawing => "drawing",
        DrawState.Complete => "complete",
        DrawState.Closed => "closed",
        DrawState.Failed => "failed",
        DrawState.Cancelled => "cancelled",
    };

    public static string StateLabel(DrawState s) => s switch
    {
        DrawState.Requested => "已申请，待抽取",
        DrawState.Drawing => "已抽取，待专家答复",
        DrawState.Complete => "专家已全部确认",
        DrawState.Closed => "已结束，随机种子已公开",
        DrawState.Failed => "抽取失败",
        DrawState.Cancelled => "已取消",
    };

    public static string SeatName(SeatState s) => s switch
    {
        SeatState.Drawn or SeatState.Notified => SeatOutcomes.Pending,
        SeatState.Confirmed => SeatOutcomes.Confirmed,
        SeatState.Declined => SeatOutcomes.Declined,
        SeatState.NoAnswer => SeatOutcomes.NoAnswer,
        SeatState.SignedIn => SeatOutcomes.SignedIn,
        SeatState.Cancelled => SeatOutcomes.Cancelled,
    };

    public static string SeatLabel(SeatState s) => s switch
    {
        SeatState.Drawn => "已抽中，待通知",
        SeatState.Notified => "已通知，待答复",
        SeatState.Confirmed => "已确认参加",
        SeatState.Declined => "不能参加",
        SeatState.NoAnswer => "未按时答复（视为不能参加）",
        SeatState.SignedIn => "已签到",
        SeatState.Cancelled => "已取消",
    };

    public static string KindName(RoundKind k) => k == RoundKind.Initial ? "initial" : "replacement";

    public static string KindLabel(RoundKind k) => k == RoundKind.Initial ? "首轮抽取" : "补抽";

    public static string RegimeLabel(DrawRegime r) => r == DrawRegime.Tender ? "工程建设项目招标投标" : "政府采购";

    public static string MethodLabel(DrawMethod m) => m switch
    {
        DrawMethod.OpenTender => "公开招标",
        DrawMethod.InvitedTender => "邀请招标",
        DrawMethod.CompetitiveNegotiation => "竞争性谈判",
        DrawMethod.RequestForQuotation => "询价",
    };

    public static DrawExclusionCount Exclusion(ExclusionCount x) => new(x.Code, RecusalReasons.Label(x.Code), x.Count);

    public static DrawProgressView Progress(ExpertDraw draw)
    {
        int Count(params SeatState[] states) => draw.Seats.Count(s => states.Contains(s.State));
        return new DrawProgressView(draw.Experts, Count(SeatState.Drawn, SeatState.Notified), Count(SeatState.Confirmed), Count(SeatState.SignedIn),
            Count(SeatState.Declined), Count(SeatState.NoAnswer), draw.Open.Count());
    }
}
