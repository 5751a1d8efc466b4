using System.Buffers;
using Ggzy.Experts.Contracts;
using Ggzy.Experts.Contracts.Drawing;
using Ggzy.Experts.Data;
using Ggzy.Experts.Domain.Draws;
using Ggzy.Experts.Domain.Specialties;
using Ggzy.Experts.Drawing;
using Ggzy.Platform.Ledger;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Ggzy.Experts.Features.Draws;

/// <summary>What a round did: drawn (with the round's number), failed (too few experts), or nothing to do yet.</summary>
internal enum RoundOutcome
{
    Nothing = 0,
    Drawn = 1,
    Failed = 2,
    Cancelled = 3,
}

/// <summary>
/// Draws a round (docs/expert-draw.md §1–§5): the first when the draw is due, a replacement for the seats declined or
/// not answered in time. The lot's bidders must be final; the candidates are the experts of the demanded specialties
/// less those drawn before in this draw, the recusal decides who is eligible, the seed comes from the CSPRNG and only its
/// SM3 is written — with the snapshot's and the selection's digests — to the Ledger in the same transaction that stores
/// the round. A specialty with too few eligible experts fails the draw, naming it.
/// </summary>
internal sealed class DrawRounds(
    ExpertsDbContext db,
    DrawCandidates candidates,
    IOptions<RecusalOptions> recusal,
    DrawSecrets secrets,
    SpecialtyCatalog catalog,
    IDrawLots lots,
    LedgerWriter ledger,
    TimeProvider clock,
    DrawPhases? phases = null)
{
    public async Task<RoundOutcome> DrawAsync(Guid drawId, string actor, CancellationToken ct)
    {
        phases?.Start();
        var now = clock.GetUtcNow();
        var draw = await db.Draws.Include(d => d.Seats).SingleOrDefaultAsync(d => d.Id == drawId, ct);
        if (draw is null || !(draw.State == DrawState.Requested || (draw.State == DrawState.Drawing && draw.Open.Any())))
        {
            return RoundOutcome.Nothing;
        }

        var lot = await lots.FindAsync(draw.LotId, ct);
        if (lot is null || !lot.Proceeding)
        {
            return await CancelAsync(draw, DrawErrors.LotClosed, actor, ct);
        }

        if (!lot.BiddersFinal)
        {
            throw DrawErrors.Refuse(DrawErrors.CodeBidders, DrawErrors.BiddersNotFinal, 409, DrawErrors.SecrecyCitation);
        }

        phases?.Mark("draw and lot");
        var number = draw.Seats.Count == 0 ? 1 : draw.Seats.Max(s => s.Round) + 1;
        var replaced = draw.Seats.Where(s => s.State is SeatState.Declined or SeatState.NoAnswer && s.ReplacedInRound is null)
            .OrderBy(s => s.Round).ThenBy(s => s.Position).ToList();
        var seatsOf = number == 1
            ? draw.Demands.SelectMany(d => Enumerable.Repeat((d.Specialty, d.Site), d.Count)).ToList()
            : replaced.Select(s => (s.Specialty, s.Site)).ToList();
        var demands = seatsOf.GroupBy(s => s.Specialty, StringComparer.Ordinal).Select(g => new DrawDemand(g.Key, g.Count())).ToList();

        var drawnBefore = draw.Seats.Select(s => s.ExpertId).ToHashSet();
        var loaded = await candidates.LoadAsync(draw, lot.BidderCodes, [.. demands.Select(d => d.Specialty)], ct);
        var pool = drawnBefore.Count == 0 ? loaded : loaded.Where(c => !drawnBefore.Contains(c.ExpertId));
        var parties = new RecusalParties(draw.Regime, draw.TendererCode, draw.AgencyCode, lot.BidderCodes, draw.RegionCode,
            ExpertStatusHistory.ChinaDay(draw.EvaluationStartsAt));
        var outcome = new RecusalEvaluator(recusal.Value).Evaluate(parties, pool);
        phases?.Mark("facts and recusal");
        var exclusions = outcome.Excluded.GroupBy(x => x.Code, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new ExclusionCount(g.Key, g.Count())).ToList();

        foreach (var demand in demands)
        {
            var eligible = outcome.Eligible.Count(c => c.Specialties.Contains(demand.Specialty, StringComparer.Ordinal));
            if (eligible < demand.Count)
            {
                return await FailAsync(draw, number, demand.Specialty, eligible, demand.Count, exclusions, actor, ct);
            }
        }

        // Each eligible expert as an entry of the snapshot: its pseudonym's bytes and the demands it holds, in canonical
        // demand order; the snapshot is written from these directly (no text per candidate).
        var ordered = demands.OrderBy(d => d.Specialty, StringComparer.Ordinal).ToList();
        var pseudonyms = new DrawSecrets.Pseudonyms(secrets.PseudonymKey(draw.PseudonymKey));
        var eligibleCount = outcome.Eligible.Count;
        var entries = ArrayPool<SnapshotEntry>.Shared.Rent(Math.Max(1, eligibleCount));
        try
        {
            var count = 0;
            for (var i = 0; i < eligibleCount; i++)
            {
                var c = outcome.Eligible[i];
                var held = 0;
                for (var d = 0; d < ordered.Count; d++)
                {
                    if (c.Specialties.Contains(ordered[d].Specialty, StringComparer.Ordinal))
                    {
                        held |= 1 << d;
                    }
                }

                if (held != 0)
                {
                    entries[count++] = new SnapshotEntry(default, held, i);
                }
            }

            Pseudonymise(pseudonyms, outcome.Eligible, entries, count);

            phases?.Mark("pseudonyms");
            var snapshot = CandidateSnapshot.Build(draw.Id, number, ordered, entries, count);
            var seed = DrawSecrets.NewSeed();
            phases?.Mark("snapshot");
            var drawing = VerifiableDraw.For(snapshot);
            int[] indices;
            try
            {
                indices = drawing.SelectIndices(seed);
            }
            catch (DrawShortException e)
            {
                // Each specialty had enough on its own, but experts holding two of them were drawn for the first.
                return await FailAsync(draw, number, e.Specialty, e.Available, e.Demanded, exclusions, actor, ct);
            }

            var selection = drawing.Seats(indices);
            var expertOf = indices.Select(index => outcome.Eligible[snapshot.SourceOf(index)].ExpertId).ToList();
            phases?.Mark("selection");
            await SaveAsync(draw, number, seatsOf, replaced, demands, snapshot, seed, selection, expertOf, outcome, exclusions, actor, now, ct);
            phases?.Mark("save");
            return RoundOutcome.Drawn;
        }
        finally
        {
            ArrayPool<SnapshotEntry>.Shared.Return(entries);
        }
    }

    // Fills in each entry's pseudonym (entries[k].Source is its index among the eligible), a slice at a time (the ids
    // hashed side by side in vector lanes, PseudonymSm3) on one core: split across the cores (Parallel.For over slices)
    // it was slower on the shared two cores (docs/performance.md, expert draw).
    internal static void Pseudonymise(DrawSecrets.Pseudonyms pseudonyms, IReadOnlyList<RecusalCandidate> eligible, SnapshotEntry[] entries, int count)
    {
        const int Slice = 64;
        Span<Guid> ids = stackalloc Guid[Slice];
        Span<UInt128> bits = stackalloc UInt128[Slice];
        for (var start = 0; start < count; start += Slice)
        {
            var n = Math.Min(Slice, count - start);
            for (var k = 0; k < n; k++)
            {
                ids[k] = eligible[entries[start + k].Source].ExpertId;
            }

            pseudonyms.Bits(ids[..n], bits);
            for (var k = 0; k < n; k++)
            {
                entries[start + k] = entries[start + k] with { Pseudonym = bits[k] };
            }
        }
    }

    private async Task SaveAsync(ExpertDraw draw, int number, List<(string Specialty, int Site)> seatsOf, List<DrawSeat> replaced,
        List<DrawDemand> demands, CandidateSnapshot snapshot, byte[] seed, IReadOnlyList<DrawnSeat> selection, List<Guid> expertOf,
        RecusalOutcome outcome, List<ExclusionCount> exclusions, string actor, DateTimeOffset now, CancellationToken ct)
    {
        var commitment = DrawSelection.SeedCommitment(seed);
        var round = new DrawRound
        {
            Id = Guid.CreateVersion7(now),
            DrawId = draw.Id,
            Number = number,
            Kind = number == 1 ? RoundKind.Initial : RoundKind.Replacement,
            DrawnAt = now,
            SeedProtected = secrets.ProtectSeed(seed),
            SeedCommitment = commitment,
            SnapshotPacked = snapshot.Pack(),
            SnapshotDigest = snapshot.DigestHex,
            SelectionDigest = DrawSelection.DigestHex(selection),
            Candidates = snapshot.Candidates.Count,
            Exclusions = exclusions,
            ExcludedPacked = secrets.ProtectExcluded(outcome.Excluded),
        };
        System.Security.Cryptography.CryptographicOperations.ZeroMemory(seed);
        db.DrawRounds.Add(round);
        phases?.Mark("pack and protect");

        var sites = seatsOf.ToLookup(s => s.Specialty, s => s.Site, StringComparer.Ordinal);
        var used = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < selection.Count; i++)
        {
            var seat = selection[i];
            var index = used[seat.Specialty] = used.GetValueOrDefault(seat.Specialty) + 1;
            draw.Seats.Add(new DrawSeat
            {
                Id = Guid.CreateVersion7(now),
                DrawId = draw.Id,
                Round = number,
                Position = seat.Position,
                Specialty = seat.Specialty,
                Site = sites[seat.Specialty].ElementAt(index - 1),
                ExpertId = expertOf[i],
                Pseudonym = seat.Pseudonym,
            });
        }

        foreach (var seat in replaced)
        {
            seat.ReplacedInRound = number;
        }

        draw.State = DrawState.Drawing;
        draw.Revision++;
        var subject = DrawLedger.Subject(draw.Id);
        await ledger.SaveChangesAsync(db,
        [
            new LedgerDraft(DrawLedger.SeedCommitted, subject, new { draw = draw.Id, lot = draw.LotCode, round = number, seedCommitment = commitment, by = actor }),
            new LedgerDraft(DrawLedger.RoundDrawn, subject, new
            {
                draw = draw.Id,
                lot = draw.LotCode,
                round = number,
                kind = round.Kind.ToString(),
                snapshotDigest = round.SnapshotDigest,
                selectionDigest = round.SelectionDigest,
                candidates = round.Candidates,
                demands = demands.Select(d => new { specialty = d.Specialty, count = d.Count }),
                exclusions = exclusions.Select(x => new { code = x.Code, count = x.Count }),
                replaces = replaced.Select(s => new { round = s.Round, position = s.Position }),
                by = actor,
            }),
        ], ct);
    }

    private async Task<RoundOutcome> FailAsync(ExpertDraw draw, int round, string specialty, int eligible, int demanded,
        List<ExclusionCount> exclusions, string actor, CancellationToken ct)
    {
        var name = catalog.Find(specialty)?.Name ?? specialty;
        draw.State = DrawState.Failed;
        draw.FailureReason = DrawErrors.Format(DrawErrors.TooFew, specialty, name, eligible, demanded);
        CancelUnanswered(draw);
        draw.Revision++;
        await ledger.SaveChangesAsync(db, new LedgerDraft(DrawLedger.Failed, DrawLedger.Subject(draw.Id), new
        {
            draw = draw.Id,
            lot = draw.LotCode,
            round,
            specialty,
            eligible,
            demanded,
            exclusions = exclusions.Select(x => new { code = x.Code, count = x.Count }),
            reason = draw.FailureReason,
            by = actor,
        }), ct);
        return RoundOutcome.Failed;
    }

    private async Task<RoundOutcome> CancelAsync(ExpertDraw draw, string reason, string actor, CancellationToken ct)
    {
        draw.State = DrawState.Cancelled;
        draw.FailureReason = reason;
        CancelUnanswered(draw);
        draw.Revision++;
        await ledger.SaveChangesAsync(db, new LedgerDraft(DrawLedger.Cancelled, DrawLedger.Subject(draw.Id),
            new { draw = draw.Id, lot = draw.LotCode, reason, by = actor }), ct);
        return RoundOutcome.Cancelled;
    }

    private static void CancelUnanswered(ExpertDraw draw)
    {
        foreach (var seat in draw.Seats.Where(s => s.State is SeatState.Drawn or SeatState.Notified))
        {
            seat.State = SeatState.Cancelled;
        }
    }
}
