using Ggzy.Experts.Contracts.Drawing;

namespace Ggzy.Experts.Tests.Drawing;

public sealed class DrawVerifierTests
{
    [Fact]
    public void Verify_OfAnHonestRecord_FindsNothing()
    {
        var record = DrawFixtures.Record(DrawFixtures.Round(1, DrawFixtures.Snapshot(), DrawFixtures.Seed(5)));

        var verification = DrawVerifier.Verify(record);

        verification.Findings.ShouldBeEmpty();
        verification.IsValid.ShouldBeTrue();
        verification.SeatsRecomputed.ShouldBe(5);
    }

    [Fact]
    public void Verify_OfATamperedSnapshot_RejectsIt()
    {
        var round = DrawFixtures.Round(1, DrawFixtures.Snapshot(), DrawFixtures.Seed(5));
        // One candidate taken out of the snapshot after the draw was recorded.
        var lines = round.Snapshot.Split('\n').ToList();
        lines.RemoveAt(lines.FindLastIndex(l => l.StartsWith("candidate ", StringComparison.Ordinal)));
        var tampered = round with { Snapshot = string.Join('\n', lines) };

        var verification = DrawVerifier.Verify(DrawFixtures.Record(tampered));

        verification.IsValid.ShouldBeFalse();
        verification.Findings.Select(f => f.Code).ShouldContain("snapshot-digest");
    }

    [Fact]
    public void Verify_OfATamperedSnapshotWithItsDigestReplacedToo_FailsOnTheSelectionOrItsDigest()
    {
        var round = DrawFixtures.Round(1, DrawFixtures.Snapshot(a: 40, b: 40, c: 10), DrawFixtures.Seed(5));
        var snapshot = CandidateSnapshot.Parse(round.Snapshot);
        var swapped = CandidateSnapshot.Create(snapshot.DrawId, 1, snapshot.Demands,
            snapshot.Candidates.Skip(1).Append(new DrawCandidate(DrawFixtures.Pseudonym(5000), snapshot.Candidates[0].Specialties)));
        var tampered = round with { Snapshot = swapped.Text, SnapshotDigest = swapped.DigestHex };

        var verification = DrawVerifier.Verify(DrawFixtures.Record(tampered));

        verification.Findings.Select(f => f.Code).ShouldContain("selection");
    }

    [Fact]
    public void Verify_OfASeedThatIsNotTheCommittedOne_RejectsIt()
    {
        var round = DrawFixtures.Round(1, DrawFixtures.Snapshot(), DrawFixtures.Seed(5));
        var other = round with { Seed = Convert.ToHexStringLower(DrawFixtures.Seed(6)) };

        DrawVerifier.Verify(DrawFixtures.Record(other)).Findings.Select(f => f.Code).ShouldBe(["seed-commitment", "selection"]);
    }

    [Fact]
    public void Verify_OfAnAlteredSelection_RejectsIt()
    {
        var round = DrawFixtures.Round(1, DrawFixtures.Snapshot(), DrawFixtures.Seed(5));
        var outsider = DrawFixtures.Snapshot().Candidates.First(c => c.Specialties.Contains("A01") && round.Selection.All(s => s.Pseudonym != c.Pseudonym));
        var altered = round with { Selection = [round.Selection[0] with { Pseudonym = outsider.Pseudonym }, .. round.Selection.Skip(1)] };

        DrawVerifier.Verify(DrawFixtures.Record(altered)).Findings.Select(f => f.Code).ShouldBe(["selection-digest", "selection"]);
    }

    [Fact]
    public void Verify_BeforeTheSeedIsRevealed_SaysSo()
    {
        var round = DrawFixtures.Round(1, DrawFixtures.Snapshot(), DrawFixtures.Seed(5), reveal: false);

        DrawVerifier.Verify(DrawFixtures.Record(round)).Findings.ShouldHaveSingleItem().Code.ShouldBe("seed-hidden");
    }

    [Fact]
    public void Verify_OfAReplacementForADeclinedSeat_FindsNothing()
    {
        var first = DrawFixtures.Round(1, DrawFixtures.Snapshot(), DrawFixtures.Seed(5), outcome: p => p == 2 ? SeatOutcomes.Declined : SeatOutcomes.Confirmed);
        var declined = first.Selection.Single(s => s.Position == 2);
        var drawn = first.Selection.Select(s => s.Pseudonym).ToHashSet();
        var remaining = DrawFixtures.Candidates(10, 10, 5).Where(c => !drawn.Contains(c.Pseudonym));
        var second = DrawFixtures.Round(2, CandidateSnapshot.Create(DrawFixtures.DrawId, 2, [new(declined.Specialty, 1)], remaining), DrawFixtures.Seed(9));

        DrawVerifier.Verify(DrawFixtures.Record(first, second)).Findings.ShouldBeEmpty();
    }

    [Fact]
    public void Verify_OfAReplacementThatDrawsAnExpertAgain_RejectsIt()
    {
        var first = DrawFixtures.Round(1, DrawFixtures.Snapshot(), DrawFixtures.Seed(5), outcome: p => p == 1 ? SeatOutcomes.NoAnswer : SeatOutcomes.Confirmed);
        var second = DrawFixtures.Round(2, CandidateSnapshot.Create(DrawFixtures.DrawId, 2, [new("A01", 1)], DrawFixtures.Candidates(10, 10, 5)), DrawFixtures.Seed(9));

        DrawVerifier.Verify(DrawFixtures.Record(first, second)).Findings.Select(f => f.Code).ShouldBe(["replacement-includes-drawn"]);
    }

    [Fact]
    public void Verify_OfAReplacementRoundWithoutADeclinedSeat_RejectsIt()
    {
        var first = DrawFixtures.Round(1, DrawFixtures.Snapshot(), DrawFixtures.Seed(5));
        var drawn = first.Selection.Select(s => s.Pseudonym).ToHashSet();
        var remaining = DrawFixtures.Candidates(10, 10, 5).Where(c => !drawn.Contains(c.Pseudonym));
        var second = DrawFixtures.Round(2, CandidateSnapshot.Create(DrawFixtures.DrawId, 2, [new("A01", 1)], remaining), DrawFixtures.Seed(9));

        DrawVerifier.Verify(DrawFixtures.Record(first, second)).Findings.Select(f => f.Code).ShouldBe(["replacement-demand"]);
    }

    [Fact]
    public void Verify_OfASnapshotOfAnotherDraw_RejectsIt()
    {
        var foreign = CandidateSnapshot.Create(Guid.CreateVersion7(), 1, [new("A01", 3), new("B02", 2)], DrawFixtures.Candidates(10, 10, 5));
        var round = DrawFixtures.Round(1, foreign, DrawFixtures.Seed(5));

        DrawVerifier.Verify(DrawFixtures.Record(round)).Findings.Select(f => f.Code).ShouldBe(["snapshot-draw"]);
    }

    [Fact]
    public void Verify_OfAFirstRoundThatDrawsOtherThanRequested_RejectsIt()
    {
        var round = DrawFixtures.Round(1, DrawFixtures.Snapshot(demandA: 4), DrawFixtures.Seed(5));

        DrawVerifier.Verify(DrawFixtures.Record(round)).Findings.Select(f => f.Code).ShouldBe(["demand"]);
    }
}
