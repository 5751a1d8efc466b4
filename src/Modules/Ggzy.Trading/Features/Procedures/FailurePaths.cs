using System.Security.Claims;
using Ggzy.Platform.Data;
using Ggzy.Platform.Errors;
using Ggzy.Platform.Identity;
using Ggzy.Platform.Ledger;
using Ggzy.Platform.Rules;
using Ggzy.Platform.Time;
using Ggzy.Trading.Contracts;
using Ggzy.Trading.Data;
using Ggzy.Trading.Domain.Announcements;
using Ggzy.Trading.Domain.Archive;
using Ggzy.Trading.Domain.Documents;
using Ggzy.Trading.Domain.Projects;
using Ggzy.Trading.Domain.Schedule;
using Ggzy.Trading.Domain.Security;
using Ggzy.Trading.Features.Projects;
using Ggzy.Trading.Features.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Ggzy.Trading.Features.Procedures;

/// <summary>
/// When a lot does not end in a contract (R18, T31): 终止招标 publishes the 终止公告 with the stated reason, tells every
/// organisation that obtained the documents, bid or paid a deposit, and starts the refund duties, in the same transaction
/// as the step; and 重新招标 creates, from a failed lot, a new draft lot of the same project carrying what may be carried
/// (name, estimate, method, prequalification), linked both ways.
/// </summary>
internal sealed class FailurePaths(TradingDbContext db, PlatformDbContext platform, DepositRefunds refunds, LedgerWriter ledger, TimeProvider clock,
    IOptions<TerminationOptions> options)
{
    /// <summary>The stable code of a termination asked while another waits for the supervisory department.</summary>
    public const string TerminationPending = "LOT_TERMINATION_PENDING";

    /// <summary>The stable code of a confirmation or refusal with no termination waiting, or with a bad note.</summary>
    public const string TerminationDecision = "LOT_TERMINATION_DECISION";

    /// <summary>Whether a lot of this regime is terminated only once the supervisory department confirms (工程, Jilin-Rules §17, unless configured off).</summary>
    public bool NeedsConfirmation(Regime regime) => regime == Regime.Tender && options.Value.TenderSupervisorConfirmation;

    public const string TenderTerminationRule = StatutoryRules.TenderRegulations + "第三十一条";
    public const string ProcurementTerminationRule = StatutoryRules.Order87 + "第二十九条";

    /// <summary>The provisions a failed lot is re-tendered under (招标投标法 第二十八条、第四十二条; 实施条例 第四十四条; 87号令 第四十一条、第四十三条).</summary>
    public const string TenderRetenderRule = StatutoryRules.TenderLaw + "第二十八条、第四十二条；" + StatutoryRules.TenderRegulations + "第四十四条";
    public const string ProcurementRetenderRule = StatutoryRules.Order87 + "第四十一条、第四十三条";

    /// <summary>The stable code of a termination without one of its regime's grounds.</summary>
    public const string TerminationGroundRefused = "LOT_TERMINATION_GROUND";

    /// <summary>The longest account of a termination's circumstances (the ground and its provision come before it).</summary>
    public const int MaxDetail = 300;

    /// <summary>The stable code of a refused re-tender.</summary>
    public const string RetenderRefused = "LOT_RETENDER_REFUSED";

    public static string TerminationDuty(Regime regime) => regime == Regime.Tender
        ? "招标人终止招标的，应当及时发布公告，或者以书面形式通知被邀请的或者已经获取资格预审文件、招标文件的潜在投标人；已经发售资格预审文件、"
            + "招标文件或者已经收取投标保证金的，招标人应当及时退还所收取的资格预审文件、招标文件的费用，以及所收取的投标保证金及银行同期存款利息（"
            + TenderTerminationRule + "）。"
        : "终止招标的，采购人或者采购代理机构应当及时在原公告发布媒体上发布终止公告，以书面形式通知已经获取招标文件、资格预审文件或者被邀请的潜在投标人，"
            + "并将项目实施情况和采购任务取消原因报告本级财政部门；已经收取招标文件费用或者投标保证金的，应当在终止采购活动后 5 个工作日内退还所收取的"
            + "招标文件费用和所收取的投标保证金及其在银行产生的孳息（" + ProcurementTerminationRule + "）。";

    /// <summary>
    /// Terminates the lot: the step, the 终止公告 (published at once on the portal), a notice to each organisation
    /// concerned, the refund duties of its deposits, and their Ledger entries, in one transaction. 工程招标 (unless
    /// configured off): the termination is asked of the supervisory department instead and waits for its confirmation
    /// (Jilin-Rules §17); the request is returned.
    /// </summary>
    public async Task<TerminationRequestView?> TerminateAsync(ClaimsPrincipal principal, Guid lotId, LotActionInput input, CancellationToken ct)
    {
        var user = TradingUser.From(principal);
        var lot = await db.Lots.SingleOrDefaultAsync(l => l.Id == lotId, ct) ?? throw new NotFoundException(AnnouncementErrors.LotNotFound);
        var project = await db.Projects.AsNoTracking().SingleAsync(p => p.Id == lot.ProjectId, ct);
        if (!user.RunsProject(project))
        {
            throw new ForbiddenException("只有项目的招标人（采购人）或其委托的代理机构可以暂停、恢复或终止招标程序。");
        }

        var ground = TerminationGrounds.Find(project.Regime, input.Ground);
        if (ground is null)
        {
            throw GroundRefused(project.Regime, input.Ground);
        }

        var detail = input.Reason?.Trim();
        if (string.IsNullOrEmpty(detail) || detail.Length > MaxDetail)
        {
            throw new InputValidationException(new Dictionary<string, string[]>(StringComparer.Ordinal)
            {
                [nameof(input.Reason)] = [$"请写明终止的具体情况（1–{MaxDetail} 字），它将与终止情形“{ground.Label}”一并在终止公告中公布（"
                    + (project.Regime == Regime.Tender ? TenderTerminationRule : ProcurementTerminationRule) + "）。"],
            });
        }

        var procedure = lot.Procedure(project.Regime)
            ?? throw new BusinessRuleException("标段尚未发布公告，程序还没有开始；草稿可以直接修改或不发布。");
        if (!NeedsConfirmation(project.Regime))
        {
            await TerminateNowAsync(lot, project, ground, detail, user.UserName, null, [], ct);
            return null;
        }

        var confirmation = StatutoryRules.TenderTerminationConfirmation.Citation;
        if (await db.LotTerminationRequests.AnyAsync(r => r.LotId == lotId && r.State == TerminationRequestState.Pending, ct))
        {
            throw new BusinessRuleException("该标段的终止申请正等待行政监督管理部门确认，确认或不予确认之前不能再次申请。", confirmation) { Code = TerminationPending, Status = 409 };
        }

        if (!procedure.Allowed().Contains(LotTrigger.Terminate))
        {
            throw new BusinessRuleException($"标段处于“{lot.State.Label()}”状态，不能终止。", confirmation);
        }

        var now = clock.GetUtcNow();
        var request = new LotTerminationRequest
        {
            Id = Guid.CreateVersion7(now),
            LotId = lotId,
            Ground = ground.Code,
            Detail = detail,
            RequestedBy = user.UserName,
            RequestedAt = now,
        };
        db.LotTerminationRequests.Add(request);
        var departments = await DepartmentsAsync(project.SupervisoryDepartment, ct);
        foreach (var department in departments)
        {
            db.TradingNotices.Add(new TradingNotice
            {
                Id = Guid.CreateVersion7(now),
                OrganizationId = department,
                LotId = lotId,
                Kind = TradingNoticeKind.TerminationRequested,
                SourceId = request.Id,
                Title = $"{project.Name} {lot.Name}：终止申请待确认",
                Body = $"{user.UserName} 于 {ChinaTime.Format(now)} 申请终止该标段，待本部门确认或不予确认（{confirmation}）。"
                    + $"终止情形：{ground.Statement}。说明：{detail}",
                CreatedAt = now,
            });
        }

        await ledger.SaveChangesAsync(db, new LedgerDraft("trading.lot.termination-requested", $"lot:{lot.TradeCode}", new
        {
            lot = lot.TradeCode,
            supervisoryDepartment = project.SupervisoryDepartment,
            departmentsNotified = departments.Count,
            request = request.Id,
            state = lot.State.ToString(),
            ground = ground.Code,
            groundLabel = ground.Label,
            groundCitation = ground.Citation,
            detail,
            rule = StatutoryRules.TenderTerminationConfirmation.Key,
            citation = confirmation,
            by = user.UserName,
        }), ct);
        return View(request);
    }

    /// <summary>
    /// The supervisory department confirms (the lot is terminated with its 终止公告, notices and refund duties, in one
    /// transaction with the decision) or refuses with its reason (the procedure goes on) the lot's pending termination.
    /// </summary>
    public async Task DecideTerminationAsync(ClaimsPrincipal principal, Guid lotId, TerminationDecisionInput input, bool confirm, CancellationToken ct)
    {
        var user = TradingUser.From(principal);
        var citation = StatutoryRules.TenderTerminationConfirmation.Citation;
        if (!user.IsSupervisor)
        {
            throw new ForbiddenException($"终止交易活动由行政监督管理部门确认（{citation}）；您的账户不是行政监督部门的账户。");
        }

        var lot = await db.Lots.SingleOrDefaultAsync(l => l.Id == lotId, ct) ?? throw new NotFoundException(AnnouncementErrors.LotNotFound);
        var project = await db.Projects.AsNoTracking().SingleAsync(p => p.Id == lot.ProjectId, ct);
        if (!await SupervisesAsync(user, project, ct))
        {
            throw new ForbiddenException($"该项目的行政监督部门是{SupervisoryDepartments.Label(project.SupervisoryDepartment)}"
                + $"（{SupervisoryDepartments.Citation(project.SupervisoryDepartment)}），只有该部门可以确认或不予确认其标段的终止（{citation}）；"
                + "您的账户不属于该部门，可以查看，不能决定。");
        }

        var request = await db.LotTerminationRequests.SingleOrDefaultAsync(r => r.LotId == lotId && r.State == TerminationRequestState.Pending, ct)
            ?? throw new BusinessRuleException("该标段没有等待确认的终止申请。", citation) { Code = TerminationDecision, Status = 409 };
        var note = string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim();
        if ((!confirm && note is null) || note is { Length: > MaxDetail })
        {
            throw new InputValidationException(new Dictionary<string, string[]>(StringComparer.Ordinal)
            {
                [nameof(input.Note)] = [confirm
                    ? $"确认意见最多 {MaxDetail} 字。"
                    : $"不予确认终止的，请写明理由（1–{MaxDetail} 字），它将告知招标人并记入交易记录（{citation}）。"],
            });
        }

        var now = clock.GetUtcNow();
        request.State = confirm ? TerminationRequestState.Confirmed : TerminationRequestState.Refused;
        request.DecidedBy = user.UserName;
        request.DecidedAt = now;
        request.DecisionNote = note;
        request.Revision++;
        var ground = TerminationGrounds.Find(project.Regime, request.Ground)!;
        var decision = new LedgerDraft(confirm ? "trading.lot.termination-confirmed" : "trading.lot.termination-refused", $"lot:{lot.TradeCode}", new
        {
            lot = lot.TradeCode,
            request = request.Id,
            ground = ground.Code,
            requestedBy = request.RequestedBy,
            requestedAt = request.RequestedAt,
            note,
            citation,
            by = user.UserName,
        });
        if (!confirm)
        {
            await ledger.SaveChangesAsync(db, decision, ct);
            return;
        }

        var confirmed = $"经行政监督管理部门确认（{user.UserName}，{ChinaDates.Text(ChinaDates.Day(now))}；{citation}）";
        await TerminateNowAsync(lot, project, ground, request.Detail, request.RequestedBy, confirmed, [decision], ct);
    }

    /// <summary>Whether the user is a supervisor of the project's supervisory department (the department's sector matches the project's).</summary>
    public async Task<bool> SupervisesAsync(TradingUser user, Project project, CancellationToken ct) =>
        await DepartmentOfAsync(user, ct) is { } sector && sector == project.SupervisoryDepartment;

    /// <summary>The sector of the supervisory department the user's account belongs to, or null when it is not a supervisor's.</summary>
    public async Task<string?> DepartmentOfAsync(TradingUser user, CancellationToken ct) =>
        !user.IsSupervisor || user.OrganizationId is not { } org
            ? null
            : await platform.Organizations.AsNoTracking()
                .Where(o => o.Id == org && o.Kind == OrganizationKind.SupervisoryDepartment).Select(o => o.Sector).SingleOrDefaultAsync(ct);

    /// <summary>The supervisory departments (organisations) of a sector, who are told of a request that waits for them.</summary>
    private async Task<List<Guid>> DepartmentsAsync(string? sector, CancellationToken ct) => sector is null
        ? []
        : await platform.Organizations.AsNoTracking()
            .Where(o => o.Kind == OrganizationKind.SupervisoryDepartment && o.Sector == sector).Select(o => o.Id).ToListAsync(ct);

    /// <summary>
    /// The termination requests waiting for the user's department, oldest first: the lot, the ground and account, who asked
    /// and when. The Regulator sees those of every department; others see none.
    /// </summary>
    public async Task<IReadOnlyList<PendingTerminationView>> PendingAsync(ClaimsPrincipal principal, CancellationToken ct)
    {
        var user = TradingUser.From(principal);
        var department = await DepartmentOfAsync(user, ct);
        if (department is null && !user.IsRegulator)
        {
            return [];
        }

        var rows = await (from r in db.LotTerminationRequests.AsNoTracking()
                          join l in db.Lots.AsNoTracking() on r.LotId equals l.Id
                          join p in db.Projects.AsNoTracking() on l.ProjectId equals p.Id
                          where r.State == TerminationRequestState.Pending && (department == null || p.SupervisoryDepartment == department)
                          select new { r, l.TradeCode, LotName = l.Name, ProjectName = p.Name, p.SupervisoryDepartment }).ToListAsync(ct);
        return [.. rows.OrderBy(x => x.r.RequestedAt).Select(x => new PendingTerminationView(x.r.LotId, x.TradeCode, x.ProjectName, x.LotName,
            SupervisoryDepartments.Label(x.SupervisoryDepartment), View(x.r)))];
    }

    /// <summary>The lot's latest termination request (pending or decided), or null.</summary>
    public async Task<TerminationRequestView?> LatestRequestAsync(Guid lotId, CancellationToken ct)
    {
        var request = await db.LotTerminationRequests.AsNoTracking().Where(r => r.LotId == lotId).OrderByDescending(r => r.RequestedAt).FirstOrDefaultAsync(ct);
        return request is null ? null : View(request);
    }

    private static TerminationRequestView View(LotTerminationRequest r)
    {
        var ground = TerminationGrounds.All.FirstOrDefault(g => g.Code == r.Ground);
        return new TerminationRequestView(r.Id, r.Ground, ground?.Label ?? r.Ground, ground?.Citation ?? "", r.Detail, r.RequestedBy, r.RequestedAt,
            r.State.ToString().ToLowerInvariant(),
            r.State switch
            {
                TerminationRequestState.Pending => "待行政监督部门确认",
                TerminationRequestState.Confirmed => "已确认，标段已终止",
                _ => "未予确认，程序继续",
            },
            r.DecidedBy, r.DecidedAt, r.DecisionNote, StatutoryRules.TenderTerminationConfirmation.Citation);
    }

    private async Task TerminateNowAsync(Lot lot, Project project, TerminationGround ground, string detail, string by, string? confirmation,
        IReadOnlyList<LedgerDraft> before, CancellationToken ct)
    {
        var lotId = lot.Id;
        var reason = $"终止情形：{ground.Statement}。说明：{detail}" + (confirmation is null ? "" : $"。{confirmation}");
        var procedure = lot.Procedure(project.Regime)
            ?? throw new BusinessRuleException("标段尚未发布公告，程序还没有开始；草稿可以直接修改或不发布。");
        var now = clock.GetUtcNow();
        var from = procedure.State;
        procedure.Terminate(reason, now);
        lot.Record(procedure, by);

        var deposits = await db.BidDeposits.Where(d => d.LotId == lotId && d.WithdrawnAt == null).ToListAsync(ct);
        var duties = await refunds.AddAsync(lot, project, RefundEvent.Termination, now, deposits, ct);
        var notice = Notice(project, lot, reason, now, by);
        db.Announcements.Add(notice);

        var organizations = await db.DocumentDownloads.Where(d => d.LotId == lotId).Select(d => d.OrganizationId)
            .Union(db.Bids.Where(b => b.LotId == lotId).Select(b => b.OrganizationId))
            .Union(db.BidDeposits.Where(d => d.LotId == lotId).Select(d => d.OrganizationId))
            .Union(db.AnnouncementInvitees.Where(i => db.AnnouncementLots.Any(l => l.LotId == lotId && l.AnnouncementId == i.AnnouncementId)).Select(i => i.OrganizationId))
            .ToListAsync(ct);
        foreach (var org in organizations.Distinct())
        {
            db.TradingNotices.Add(new TradingNotice
            {
                Id = Guid.CreateVersion7(now),
                OrganizationId = org,
                LotId = lotId,
                Kind = TradingNoticeKind.Termination,
                SourceId = notice.Id,
                Title = $"{project.Name} {lot.Name}：终止招标",
                Body = $"招标人已终止该标段的招标。{reason}\n{notice.Changes}",
                CreatedAt = now,
            });
        }

        try
        {
            // The number of organisations told is not put on the Ledger: before the deadline it would tell how many obtained the documents.
            await ledger.SaveChangesAsync(db,
            [
                .. before,
                new LedgerDraft("trading.lot.terminated", $"lot:{lot.TradeCode}", new
                {
                    lot = lot.TradeCode,
                    from = from.ToString(),
                    to = lot.State.ToString(),
                    ground = ground.Code,
                    groundLabel = ground.Label,
                    groundCitation = ground.Citation,
                    detail,
                    confirmation,
                    notice = notice.Id,
                    refundDuties = duties.Select(d => new { d.Id, d.DepositId, dueDate = d.DueDate is { } due ? ChinaDates.Text(due) : null, d.Citation }),
                }),
                new LedgerDraft("trading.announcement.published", $"announcement:{notice.Id}", new
                {
                    announcement = notice.Id,
                    kind = notice.Kind.ToString(),
                    title = notice.Title,
                    lots = new[] { lot.TradeCode },
                    ground = ground.Code,
                    reason,
                    publishedAt = now,
                }),
            ], ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new BusinessRuleException("标段的程序刚被其他操作更新（如已到时自动进入下一阶段），请刷新页面后重试。");
        }
    }

    /// <summary>The refusal of a termination whose ground is missing or not one of its regime's, naming the allowed grounds.</summary>
    public static BusinessRuleException GroundRefused(Regime regime, string? given)
    {
        var grounds = TerminationGrounds.Of(regime);
        var allowed = string.Join("；", grounds.Select(g => $"“{g.Code}”：{g.Statement}"));
        var what = string.IsNullOrWhiteSpace(given) ? "请选择终止的法定情形" : $"“{given.Trim()}”不是{(regime == Regime.Tender ? "工程建设项目招标" : "政府采购")}可以终止的法定情形";
        return new BusinessRuleException($"{what}，只能是：{allowed}。", string.Join("；", grounds.Select(g => g.Citation).Distinct()), "Ground")
        {
            Code = TerminationGroundRefused,
            Status = 400,
            Details = new Dictionary<string, object?>(StringComparer.Ordinal) { ["allowedGrounds"] = grounds.Select(g => g.Code).ToArray() },
        };
    }

    /// <summary>
    /// 重新招标: from a failed lot (or its archive), a new draft lot of the same project with the failed lot's name,
    /// estimate, method and prequalification; its schedule, documents and announcement are made anew. Once per failed lot.
    /// </summary>
    public async Task<RetenderView> RetenderAsync(ClaimsPrincipal principal, Guid lotId, CancellationToken ct)
    {
        var user = TradingUser.From(principal);
        var failed = await db.Lots.AsNoTracking().Include(l => l.Steps).SingleOrDefaultAsync(l => l.Id == lotId, ct)
            ?? throw new NotFoundException(AnnouncementErrors.LotNotFound);
        var project = await db.Projects.AsNoTracking().SingleAsync(p => p.Id == failed.ProjectId, ct);
        if (!user.RunsProject(project))
        {
            throw new ForbiddenException("只有项目的招标人（采购人）或其委托的代理机构可以重新招标。");
        }

        var failure = failed.Steps.Where(s => s.To == LotState.Failed).OrderBy(s => s.At).LastOrDefault();
        var rule = project.Regime == Regime.Tender ? TenderRetenderRule : ProcurementRetenderRule;
        if (failure is null || failed.State is not (LotState.Failed or LotState.Archived))
        {
            throw new BusinessRuleException($"只有招标失败的标段可以重新招标（{rule}）；该标段处于“{failed.State.Label()}”状态。", rule) { Code = RetenderRefused };
        }

        if (await db.LotRetenders.AnyAsync(r => r.PredecessorId == lotId, ct))
        {
            throw new BusinessRuleException("该标段已经重新招标，请在新标段继续办理。", rule) { Code = RetenderRefused };
        }

        var now = clock.GetUtcNow();
        var number = await db.Lots.Where(l => l.ProjectId == project.Id).MaxAsync(l => l.Number, ct) + 1;
        var lot = new Lot
        {
            Id = Guid.CreateVersion7(now),
            ProjectId = project.Id,
            Number = number,
            TradeCode = TradeCodes.ForLot(project.TradeCode, number),
            Name = failed.Name,
            EstimatedAmount = failed.EstimatedAmount,
            Method = failed.Method,
            Prequalification = failed.Prequalification,
        };
        db.Lots.Add(lot);
        var reason = failure.Reason ?? "招标失败";
        db.LotRetenders.Add(new LotRetender { LotId = lot.Id, PredecessorId = lotId, Reason = reason, CreatedAt = now, CreatedBy = user.UserName });
        await ledger.SaveChangesAsync(db, new LedgerDraft("trading.lot.retendered", $"lot:{failed.TradeCode}", new
        {
            lot = failed.TradeCode,
            newLot = lot.TradeCode,
            newLotId = lot.Id,
            name = lot.Name,
            estimatedAmount = lot.EstimatedAmount,
            method = lot.Method.ToString(),
            lot.Prequalification,
            reason,
            rule,
            by = user.UserName,
        }), ct);
        return new RetenderView(lot.Id, lot.TradeCode, lot.Number, lot.Name, failed.Id, failed.TradeCode, reason, rule);
    }

    /// <summary>The re-tender links of a lot: the failed lot it was re-tendered from, and the lot that re-tendered it.</summary>
    public async Task<RetenderLinks> LinksAsync(ClaimsPrincipal principal, Guid lotId, CancellationToken ct)
    {
        var lot = await db.Lots.AsNoTracking().SingleOrDefaultAsync(l => l.Id == lotId, ct) ?? throw new NotFoundException(AnnouncementErrors.LotNotFound);
        var project = await db.Projects.AsNoTracking().SingleAsync(p => p.Id == lot.ProjectId, ct);
        if (!TradingUser.From(principal).MayRead(project))
        {
            throw new ForbiddenException("只有项目的招标人（采购人）、代理机构、交易中心和监管部门可以查看标段的程序。");
        }

        var from = await (from r in db.LotRetenders.AsNoTracking()
                          join l in db.Lots.AsNoTracking() on r.PredecessorId equals l.Id
                          where r.LotId == lotId
                          select new LotLink(l.Id, l.TradeCode, l.Number, l.Name, r.Reason)).SingleOrDefaultAsync(ct);
        var to = await (from r in db.LotRetenders.AsNoTracking()
                        join l in db.Lots.AsNoTracking() on r.LotId equals l.Id
                        where r.PredecessorId == lotId
                        select new LotLink(l.Id, l.TradeCode, l.Number, l.Name, r.Reason)).SingleOrDefaultAsync(ct);
        return new RetenderLinks(from, to);
    }

    private static Announcement Notice(Project project, Lot lot, string reason, DateTimeOffset now, string by)
    {
        var notice = new Announcement
        {
            Id = Guid.CreateVersion7(now),
            ProjectId = project.Id,
            Kind = AnnouncementKind.Termination,
            Title = $"{project.Name}{lot.Name}终止公告",
            ProjectName = project.Name,
            ProjectTradeCode = project.TradeCode,
            RegionCode = project.RegionCode,
            Sector = project.Sector,
            TendererName = project.TendererName,
            AgencyName = project.AgencyName,
            ChangeReason = reason,
            Changes = TerminationDuty(project.Regime) + "已提交投标保证金的投标人（供应商）由交易中心按上述规定退还，退还情况记入交易记录。",
            CreatedAt = now,
            CreatedBy = by,
            Lots =
            [
                new AnnouncementLot
                {
                    LotId = lot.Id,
                    LotNumber = lot.Number,
                    LotName = lot.Name,
                    LotTradeCode = lot.TradeCode,
                    EstimatedAmount = lot.EstimatedAmount,
                    AnnouncementEndsAt = lot.AnnouncementEndsAt,
                    DocumentsFrom = lot.DocumentsFrom ?? now,
                    DocumentsUntil = lot.DocumentsUntil ?? now,
                    Deadline = lot.Deadline ?? now,
                },
            ],
        };
        notice.MarkPublished(now, by);
        return notice;
    }
}

/// <summary>A termination request waiting for a supervisory department, with its lot.</summary>
internal sealed record PendingTerminationView(Guid LotId, string LotTradeCode, string ProjectName, string LotName, string Department,
    TerminationRequestView Request);

internal sealed record RetenderView(Guid LotId, string TradeCode, int Number, string Name, Guid PredecessorId, string PredecessorTradeCode, string Reason, string Rule);

internal sealed record LotLink(Guid LotId, string TradeCode, int Number, string Name, string Reason);

internal sealed record RetenderLinks(LotLink? RetenderedFrom, LotLink? RetenderedAs);

/// <summary>Bound from <c>Trading:Termination</c>.</summary>
internal sealed class TerminationOptions
{
    public const string SectionName = "Trading:Termination";

    /// <summary>
    /// 工程招标: the termination waits for the supervisory department's confirmation before the lot is terminated and the
    /// 终止公告 published (rule <c>tender.termination.supervisor-confirmation</c>, Jilin-Rules §17 — the stricter reading).
    /// Default true; false terminates at once, as where the local rules only ask that the department be told.
    /// </summary>
    public bool TenderSupervisorConfirmation { get; set; } = true;
}
