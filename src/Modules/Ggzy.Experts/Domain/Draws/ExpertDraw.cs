using Ggzy.Experts.Contracts;

namespace Ggzy.Experts.Domain.Draws;

/// <summary>
/// An expert draw for a lot (专家抽取, docs/expert-draw.md): the tenderer's request, then its rounds — the first, and
/// a replacement round for every batch of seats declined or not answered in time — until the committee is complete; the
/// center closes it after the evaluation, which reveals the rounds' seeds. <see cref="Revision"/> makes two concurrent
/// changes (two nodes' clocks, a person and a clock) conflict.
/// </summary>
internal sealed class ExpertDraw
{
    public Guid Id { get; init; }

    public Guid LotId { get; init; }

    public required string LotCode { get; init; }

    public required string LotName { get; init; }

    public required string ProjectName { get; init; }

    public DrawRegime Regime { get; init; }

    public DrawMethod Method { get; init; }

    public decimal BudgetYuan { get; init; }

    public required string RegionCode { get; init; }

    public Guid? CenterId { get; init; }

    public Guid TendererId { get; init; }

    public required string TendererCode { get; init; }

    public required string TendererName { get; init; }

    public Guid? AgencyId { get; init; }

    public string? AgencyCode { get; init; }

    public string? AgencyName { get; init; }

    public DateTimeOffset RequestedAt { get; init; }

    public required string RequestedBy { get; init; }

    public Guid RequestedByOrganization { get; init; }

    public DateTimeOffset EvaluationStartsAt { get; init; }

    /// <summary>评标地点: one site, or several for remote cross-site evaluation (R15); seats name theirs by index.</summary>
    public List<DrawSite> Sites { get; init; } = [];

    public List<DemandLine> Demands { get; init; } = [];

    public int Members { get; init; }

    public int Representatives { get; init; }

    /// <summary>技术复杂或者社会影响较大 (财政部令第87号 第四十七条): the committee needs 7 members or more.</summary>
    public bool ComplexOrHighImpact { get; init; }

    /// <summary>When the clock draws the first round: not before the bid deadline (docs/expert-draw.md §1).</summary>
    public DateTimeOffset DrawAt { get; init; }

    public DrawState State { get; set; } = DrawState.Requested;

    public string? FailureReason { get; set; }

    /// <summary>The key of the draw's pseudonyms, protected with Data Protection (docs/expert-draw.md §3).</summary>
    public required string PseudonymKey { get; init; }

    public DateTimeOffset? ClosedAt { get; set; }

    public string? ClosedBy { get; set; }

    public int Revision { get; set; }

    public List<DrawRound> Rounds { get; init; } = [];

    public List<DrawSeat> Seats { get; init; } = [];

    public int Experts => Members - Representatives;

    /// <summary>The seats that count: drawn in some round and not declined, unanswered or cancelled.</summary>
    public IEnumerable<DrawSeat> Holding => Seats.Where(s => s.State is SeatState.Notified or SeatState.Confirmed or SeatState.SignedIn);

    /// <summary>Seats declined or not answered in time and not yet drawn again.</summary>
    public IEnumerable<DrawSeat> Open => Seats.Where(s => s.State is SeatState.Declined or SeatState.NoAnswer && s.ReplacedInRound is null);
}

/// <summary>An evaluation site (评标地点): its name and address.</summary>
internal sealed record DrawSite(string Name, string Address);

/// <summary>A line of the request: so many experts of a specialty, at a site.</summary>
internal sealed record DemandLine(string Specialty, int Count, int Site);

internal enum DrawState
{
    /// <summary>已申请: waiting for its draw time.</summary>
    Requested = 1,

    /// <summary>抽取中: a round is drawn and answers are awaited, or a seat awaits its replacement.</summary>
    Drawing = 2,

    /// <summary>已组成: every seat confirmed (or signed in).</summary>
    Complete = 3,

    /// <summary>已结束: the evaluation is over and the seeds are public.</summary>
    Closed = 4,

    /// <summary>抽取失败: too few eligible experts.</summary>
    Failed = 5,

    /// <summary>已取消.</summary>
    Cancelled = 6,
}
