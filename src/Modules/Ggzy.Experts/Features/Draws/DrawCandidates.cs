using Ggzy.Credit.Contracts;
using Ggzy.Experts.Contracts;
using Ggzy.Experts.Data;
using Ggzy.Experts.Domain.Draws;
using Ggzy.Experts.Domain.Specialties;
using Ggzy.Experts.Drawing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
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

        var rows = await HoldersAsync([.. demandOf.Keys], ct);
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
        var debarred = await DebarredAsync(draw.EvaluationStartsAt, ct);
        var evaluations = await EvaluationsForTendererAsync(draw, ct);

        // One candidate per expert, the demanded specialties gathered from its rows (an expert has a row per code).
        var held = new Dictionary<Guid, List<string>>(rows.Count);
        var candidates = new List<RecusalCandidate>(rows.Count);
        var debarment = new SanctionFact[] { new(SanctionKind.Debarment, new PeriodFact(day, day)) };
        foreach (var e in rows)
        {
            var demandedCode = demandOf[e.SpecialtyCode];
            if (held.TryGetValue(e.Id, out var specialties))
            {
                if (!specialties.Contains(demandedCode))
                {
                    specialties.Add(demandedCode);
                }

                continue;
            }

            specialties = [demandedCode];
            held[e.Id] = specialties;
            candidates.Add(new RecusalCandidate(
                e.Id,
                e.RegionCode,
                specialties,
                standing.GetValueOrDefault(e.Id, CandidateStanding.Active),
                e.PractisingSince,
                e.TitleLevel.IsSenior() || !string.IsNullOrWhiteSpace(e.SeniorEquivalence),
                jobs.Contains(e.Id) ? [.. jobs[e.Id]] : [],
                relatives.Contains(e.Id) ? [.. relatives[e.Id]] : [],
                absent.Contains(e.Id) ? [.. absent[e.Id]] : [],
                debarred.Contains(e.Id) ? debarment : [],
                evaluations.GetValueOrDefault(e.Id)));
        }

        return candidates;
    }

    private sealed record Holder(Guid Id, string SpecialtyCode, string RegionCode, TitleLevel TitleLevel, string? SeniorEquivalence, DateOnly PractisingSince);

    // The round's main read — every expert holding a code, thousands of rows — in plain parameterised SQL: materialising
    // the rows through the EF model cost several times the query itself (docs/performance.md, expert draw).
    private async Task<List<Holder>> HoldersAsync(IReadOnlyList<string> codes, CancellationToken ct)
    {
        var holders = new List<Holder>();
        if (codes.Count == 0)
        {
            return holders;
        }

        var connection = db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened)
        {
            await db.Database.OpenConnectionAsync(ct);
        }

        try
        {
            await using var command = connection.CreateCommand();
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            var names = new List<string>(codes.Count);
            for (var i = 0; i < codes.Count; i++)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = "@c" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
                parameter.Value = codes[i];
                command.Parameters.Add(parameter);
                names.Add(parameter.ParameterName);
            }

            command.CommandText = "SELECT e.id, s.specialty_code, e.region_code, e.title_level, e.senior_equivalence, e.practising_since "
                + "FROM experts_expert_specialties s JOIN experts_experts e ON e.id = s.expert_id "
                + $"WHERE s.specialty_code IN ({string.Join(", ", names)})";
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                holders.Add(new Holder(
                    reader.GetGuid(0),
                    reader.GetString(1),
                    reader.GetString(2),
                    Enum.Parse<TitleLevel>(reader.GetString(3)),
                    reader.IsDBNull(4) ? null : reader.GetString(4),
                    reader.GetFieldValue<DateOnly>(5)));
            }
        }
        finally
        {
            if (opened)
            {
                await db.Database.CloseConnectionAsync();
            }
        }

        return holders;
    }

    // Credit keeps debarments by the ID number's digest: the few debarred experts' ids, without decrypting an identity.
    private async Task<HashSet<Guid>> DebarredAsync(DateTimeOffset at, CancellationToken ct)
    {
        var keys = (await credit.DebarredExpertKeysAsync(at, ct)).ToList();
        return keys.Count == 0 ? [] : [.. await db.Experts.AsNoTracking().Where(e => keys.Contains(e.IdentityKey)).Select(e => e.Id).ToListAsync(ct)];
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
