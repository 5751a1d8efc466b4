using Ggzy.Trading.Domain.Announcements;

namespace Ggzy.Trading.Tests.Announcements;

public sealed class InviteeDrawingTests
{
    [Fact]
    public void Terms_FewerThanThree_OrTooFewCandidates_OrOneWitness_AreRefusedCitingTheLaw()
    {
        InviteeDrawing.Check(candidates: 10, count: 2, minimum: 3, witnesses: 2)["Count"].Single().ShouldContain("不少于 3 家");
        InviteeDrawing.Check(candidates: 5, count: 3, minimum: 3, witnesses: 2)["Candidates"].Single().ShouldContain("两倍");
        InviteeDrawing.Check(candidates: 6, count: 3, minimum: 3, witnesses: 1)["Witnesses"].Single().ShouldContain("第十四条");
        InviteeDrawing.Check(candidates: 6, count: 3, minimum: 3, witnesses: 2).ShouldBeEmpty();
    }

    [Fact]
    public void Draw_TakesDistinctCandidates_AndEveryCandidateCanBeDrawn()
    {
        string[] candidates = ["A", "B", "C", "D", "E", "F"];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < 200; i++)
        {
            var drawn = InviteeDrawing.Draw(candidates, 3);
            drawn.Length.ShouldBe(3);
            drawn.ShouldBeUnique();
            drawn.ShouldAllBe(d => candidates.Contains(d));
            seen.UnionWith(drawn);
        }

        seen.Count.ShouldBe(6);
    }
}
