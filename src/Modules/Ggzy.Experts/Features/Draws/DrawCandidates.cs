using Ggzy.Credit.Contracts;
using Ggzy.Experts.Contracts;
using Ggzy.Experts.Data;
using Ggzy.Experts.Domain.Draws;
using Ggzy.Experts.Domain.Specialties;
using Ggzy.Experts.Drawing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Ggzy.Experts.Features.Draws;

/// <summary>
/// Loads the experts who hold a demanded specialty (or one under it) with what recusal needs to know of them for this
/// lot, in a few indexed queries rather than every expert's whole record: their jobs and declared relatives at the
/// lot's parties and the center's listed employers, leave on the evaluation day, statuses other than active in force
/// that day, debarments (from Credit), and their evaluations for the same tenderer in the window.
/// </summary>
internal sealed class DrawCandidates(ExpertsDbContext db, SpecialtyCatalog catalog, ICreditStanding credit, IOptions<RecusalOptions> options)
{
    public async Task<IReadOnlyList<RecusalCandidate>> LoadAsync(ExpertDraw draw, IReadOnlyList<string> bidders, IReadOnlyCollection<string> demanded,
        CancellationToken ct)
    {
        var day = ExpertStatusHistory.ChinaDay(draw.EvaluationStartsAt);
        var demandOf = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var code in demanded)
        {
            foreach (var leaf in catalog.Expand(code))
            {
                demandOf[leaf] = code;
            }
        }

        var leaves = demandOf.Keys.ToList();
        var rows = await db.ExpertSpecialties.AsNoTracking()
            .Where(s => leaves.Contains(s.SpecialtyCode))
            .Join(db.Experts, s => s.ExpertId, e => e.Id, (s, e) => new
            {
                e.Id,
                s.SpecialtyCode,
                e.RegionCode,
                e.TitleLevel,
                e.SeniorEquivalence,
                e.PractisingSince,
                e.IdentityKey,
            })
            .ToListAsync(ct);

        var parties = bidders.Append(draw.TendererCode).Concat(draw.AgencyCode is { } a ? [a] : []).Distinct(StringComparer.Ordinal).ToList();
        var employers = parties.Concat(options.Value.CenterRules.SelectMany(r => r.Employers)).Distinct(StringComparer.Ordinal).ToList();
        var jobs = (await db.Employments.AsNoTracking()
                .Where(j => employers.Contains(j.EmployerCreditCode))
                .Select(j => new { j.ExpertId, j.EmployerCreditCode, j.From, j.Until })
                .ToListAsync(ct))
            .ToLookup(j => j.ExpertId, j => new EmploymentFact(j.EmployerCreditCode, j.From, j.Until));
        var relatives = (await db.Relatives.AsNoTracking()
                .Where(r => r.WithdrawnAt == null && r.EmployerCreditCode != null && parties.Contains(r.EmployerCreditCode))
                .Select(r => new { r.ExpertId, r.Relationship, r.EmployerCreditCode })
                .ToListAsync(ct))
            .ToLookup(r => r.ExpertId, r => new RelativeFact(r.Relationship.Label(), r.EmployerCreditCode!));
        var absent = (await db.Leaves.AsNoTracking()
                .Where(l => l.WithdrawnAt == null && l.From <= day && l.Until >= day)
                .Select(l => new { l.ExpertId, l.From, l.Until })
                .ToListAsync(ct))
            .ToLookup(l => l.ExpertId, l => new PeriodFact(l.From, l.Until));
        var standing = await StandingsAsync(day, draw.EvaluationStartsAt, ct);
        var debarred = await credit.DebarredExpertKeysAsync(draw.EvaluationStartsAt, ct);
        var evaluations = await EvaluationsForTendererAsync(draw, ct);

        return [.. rows.GroupBy(r => r.Id).Select(g =>
        {
            var e = g.First();
            return new RecusalCandidate(
                e.Id,
                e.RegionCode,
                [.. g.Select(r => demandOf[r.SpecialtyCode]).Distinct(StringComparer.Ordinal)],
                standing.GetValueOrDefault(e.Id, CandidateStanding.Active),
                e.PractisingSince,
                e.TitleLevel.IsSenior() || !string.IsNullOrWhiteSpace(e.SeniorEquivalence),
                [.. jobs[e.Id]],
                [.. relatives[e.Id]],
                [.. absent[e.Id]],
                debarred.Contains(e.IdentityKey) ? [new SanctionFact(SanctionKind.Debarment, new PeriodFact(day, day))] : [],
                evaluations.GetValueOrDefault(e.Id));
        })];
    }

    // Only experts with a status other than active in force that day can be anything but active: load their history only.
    private async Task<Dictionary<Guid, CandidateStanding>> StandingsAsync(DateOnly day, DateTimeOffset at, CancellationToken ct)
    {
        var flagged = await db.StatusChanges.AsNoTracking()
            .Where(c => c.Status != ExpertStatus.Active && c.From <= day && (c.Until == null || c.Until >= day))
            .Select(c => c.ExpertId).Distinct().ToListAsync(ct);
        if (flagged.Count == 0)
        {
            return [];
        }

        var changes = await db.StatusChanges.AsNoTracking().Where(c => flagged.Contains(c.ExpertId)).ToListAsync(ct);
        return changes.GroupBy(c => c.ExpertId).ToDictionary(g => g.Key, g => ExpertStatusHistory.StatusAt(g.Select(c => c.ToContract()), at) switch
        {
            ExpertStatus.Active => CandidateStanding.Active,
            ExpertStatus.Suspended => CandidateStanding.Suspended,
            ExpertStatus.Blacklisted => CandidateStanding.Blacklisted,
            ExpertStatus.Retired => CandidateStanding.Inactive,
        });
    }

    // Evaluations count once the expert confirmed: seats confirmed or signed in, in the tenderer's other draws in the window.
    private async Task<Dictionary<Guid, int>> EvaluationsForTendererAsync(ExpertDraw draw, CancellationToken ct)
    {
        var since = draw.EvaluationStartsAt.AddDays(-options.Value.WindowDays);
        var counted = await db.DrawSeats.AsNoTracking()
            .Where(s => s.State == SeatState.Confirmed || s.State == SeatState.SignedIn)
            .Join(db.Draws.Where(d => d.TendererCode == draw.TendererCode && d.Id != draw.Id
                    && d.EvaluationStartsAt >= since && d.EvaluationStartsAt <= draw.EvaluationStartsAt),
                s => s.DrawId, d => d.Id, (s, d) => s.ExpertId)
            .ToListAsync(ct);
        return counted.GroupBy(id => id).ToDictionary(g => g.Key, g => g.Count());
    }
}
