using Ggzy.Platform.Errors;
using static Ggzy.Trading.Domain.Schedule.ChinaDates;

namespace Ggzy.Trading.Domain.Schedule;

/// <summary>
/// A lot's procedure as an explicit state machine: 草稿 → 已发布公告 → 文件发售中 → 投标中 → 投标已截止, with 暂停/恢复
/// (the state paused from is remembered), 招标失败 and 终止. A transition the table does not allow is refused with a
/// Chinese message; a schedule that breaks a statutory timing cannot be published. Persistence-agnostic: a later
/// slice stores <see cref="State"/>, <see cref="PausedFrom"/>, <see cref="Schedule"/> and <see cref="History"/>.
/// </summary>
internal sealed class LotProcedure
{
    private static readonly Dictionary<(LotState, LotTrigger), LotState> Moves = new()
    {
        [(LotState.Draft, LotTrigger.Publish)] = LotState.Announced,
        [(LotState.Announced, LotTrigger.OpenDocumentSale)] = LotState.DocumentsOnSale,
        [(LotState.DocumentsOnSale, LotTrigger.CloseDocumentSale)] = LotState.BiddingOpen,
        [(LotState.BiddingOpen, LotTrigger.PassDeadline)] = LotState.DeadlinePassed,
        [(LotState.DeadlinePassed, LotTrigger.Fail)] = LotState.Failed,
        [(LotState.Announced, LotTrigger.Pause)] = LotState.Paused,
        [(LotState.DocumentsOnSale, LotTrigger.Pause)] = LotState.Paused,
        [(LotState.BiddingOpen, LotTrigger.Pause)] = LotState.Paused,
        [(LotState.DeadlinePassed, LotTrigger.Pause)] = LotState.Paused,
        [(LotState.Announced, LotTrigger.Terminate)] = LotState.Terminated,
        [(LotState.DocumentsOnSale, LotTrigger.Terminate)] = LotState.Terminated,
        [(LotState.BiddingOpen, LotTrigger.Terminate)] = LotState.Terminated,
        [(LotState.DeadlinePassed, LotTrigger.Terminate)] = LotState.Terminated,
        [(LotState.Paused, LotTrigger.Terminate)] = LotState.Terminated,

        // After the opening (issue 8): evaluation, report, publicity (工程招标 only), award, contract, archive.
        [(LotState.DeadlinePassed, LotTrigger.StartEvaluation)] = LotState.Evaluating,
        [(LotState.Evaluating, LotTrigger.SubmitReport)] = LotState.Evaluated,
        [(LotState.Evaluating, LotTrigger.Fail)] = LotState.Failed,
        [(LotState.Evaluated, LotTrigger.StartPublicity)] = LotState.Publicity,
        [(LotState.Evaluated, LotTrigger.Award)] = LotState.Awarded,
        [(LotState.Evaluated, LotTrigger.Fail)] = LotState.Failed,
        [(LotState.Publicity, LotTrigger.Award)] = LotState.Awarded,
        [(LotState.Publicity, LotTrigger.Fail)] = LotState.Failed,
        [(LotState.Awarded, LotTrigger.SignContract)] = LotState.Contracted,
        [(LotState.Evaluating, LotTrigger.Pause)] = LotState.Paused,
        [(LotState.Evaluated, LotTrigger.Pause)] = LotState.Paused,
        [(LotState.Publicity, LotTrigger.Pause)] = LotState.Paused,
        [(LotState.Evaluating, LotTrigger.Terminate)] = LotState.Terminated,
        [(LotState.Evaluated, LotTrigger.Terminate)] = LotState.Terminated,
        [(LotState.Publicity, LotTrigger.Terminate)] = LotState.Terminated,
        [(LotState.Contracted, LotTrigger.Archive)] = LotState.Archived,
        [(LotState.Failed, LotTrigger.Archive)] = LotState.Archived,
        [(LotState.Terminated, LotTrigger.Archive)] = LotState.Archived,
    };

    private readonly List<LotTransition> _history = [];

