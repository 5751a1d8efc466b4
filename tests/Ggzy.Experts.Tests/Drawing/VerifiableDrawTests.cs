using Ggzy.Experts.Contracts.Drawing;
using Ggzy.TestKit.Statistics;

namespace Ggzy.Experts.Tests.Drawing;

public sealed class VerifiableDrawTests
{
    [Fact]
    public void Select_FillsEveryDemandInSnapshotOrder_WithDistinctHolders()
    {
        var snapshot = DrawFixtures.Snapshot(a: 4, b: 4, c: 3, demandA: 5, demandB: 4);

        var seats = VerifiableDraw.Select(DrawFixtures.Seed(7), snapshot);

        seats.Select(s => s.Specialty).ShouldBe(["A01", "A01", "A01", "A01", "A01", "B02", "B02", "B02", "B02"]);
        seats.Select(s => s.Position).ShouldBe(Enumerable.Range(1, 9));
        seats.Select(s => s.Pseudonym).ShouldBeUnique();
        var holders = snapshot.Candidates.ToDictionary(c => c.Pseudonym, c => c.Specialties);
        seats.ShouldAllBe(s => holders[s.Pseudonym].Contains(s.Specialty));
    }

    [Fact]
    public void Select_IsAFunctionOfSeedAndSnapshot()
    {
        var snapshot = DrawFixtures.Snapshot(a: 40, b: 40, c: 10);

        var first = VerifiableDraw.Select(DrawFixtures.Seed(1), snapshot);
        var again = VerifiableDraw.Select(DrawFixtures.Seed(1), CandidateSnapshot.Parse(snapshot.Text));
        var other = VerifiableDraw.Select(DrawFixtures.Seed(2), snapshot);

        again.ShouldBe(first);
        other.ShouldNotBe(first);
    }

    [Fact]
    public void Select_OfASnapshotWithOneCandidateMore_DrawsFromAnotherStream()
    {
        var snapshot = DrawFixtures.Snapshot(a: 40, b: 40, c: 10);
        var more = CandidateSnapshot.Create(DrawFixtures.DrawId, 1, snapshot.Demands,
            snapshot.Candidates.Append(new DrawCandidate(DrawFixtures.Pseudonym(999), ["C01"])).Append(new DrawCandidate(DrawFixtures.Pseudonym(998), ["A01"])));

        VerifiableDraw.Select(DrawFixtures.Seed(1), more).ShouldNotBe(VerifiableDraw.Select(DrawFixtures.Seed(1), snapshot));
    }

    [Fact]
    public void Select_WhenTheSharedCandidatesWereDrawnForTheFirstSpecialty_NamesTheShortOne()
    {
        // A01 has only the 2 shared candidates, B02 has 1 of its own and the same 2: drawing 2 for A01 leaves 1 for B02.
        var snapshot = DrawFixtures.Snapshot(a: 0, b: 1, c: 2, demandA: 2, demandB: 2);

        var e = Should.Throw<DrawShortException>(() => VerifiableDraw.Select(DrawFixtures.Seed(3), snapshot));

        e.Specialty.ShouldBe("B02");
        e.Available.ShouldBe(1);
        e.Message.ShouldContain("专业 B02 需抽取 2 人");
    }

    [Fact]
    public void Select_OverManySeeds_DrawsEveryCandidateOfAGroupEquallyOften()
    {
        // Candidates holding the same demanded specialties are exchangeable, so each is drawn equally often.
        var snapshot = DrawFixtures.Snapshot(a: 30, b: 20, c: 10, demandA: 3, demandB: 2);
        var draw = VerifiableDraw.For(snapshot);
        var counts = new long[snapshot.Candidates.Count];
        for (var i = 0; i < 20_000; i++)
        {
            foreach (var index in draw.SelectIndices(DrawFixtures.Seed(i)))
            {
                counts[index]++;
            }
        }

        var groups = Enumerable.Range(0, counts.Length)
            .GroupBy(i => string.Join(',', snapshot.Candidates[i].Specialties))
            .Select(g => (IReadOnlyList<long>)[.. g.Select(i => counts[i])])
            .ToList();
        var test = ChiSquareTest.EqualWithinGroups(groups);

        groups.Count.ShouldBe(3);
        test.DegreesOfFreedom.ShouldBe(57);
        test.PValue.ShouldBeGreaterThan(0.001, $"χ² = {test.Statistic}");
        counts.Sum().ShouldBe(20_000L * 5);
    }
}
