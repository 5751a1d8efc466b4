using System.Security.Claims;

namespace Ggzy.Trading.Contracts;

/// <summary>A step of a lot's procedure as shown.</summary>
public sealed record LotStepView(string From, string To, string Action, DateTimeOffset At, string? Reason, string Actor);

/// <summary>A lot's procedure: its state, schedule, steps and what the user may do now.</summary>
public sealed record LotProcedureView(
    Guid LotId, Guid ProjectId, string ProjectName, string ProjectTradeCode, int Number, string Name, string TradeCode,
    decimal EstimatedAmount, string Method, bool Prequalification, string State, string StateLabel, string? PausedFromLabel,
    DateTimeOffset? AnnouncedAt, DateTimeOffset? AnnouncementEndsAt, DateTimeOffset? DocumentsFrom, DateTimeOffset? DocumentsUntil,
    DateTimeOffset? Deadline, int? InviteeCount, bool InviteesDrawnWithRecord, IReadOnlyList<LotStepView> Steps,
    IReadOnlyList<string> AllowedActions, bool CanManage, IReadOnlyList<AnnouncementSummary> Announcements,
    IReadOnlyList<TerminationGroundView> TerminationGrounds,
    TerminationRequestView? TerminationRequest = null,
    bool CanDecideTermination = false,
    bool TerminationNeedsConfirmation = false,
    string? SupervisoryDepartment = null,
    string? SupervisoryDepartmentCitation = null);

/// <summary>
/// 工程招标: a termination waiting for, or decided by, the supervisory department (Jilin-Rules §17): the ground, the
/// account, who asked and when; <c>pending</c>, <c>confirmed</c> (the lot is terminated, its 终止公告 published) or
/// <c>refused</c> (the procedure goes on), with who decided, when and the note.
/// </summary>
public sealed record TerminationRequestView(
    Guid Id, string Ground, string GroundLabel, string GroundCitation, string Detail, string RequestedBy, DateTimeOffset RequestedAt,
    string State, string StateLabel, string? DecidedBy, DateTimeOffset? DecidedAt, string? DecisionNote, string Rule);

/// <summary>The supervisory department's confirmation or refusal of a termination: a note (required with a refusal).</summary>
public sealed record TerminationDecisionInput(string? Note);

/// <summary>A reason given for pausing, resuming or terminating a lot's procedure.</summary>
public sealed class LotActionInput
{
    /// <summary>Terminating only: the statutory ground's code (<see cref="LotProcedureView.TerminationGrounds"/>).</summary>
    public string? Ground { get; set; }

    /// <summary>The reason (pause, resume), or the account of the termination's circumstances.</summary>
    public string? Reason { get; set; }
}

/// <summary>A statutory ground of termination open to the lot's regime: the code to send, the ground and its provision.</summary>
public sealed record TerminationGroundView(string Code, string Label, string Citation);

/// <summary>
/// A lot's procedure (R8): those who run the project pause, resume or terminate it with a reason; the center and the
/// authorities read it. The timed steps are taken by the procedure clock.
/// </summary>
public interface IProcedures
{
    Task<LotProcedureView> LotAsync(ClaimsPrincipal user, Guid lotId, CancellationToken ct);

    Task PauseAsync(ClaimsPrincipal user, Guid lotId, LotActionInput input, CancellationToken ct);

    Task ResumeAsync(ClaimsPrincipal user, Guid lotId, LotActionInput input, CancellationToken ct);

    /// <summary>
    /// 终止招标. Returns null when the lot is terminated at once (政府采购, or 工程 where the confirmation is not required);
    /// otherwise the request now waiting for the supervisory department (Jilin-Rules §17).
    /// </summary>
    Task<TerminationRequestView?> TerminateAsync(ClaimsPrincipal user, Guid lotId, LotActionInput input, CancellationToken ct);

    /// <summary>The supervisory department confirms the lot's pending termination: the lot is terminated and its 终止公告 published.</summary>
    Task ConfirmTerminationAsync(ClaimsPrincipal user, Guid lotId, TerminationDecisionInput input, CancellationToken ct);

    /// <summary>The supervisory department refuses the lot's pending termination, with its reason: the procedure goes on.</summary>
    Task RefuseTerminationAsync(ClaimsPrincipal user, Guid lotId, TerminationDecisionInput input, CancellationToken ct);
}