    private LotProcedure(LotState state, LotState? pausedFrom, ProcedureSchedule schedule)
    {
        State = state;
        PausedFrom = pausedFrom;
        Schedule = schedule;
    }

    public LotState State { get; private set; }

    /// <summary>The state a paused procedure resumes to; null unless <see cref="State"/> is Paused.</summary>
    public LotState? PausedFrom { get; private set; }

    public ProcedureSchedule Schedule { get; private set; }

    public IReadOnlyList<LotTransition> History => _history;

    /// <summary>Whether the procedure has ended (it may still be archived, except once archived).</summary>
    public bool IsFinal => State is LotState.Failed or LotState.Terminated or LotState.Archived;

    public static LotProcedure Draft(ProcedureSchedule schedule) => new(LotState.Draft, null, schedule);

    /// <summary>A procedure as stored.</summary>
    public static LotProcedure Restore(LotState state, LotState? pausedFrom, ProcedureSchedule schedule)
    {
        if ((state == LotState.Paused) != (pausedFrom is not null) || pausedFrom is LotState.Paused or LotState.Draft)
        {
            throw new ArgumentException($"State {state} with paused-from {pausedFrom} is not a state of a lot.", nameof(pausedFrom));
        }

        return new LotProcedure(state, pausedFrom, schedule);
    }

    /// <summary>Which triggers the current state allows.</summary>
    public IReadOnlyList<LotTrigger> Allowed() =>
        [.. Enum.GetValues<LotTrigger>().Where(t => Moves.ContainsKey((State, t)) || (t == LotTrigger.Resume && State == LotState.Paused))];

    /// <summary>Changes the schedule of a draft; a published schedule changes only through <see cref="MoveDeadline"/>.</summary>
    public void Reschedule(ProcedureSchedule schedule)
    {
        if (State != LotState.Draft)
        {
            throw new BusinessRuleException($"标段处于“{State.Label()}”状态，时间安排已随公告发布，不能直接修改；如需变更，请发布澄清或者修改公告。");
        }

        Schedule = schedule;
    }

    /// <summary>Publishes the notice; refused, with every violated rule cited, when the schedule breaks one.</summary>
    public void Publish(ScheduleValidator validator, DateTimeOffset at)
    {
        Guard(LotTrigger.Publish);
        validator.Check(Schedule).ThrowIfNotPublishable();
        Move(LotTrigger.Publish, at, null);
    }

    public void OpenDocumentSale(DateTimeOffset at)
    {
        Guard(LotTrigger.OpenDocumentSale);
        NotBefore(at, Schedule.DocumentsFrom, $"{Schedule.DocumentsName}的发售");
        Move(LotTrigger.OpenDocumentSale, at, null);
    }

    public void CloseDocumentSale(DateTimeOffset at)
    {
        Guard(LotTrigger.CloseDocumentSale);
        NotBefore(at, Schedule.DocumentsUntil, $"结束{Schedule.DocumentsName}的发售");
        Move(LotTrigger.CloseDocumentSale, at, null);
    }

    public void PassDeadline(DateTimeOffset at)
    {
        Guard(LotTrigger.PassDeadline);
        NotBefore(at, Schedule.Deadline, Schedule.DeadlineName + "的截止");
        Move(LotTrigger.PassDeadline, at, null);
    }

    /// <summary>Pauses the procedure, e.g. until an objection is answered; remembers the state to resume to.</summary>
    public void Pause(string reason, DateTimeOffset at)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        if (State == LotState.Paused)
        {
            throw new BusinessRuleException("标段已处于暂停状态，不能重复暂停；请先处理完暂停的原因并恢复。");
        }

