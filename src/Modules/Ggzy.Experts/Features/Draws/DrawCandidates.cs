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
/// lot: their jobs and declared relatives at the lot's parties and the center's listed employers, leave on the evaluation
/// day, statuses other than active in force that day, debarments (from Credit), and their evaluations for the same
/// tenderer in the window. The candidates themselves, the jobs and relatives per organisation, and the day's leave and
/// statuses come from <see cref="PoolMemory"/>, in memory while the pool has not changed; the lot's facts are added only
/// to the candidates they concern.
/// </summary>
internal sealed class DrawCandidates(
    ExpertsDbContext db, PoolMemory memory, SpecialtyCatalog catalog, ICreditStanding credit, IOptions<RecusalOptions> options,
    DrawPhases? phases = null)
{
    public async Task<IReadOnlyCollection<RecusalCandidate>> LoadAsync(ExpertDraw draw, IReadOnlyList<string> bidders, IReadOnlyCollection<string> demanded,
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

        // Credit's debarments are read on Credit's own connection while the pool is read on this one.
        var debarredKeys = credit.DebarredExpertKeysAsync(draw.EvaluationStartsAt, ct);
        try
        {
            var pool = await memory.CurrentAsync(db, ct);
            phases?.Mark("counter");
            var basis = await pool.CandidatesAsync(db, demandOf, ct);
            phases?.Mark("holders");
            var parties = bidders.Append(draw.TendererCode).Concat(draw.AgencyCode is { } a ? [a] : []).Distinct(StringComparer.Ordinal).ToList();
            var employers = parties.Concat(options.Value.CenterRules.SelectMany(r => r.Employers)).Distinct(StringComparer.Ordinal).ToList();
            var people = await pool.EmployersAsync(db, employers, ct);
            phases?.Mark("employers");
            var jobs = people.SelectMany(p => p.Jobs).ToLookup(j => j.ExpertId, j => j.Job);
            var partySet = parties.ToHashSet(StringComparer.Ordinal);
            var relatives = people.Where((_, i) => partySet.Contains(employers[i])).SelectMany(p => p.Relatives)
                .ToLookup(r => r.ExpertId, r => r.Relative);
            var absent = await pool.OnDayAsync("leave", day, async () => (await db.Leaves.AsNoTracking()
                    .Where(l => l.WithdrawnAt == null && l.From <= day && l.Until >= day)
                    .Select(l => new { l.ExpertId, l.From, l.Until })
                    .ToListAsync(ct))
                .ToLookup(l => l.ExpertId, l => new PeriodFact(l.From, l.Until)));
            var standing = await pool.OnDayAsync("standing", day, () => StandingsAsync(day, draw.EvaluationStartsAt, ct));
            phases?.Mark("jobs, relatives, day");
            var debarred = await DebarredAsync(pool, await debarredKeys, ct);
            phases?.Mark("debarments");
            var evaluations = await EvaluationsForTendererAsync(draw, ct);
            phases?.Mark("evaluations");

            return new Counted(basis.Length, WithFacts(basis, standing, jobs, relatives, absent, debarred, evaluations, day));
        }
        catch
        {
            // Not left running on a context the scope is about to dispose.
            await ((Task)debarredKeys).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            throw;
        }
    }

    // The candidates, made as they are read, with their number known beforehand (recusal sizes its lists by it).
    private sealed class Counted(int count, IEnumerable<RecusalCandidate> candidates) : IReadOnlyCollection<RecusalCandidate>
    {
        public int Count => count;

        public IEnumerator<RecusalCandidate> GetEnumerator() => candidates.GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    // The pool's candidates with the lot's and the day's facts added to those they concern (a few per cent): the others
    // are the pool's own objects.
    private static IEnumerable<RecusalCandidate> WithFacts(RecusalCandidate[] basis, Dictionary<Guid, CandidateStanding> standing,
        ILookup<Guid, EmploymentFact> jobs, ILookup<Guid, RelativeFact> relatives, ILookup<Guid, PeriodFact> absent, HashSet<Guid> debarred,
        Dictionary<Guid, int> evaluations, DateOnly day)
    {
        SanctionFact[] debarment = [new(SanctionKind.Debarment, new PeriodFact(day, day))];
        foreach (var c in basis)
        {
            var id = c.ExpertId;
            var stands = standing.TryGetValue(id, out var s);
            var counted = evaluations.TryGetValue(id, out var n);
            if (!stands && !counted && !jobs.Contains(id) && !relatives.Contains(id) && !absent.Contains(id) && !debarred.Contains(id))
            {
                yield return c;
                continue;
            }

            yield return c with
            {
                Standing = stands ? s : CandidateStanding.Active,
                Employments = jobs.Contains(id) ? [.. jobs[id]] : [],
                Relatives = relatives.Contains(id) ? [.. relatives[id]] : [],
                Leaves = absent.Contains(id) ? [.. absent[id]] : [],
                Sanctions = debarred.Contains(id) ? debarment : [],
                EvaluationsForTenderer = counted ? n : 0,
            };
        }
    }

    // Credit keeps debarments by the ID number's digest: the few debarred experts' ids, without decrypting an identity.
    // Which expert holds a digest is kept with the pool's copy (an identity's change raises the counter), so a draw
    // reads only digests new to the copy.
    private async Task<HashSet<Guid>> DebarredAsync(PoolCopy pool, IReadOnlySet<string> keys, CancellationToken ct)
    {
        return keys.Count == 0 ? [] : await pool.ExpertsByIdentityKeyAsync([.. keys], async missing =>
            await db.Experts.AsNoTracking().Where(e => missing.Contains(e.IdentityKey)).Select(e => new { e.IdentityKey, e.Id })
                .ToDictionaryAsync(e => e.IdentityKey, e => e.Id, StringComparer.Ordinal, ct));
    }

    // A status is in force on a day when its period covers the day; of those the last recorded prevails. Only the rows
    // covering the day are read (a few per cent of the pool): an expert without one is active.
    private async Task<Dictionary<Guid, CandidateStanding>> StandingsAsync(DateOnly day, DateTimeOffset at, CancellationToken ct)
    {
        var changes = await db.StatusChanges.AsNoTracking()
            .Where(c => c.From <= day && (c.Until == null || c.Until >= day))
            .ToListAsync(ct);
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
