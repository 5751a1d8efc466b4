namespace Ggzy.Trading.Domain.Archive;

/// <summary>
/// 工程招标: a termination asked by the tenderer or its agency that waits for the supervisory department's confirmation
/// (《吉林市公共资源交易平台服务管理细则》第十七条: 经行政监督管理部门确认，应当终止交易活动). Confirmed, the lot is terminated
/// and its 终止公告 published; refused, the procedure goes on. Kept as asked and decided: never changed afterwards.
/// </summary>
internal sealed class LotTerminationRequest
{
    public Guid Id { get; init; }

    public Guid LotId { get; init; }

    /// <summary>The statutory ground's code (<see cref="Schedule.TerminationGrounds"/>).</summary>
    public required string Ground { get; init; }

    /// <summary>The account of the circumstances, as it will appear in the 终止公告.</summary>
    public required string Detail { get; init; }

    public required string RequestedBy { get; init; }

    public DateTimeOffset RequestedAt { get; init; }

    public TerminationRequestState State { get; set; } = TerminationRequestState.Pending;

    public string? DecidedBy { get; set; }

    public DateTimeOffset? DecidedAt { get; set; }

    /// <summary>The department's note: optional with a confirmation, required with a refusal.</summary>
    public string? DecisionNote { get; set; }

    public int Revision { get; set; }
}

/// <summary>Where a termination request stands.</summary>
internal enum TerminationRequestState
{
    /// <summary>待行政监督部门确认.</summary>
    Pending = 1,

    /// <summary>已确认：标段已终止.</summary>
    Confirmed = 2,

    /// <summary>未予确认：程序继续.</summary>
    Refused = 3,
}