        Guard(LotTrigger.Pause);
        var from = State;
        Move(LotTrigger.Pause, at, reason);
        PausedFrom = from;
    }

    /// <summary>Resumes a paused procedure in the state it was paused from.</summary>
    public void Resume(string reason, DateTimeOffset at)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        if (State != LotState.Paused || PausedFrom is not { } back)
        {
            throw Refusal(LotTrigger.Resume);
        }

        _history.Add(new LotTransition(State, back, LotTrigger.Resume, at, reason));
        State = back;
        PausedFrom = null;
    }

    /// <summary>招标失败, e.g. fewer than three bids at the deadline; the reason is stated.</summary>
    public void Fail(string reason, DateTimeOffset at)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        Guard(LotTrigger.Fail);
        Move(LotTrigger.Fail, at, reason);
    }

    public void Terminate(string reason, DateTimeOffset at)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        Guard(LotTrigger.Terminate);
        Move(LotTrigger.Terminate, at, reason);
        PausedFrom = null;
    }

    /// <summary>评标开始: the committee has signed in (opening closed; checked by the evaluation room).</summary>
    public void StartEvaluation(DateTimeOffset at) => Step(LotTrigger.StartEvaluation, at, null);

    /// <summary>The evaluation report is signed (12号令 第四十二条、第四十三条).</summary>
    public void SubmitReport(DateTimeOffset at) => Step(LotTrigger.SubmitReport, at, null);

    /// <summary>中标候选人公示 begins (实施条例 第五十四条).</summary>
    public void StartPublicity(DateTimeOffset at) => Step(LotTrigger.StartPublicity, at, null);

    /// <summary>The award notice is issued; the regime's gates are the award's to check.</summary>
    public void Award(DateTimeOffset at) => Step(LotTrigger.Award, at, null);

    public void SignContract(DateTimeOffset at) => Step(LotTrigger.SignContract, at, null);

    /// <summary>The archive package is built (a contracted, failed or terminated lot).</summary>
    public void Archive(DateTimeOffset at) => Step(LotTrigger.Archive, at, null);

    /// <summary>
    /// Moves the deadline after a clarification or amendment; refused when the new deadline is earlier than the
    /// adjustment allows. Allowed until the deadline passes, also while paused.
    /// </summary>
    public void MoveDeadline(DeadlineAdjustment adjustment, DateTimeOffset newDeadline)
    {
        var open = State is LotState.Announced or LotState.DocumentsOnSale or LotState.BiddingOpen
            || (State == LotState.Paused && PausedFrom != LotState.DeadlinePassed);
        if (!open)
        {
            throw new BusinessRuleException($"标段处于“{State.Label()}”状态，不能再变更{Schedule.DeadlineName}。");
        }

        if (newDeadline < adjustment.EarliestDeadline)
        {
            throw new BusinessRuleException(
                $"新的{Schedule.DeadlineName} {Text(newDeadline)} 早于允许的最早时间 {Text(adjustment.EarliestDeadline)}。{adjustment.Reason}",
                adjustment.Citation, nameof(ProcedureSchedule.Deadline));
        }

        Schedule = Schedule with { Deadline = newDeadline };
    }

    private void Step(LotTrigger trigger, DateTimeOffset at, string? reason)
    {
        Guard(trigger);
        Move(trigger, at, reason);
    }

    private void Guard(LotTrigger trigger)
    {
        if (!Moves.ContainsKey((State, trigger)))
        {
            throw Refusal(trigger);
        }
    }

    private BusinessRuleException Refusal(LotTrigger trigger)
    {
        // Archiving is the platform's own step once a procedure has ended, not something a user may choose.
        var allowed = Allowed().Where(t => t != LotTrigger.Archive).ToList();
        var next = allowed.Count == 0 ? "该标段的程序已结束，不能再进行任何操作。" : $"当前可以：{string.Join("、", allowed.Select(t => t.Label()))}。";
        return new BusinessRuleException($"标段处于“{State.Label()}”状态，不能{trigger.Label()}。{next}");
    }

    private static void NotBefore(DateTimeOffset at, DateTimeOffset scheduled, string what)
    {
        if (at < scheduled)
        {
            throw new BusinessRuleException($"按公告的时间安排，{what}时间为 {Text(scheduled)}，现在（{Text(at)}）还不能进行。");
        }
    }

    private void Move(LotTrigger trigger, DateTimeOffset at, string? reason)
    {
        var to = Moves[(State, trigger)];
        _history.Add(new LotTransition(State, to, trigger, at, reason));
        State = to;
    }
}
