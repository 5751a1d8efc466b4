using System.Security.Claims;
using Ggzy.Platform.Errors;
using Ggzy.Platform.Ledger;
using Ggzy.Trading.Contracts;
using Ggzy.Trading.Data;
using Ggzy.Trading.Domain.Announcements;
using Ggzy.Trading.Domain.Projects;
using Ggzy.Trading.Domain.Schedule;
using Ggzy.Trading.Features.Announcements;
using Ggzy.Trading.Features.Projects;
using Microsoft.EntityFrameworkCore;

namespace Ggzy.Trading.Features.Procedures;

/// <summary>A lot's procedure as its page shows it, and the pause, resume and terminate (with its notice, <see cref="FailurePaths"/>) its tenderer or agency takes.</summary>
internal sealed class ProcedureService(TradingDbContext db, FailurePaths failures, LedgerWriter ledger, TimeProvider clock) : IProcedures
{
    public async Task<LotProcedureView> LotAsync(ClaimsPrincipal principal, Guid lotId, CancellationToken ct)
    {
        var user = TradingUser.From(principal);
        var lot = await db.Lots.AsNoTracking().Include(l => l.Steps).SingleOrDefaultAsync(l => l.Id == lotId, ct)
            ?? throw new NotFoundException(AnnouncementErrors.LotNotFound);
        var project = await db.Projects.AsNoTracking().SingleAsync(p => p.Id == lot.ProjectId, ct);
        if (!user.MayRead(project))
        {
            throw new ForbiddenException("只有项目的招标人（采购人）、代理机构、交易中心和监管部门可以查看标段的程序。");
        }

        var announcementIds = db.AnnouncementLots.Where(l => l.LotId == lotId).Select(l => l.AnnouncementId);
        var announcements = await db.Announcements.AsNoTracking().Include(a => a.Lots)
            .Where(a => announcementIds.Contains(a.Id) || (a.AmendsId != null && announcementIds.Contains(a.AmendsId.Value)))
            .OrderBy(a => a.CreatedAt).ToListAsync(ct);
        var procedure = lot.Procedure(project.Regime);
        var manage = user.RunsProject(project);
        return new LotProcedureView(lot.Id, project.Id, project.Name, project.TradeCode, lot.Number, lot.Name, lot.TradeCode,
            lot.EstimatedAmount, AnnouncementService.MethodName(lot.Method), lot.Prequalification, lot.State.ToString(), lot.State.Label(),
            lot.PausedFrom?.Label(), lot.AnnouncedAt, lot.AnnouncementEndsAt, lot.DocumentsFrom, lot.DocumentsUntil, lot.Deadline,
            lot.InviteeCount, lot.InviteesDrawnWithRecord,
            [.. lot.Steps.OrderBy(s => s.At).ThenBy(s => s.Id).Select(s => new LotStepView(s.From.Label(), s.To.Label(), s.Trigger.Label(), s.At, s.Reason, s.Actor))],
            procedure is null ? [] : [.. procedure.Allowed().Where(t => t is LotTrigger.Pause or LotTrigger.Resume or LotTrigger.Terminate).Select(t => t.ToString())],
            manage, [.. announcements.Select(AnnouncementService.Summary)],
            [.. TerminationGrounds.Of(project.Regime).Select(g => new TerminationGroundView(g.Code, g.Label, g.Citation))],
            await failures.LatestRequestAsync(lotId, ct), await failures.SupervisesAsync(user, project, ct), failures.NeedsConfirmation(project.Regime),
            SupervisoryDepartments.Label(project.SupervisoryDepartment), SupervisoryDepartments.Citation(project.SupervisoryDepartment));
    }

    public Task PauseAsync(ClaimsPrincipal user, Guid lotId, LotActionInput input, CancellationToken ct) =>
        ActAsync(user, lotId, input, "trading.lot.paused", (p, reason, at) => p.Pause(reason, at), ct);

    public Task ResumeAsync(ClaimsPrincipal user, Guid lotId, LotActionInput input, CancellationToken ct) =>
        ActAsync(user, lotId, input, "trading.lot.resumed", (p, reason, at) => p.Resume(reason, at), ct);

    /// <summary>终止招标 with its 终止公告, notices and refund duties, or, 工程, the request the supervisory department confirms (<see cref="FailurePaths"/>).</summary>
    public Task<TerminationRequestView?> TerminateAsync(ClaimsPrincipal user, Guid lotId, LotActionInput input, CancellationToken ct) =>
        failures.TerminateAsync(user, lotId, input, ct);

    public Task ConfirmTerminationAsync(ClaimsPrincipal user, Guid lotId, TerminationDecisionInput input, CancellationToken ct) =>
        failures.DecideTerminationAsync(user, lotId, input, confirm: true, ct);

    public Task RefuseTerminationAsync(ClaimsPrincipal user, Guid lotId, TerminationDecisionInput input, CancellationToken ct) =>
        failures.DecideTerminationAsync(user, lotId, input, confirm: false, ct);

    private async Task ActAsync(ClaimsPrincipal principal, Guid lotId, LotActionInput input, string type,
        Action<LotProcedure, string, DateTimeOffset> act, CancellationToken ct)
    {
        var user = TradingUser.From(principal);
        var lot = await db.Lots.SingleOrDefaultAsync(l => l.Id == lotId, ct) ?? throw new NotFoundException(AnnouncementErrors.LotNotFound);
        var project = await db.Projects.AsNoTracking().SingleAsync(p => p.Id == lot.ProjectId, ct);
        if (!user.RunsProject(project))
        {
            throw new ForbiddenException("只有项目的招标人（采购人）或其委托的代理机构可以暂停、恢复或终止招标程序。");
        }

        var reason = input.Reason?.Trim();
        if (string.IsNullOrEmpty(reason) || reason.Length > 500)
        {
            throw new InputValidationException(new Dictionary<string, string[]>(StringComparer.Ordinal)
            {
                [nameof(input.Reason)] = [AnnouncementErrors.ReasonRequired],
            });
        }

        var procedure = lot.Procedure(project.Regime)
            ?? throw new BusinessRuleException("标段尚未发布公告，程序还没有开始；草稿可以直接修改或不发布。");
        var from = procedure.State;
        act(procedure, reason, clock.GetUtcNow());
        lot.Record(procedure, user.UserName);
        try
        {
            await ledger.SaveChangesAsync(db, new LedgerDraft(type, $"lot:{lot.TradeCode}", new
            {
                lot = lot.TradeCode,
                from = from.ToString(),
                to = lot.State.ToString(),
                reason,
            }), ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new BusinessRuleException("标段的程序刚被其他操作更新（如已到时自动进入下一阶段），请刷新页面后重试。");
        }
    }
}
