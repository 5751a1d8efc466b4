using System.Security.Claims;
using Ggzy.Experts.Contracts;
using Ggzy.Experts.Data;
using Ggzy.Experts.Domain.Draws;
using Ggzy.Experts.Domain.Specialties;
using Ggzy.Experts.Drawing;
using Ggzy.Platform.Errors;
using Ggzy.Platform.Ledger;
using Ggzy.Platform.Rules;
using Ggzy.Platform.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Ggzy.Experts.Features.Draws;

/// <summary>
/// The tenderer's (or agency's) request for a draw and its cancellation before the draw (docs/expert-draw.md §1). The
/// request is checked against the composition rules as they apply in the lot's region, the specialty table and the lot's
/// schedule; the first round is due at the lead time before the evaluation, never before the bid deadline.
/// </summary>
internal sealed class DrawRequests(
    ExpertsDbContext db,
    IDrawLots lots,
    SpecialtyCatalog catalog,
    StatutoryRuleRegistry rules,
    DrawSecrets secrets,
    IOptions<DrawOptions> options,
    LedgerWriter ledger,
    TimeProvider clock)
{
    public async Task<Guid> RequestAsync(ClaimsPrincipal principal, DrawRequestInput input, CancellationToken ct)
    {
        var user = DrawUser.From(principal);
        var now = clock.GetUtcNow();
        var lot = await lots.FindAsync(input.LotId, ct);
        if (lot is null || user.OrganizationId is not { } org || (org != lot.TendererId && org != lot.AgencyId))
        {
            throw new NotFoundException(DrawErrors.LotNotFound);
        }

        if (!lot.Proceeding)
        {
            throw DrawErrors.Refuse(DrawErrors.CodeLot, DrawErrors.LotClosed, 409);
        }

        if (await db.Draws.AsNoTracking().Where(d => d.LotId == lot.LotId && d.State != DrawState.Failed && d.State != DrawState.Cancelled)
                .Select(d => (DrawState?)d.State).FirstOrDefaultAsync(ct) is { } state)
        {
            throw DrawErrors.Refuse(DrawErrors.CodeExists, DrawErrors.Format(DrawErrors.Exists, DrawViews.StateLabel(state)), 409);
        }

        var (sites, demands) = CheckInput(input);
        var evaluation = CheckTime(input.EvaluationStartsAt, lot, now);
        var limits = await LimitsAsync(lot.RegionCode, ct);
        var composition = new CommitteeRequest(lot.Regime, lot.Method, lot.BudgetYuan, input.ComplexOrHighImpact, input.Members, input.Representatives,
            [.. demands.GroupBy(d => d.Specialty, StringComparer.Ordinal).Select(g => new Contracts.Drawing.DrawDemand(g.Key, g.Sum(d => d.Count)))]);
        if (CommitteeRules.Check(composition, limits) is [var violation, ..])
        {
            throw new BusinessRuleException($"{violation.Message}。", violation.Citation, violation.Field) { Code = violation.Code };
        }

        var drawAt = Max(lot.BidDeadline!.Value, evaluation.AddHours(-options.Value.LeadHours));
        var draw = new ExpertDraw
        {
            Id = Guid.CreateVersion7(now),
            LotId = lot.LotId,
            LotCode = lot.LotCode,
            LotName = lot.LotName,
            ProjectName = lot.ProjectName,
            Regime = lot.Regime,
            Method = lot.Method,
            BudgetYuan = lot.BudgetYuan,
            RegionCode = lot.RegionCode,
            CenterId = lot.CenterId,
            TendererId = lot.TendererId,
            TendererCode = lot.TendererCode,
            TendererName = lot.TendererName,
            AgencyId = lot.AgencyId,
            AgencyCode = lot.AgencyCode,
            AgencyName = lot.AgencyName,
            RequestedAt = now,
            RequestedBy = user.UserName,
            RequestedByOrganization = org,
            EvaluationStartsAt = evaluation,
            Sites = sites,
            Demands = demands,
            Members = input.Members,
            Representatives = input.Representatives,
            ComplexOrHighImpact = input.ComplexOrHighImpact,
            DrawAt = drawAt,
            PseudonymKey = secrets.NewPseudonymKey(),
        };
        db.Draws.Add(draw);
        await ledger.SaveChangesAsync(db, new LedgerDraft(DrawLedger.Requested, DrawLedger.Subject(draw.Id), new
        {
            draw = draw.Id,
            lot = draw.LotCode,
            evaluationStartsAt = evaluation,
            drawAt,
            sites = sites.Select(s => s.Name),
            members = draw.Members,
            representatives = draw.Representatives,
            complexOrHighImpact = draw.ComplexOrHighImpact,
            demands = demands.Select(d => new { specialty = d.Specialty, count = d.Count, site = d.Site }),
        }), ct);
        return draw.Id;
    }

    public async Task CancelAsync(ClaimsPrincipal principal, Guid drawId, CancellationToken ct)
    {
        var user = DrawUser.From(principal);
        var draw = await db.Draws.SingleOrDefaultAsync(d => d.Id == drawId, ct);
        if (draw is null || !user.MayRead(draw))
        {
            throw new NotFoundException(DrawErrors.DrawNotFound);
        }

        if (!user.RunsLot(draw) && !user.IsCenter)
        {
            throw new ForbiddenException(DrawErrors.NotYourLot);
        }

        if (draw.State != DrawState.Requested)
        {
            throw DrawErrors.Refuse(DrawErrors.CodeState, DrawErrors.Format(DrawErrors.NotRequested, DrawViews.StateLabel(draw.State), "取消"), 409);
        }

        draw.State = DrawState.Cancelled;
        draw.FailureReason = $"由 {user.UserName} 在抽取前取消。";
        draw.Revision++;
        await ledger.SaveChangesAsync(db, new LedgerDraft(DrawLedger.Cancelled, DrawLedger.Subject(draw.Id),
            new { draw = draw.Id, lot = draw.LotCode, reason = draw.FailureReason, by = user.UserName }), ct);
    }

    private (List<DrawSite> Sites, List<DemandLine> Demands) CheckInput(DrawRequestInput input)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var sites = (input.Sites ?? []).Select(s => new DrawSite(s.Name?.Trim() ?? "", s.Address?.Trim() ?? "")).ToList();
        if (sites.Count is 0 or > 5 || sites.Any(s => s.Name.Length is 0 or > 100 || s.Address.Length > 200))
        {
            errors["sites"] = [DrawErrors.Sites];
        }

        var demands = new List<DemandLine>();
        var problems = new List<string>();
        foreach (var (line, i) in (input.Demands ?? []).Select((d, i) => (d, i + 1)))
        {
            var specialty = catalog.Find(line.Specialty);
            if (specialty is null || catalog.Expand(specialty.Code).Count == 0)
            {
                problems.Add(DrawErrors.Format(DrawErrors.DemandSpecialty, i, line.Specialty));
            }
            else if (line.Count is < 1 or > 30)
            {
                problems.Add(DrawErrors.Format(DrawErrors.DemandCount, i));
            }
            else if (line.Site < 0 || line.Site >= sites.Count)
            {
                problems.Add(DrawErrors.Format(DrawErrors.DemandSite, i, line.Site + 1));
            }
            else if (demands.Any(d => d.Specialty == specialty.Code && d.Site == line.Site))
            {
                problems.Add(DrawErrors.Format(DrawErrors.DemandDuplicate, specialty.Code));
            }
            else if (demands.FirstOrDefault(d => d.Specialty != specialty.Code
                         && (d.Specialty.StartsWith(specialty.Code, StringComparison.Ordinal) || specialty.Code.StartsWith(d.Specialty, StringComparison.Ordinal))) is { } overlap)
            {
                problems.Add(DrawErrors.Format(DrawErrors.DemandOverlap, specialty.Code, overlap.Specialty));
            }
            else
            {
                demands.Add(new DemandLine(specialty.Code, line.Count, line.Site));
            }
        }

        if (problems.Count > 0)
        {
            errors["demands"] = [.. problems];
        }

        return errors.Count > 0 ? throw new InputValidationException(errors) : (sites, demands);
    }

    private static DateTimeOffset CheckTime(DateTimeOffset? requested, DrawLot lot, DateTimeOffset now)
    {
        if (requested is not { } evaluation)
        {
            throw new InputValidationException(new Dictionary<string, string[]> { ["evaluationStartsAt"] = ["请填写评标开始时间（北京时间）。"] });
        }

        if (lot.BidDeadline is not { } deadline)
        {
            throw DrawErrors.Refuse(DrawErrors.CodeTime, DrawErrors.NoDeadline, field: "evaluationStartsAt");
        }

        if (evaluation <= now)
        {
            throw DrawErrors.Refuse(DrawErrors.CodeTime, DrawErrors.Format(DrawErrors.TimePast, ChinaTime.Format(evaluation)), field: "evaluationStartsAt");
        }

        return evaluation > deadline
            ? evaluation
            : throw DrawErrors.Refuse(DrawErrors.CodeTime, DrawErrors.Format(DrawErrors.TimeBeforeDeadline, ChinaTime.Format(evaluation), ChinaTime.Format(deadline)),
                citation: DrawErrors.SecrecyCitation, field: "evaluationStartsAt");
    }

    private async Task<CommitteeLimits> LimitsAsync(string region, CancellationToken ct)
    {
        async Task<decimal> Value(StatutoryRule rule) => RegionCodes.IsValid(region) ? (await rules.EffectiveAsync(rule.Key, region, ct)).Value : rule.Value;
        return new CommitteeLimits(
            (int)await Value(StatutoryRules.TenderCommitteeMembers),
            (int)await Value(StatutoryRules.ProcurementCommitteeMembers),
            (int)await Value(StatutoryRules.ProcurementLargeCommitteeMembers),
            await Value(StatutoryRules.ProcurementLargeCommitteeThreshold),
            (int)await Value(StatutoryRules.ProcurementGroupMembers));
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
