using Ggzy.Trading.Domain.Schedule;

namespace Ggzy.Trading.Domain.Projects;

/// <summary>
/// A lot (标段/包) of a project: what is bid on and awarded. It stores its procedure (<see cref="LotProcedure"/>): the
/// state, the state a pause came from, the schedule and every step taken. Load it, take <see cref="Procedure"/>, act on
/// the procedure, then <see cref="Record"/> it back; <see cref="Revision"/> makes two concurrent changes conflict.
/// </summary>
internal sealed class Lot
{
    public Guid Id { get; init; }

    public Guid ProjectId { get; init; }

    /// <summary>1, 2, 3 … within the project.</summary>
    public int Number { get; init; }

    /// <summary>统一交易标识码 of the lot (23 characters: the project's and three digits).</summary>
    public required string TradeCode { get; init; }

    public required string Name { get; set; }

    /// <summary>估算价 or 采购预算 in 元.</summary>
    public decimal EstimatedAmount { get; set; }

    public ProcurementMethod Method { get; set; }

    /// <summary>资格预审: the first documents are prequalification documents.</summary>
    public bool Prequalification { get; set; }

    public LotState State { get; private set; } = LotState.Draft;

    public LotState? PausedFrom { get; private set; }

    public DateTimeOffset? AnnouncedAt { get; private set; }

    public DateTimeOffset? AnnouncementEndsAt { get; private set; }

    public DateTimeOffset? DocumentsFrom { get; private set; }

    public DateTimeOffset? DocumentsUntil { get; private set; }

    /// <summary>投标截止时间 (= the opening), or the prequalification application deadline.</summary>
    public DateTimeOffset? Deadline { get; private set; }

    public int? InviteeCount { get; private set; }

    public bool InviteesDrawnWithRecord { get; private set; }

    /// <summary>Increases with every change of the procedure; a concurrency token.</summary>
    public int Revision { get; private set; }

    public List<LotStep> Steps { get; init; } = [];

    /// <summary>The schedule, once every date of it is set.</summary>
    public ProcedureSchedule? Schedule(Regime regime) =>
        AnnouncedAt is { } announced && DocumentsFrom is { } from && DocumentsUntil is { } until && Deadline is { } deadline
            ? new ProcedureSchedule(regime, Method, Prequalification, announced, AnnouncementEndsAt, from, until, deadline,
                InviteeCount, InviteesDrawnWithRecord)
            : null;

    /// <summary>The lot's procedure as stored; null while its schedule is incomplete (a draft without dates).</summary>
    public LotProcedure? Procedure(Regime regime) =>
        Schedule(regime) is { } schedule ? LotProcedure.Restore(State, PausedFrom, schedule) : null;

    /// <summary>Sets the schedule of a draft lot.</summary>
    public void Plan(ProcedureSchedule schedule, string actor)
    {
        var procedure = Procedure(schedule.Regime) ?? LotProcedure.Draft(schedule);
        procedure.Reschedule(schedule);
        Record(procedure, actor);
    }

    /// <summary>Stores the procedure's state and schedule and appends the steps it took since it was restored.</summary>
    public void Record(LotProcedure procedure, string actor)
    {
        foreach (var step in procedure.History)
        {
            Steps.Add(new LotStep
            {
                LotId = Id,
                From = step.From,
                To = step.To,
                Trigger = step.Trigger,
                At = step.At,
                Reason = step.Reason,
                Actor = actor,
            });
        }

        State = procedure.State;
        PausedFrom = procedure.PausedFrom;
        var s = procedure.Schedule;
        Method = s.Method;
        Prequalification = s.Prequalification;
        AnnouncedAt = s.AnnouncedAt;
        AnnouncementEndsAt = s.AnnouncementEndsAt;
        DocumentsFrom = s.DocumentsFrom;
        DocumentsUntil = s.DocumentsUntil;
        Deadline = s.Deadline;
        InviteeCount = s.InviteeCount;
        InviteesDrawnWithRecord = s.InviteesDrawnWithRecord;
        Revision++;
    }
}

/// <summary>One step of a lot's procedure, as stored.</summary>
internal sealed class LotStep
{
    public long Id { get; init; }

    public Guid LotId { get; init; }

    public LotState From { get; init; }

    public LotState To { get; init; }

    public LotTrigger Trigger { get; init; }

    public DateTimeOffset At { get; init; }

    public string? Reason { get; init; }

    /// <summary>The account (or "platform" for a timed step) that took it.</summary>
    public required string Actor { get; init; }
}
