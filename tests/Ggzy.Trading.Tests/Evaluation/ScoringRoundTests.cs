using Ggzy.Trading.Domain.Evaluation;
using static Ggzy.Trading.Tests.Evaluation.Scenario;

namespace Ggzy.Trading.Tests.Evaluation;

public sealed class ScoringRoundTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 2, 14, 0, 0, TimeSpan.FromHours(8));

    private static ScoringRound Drafted()
    {
        var round = new ScoringRound(Members, [A, B, C]);
        foreach (var sheet in Sheets())
        {
            round.Draft(sheet);
        }

        return round;
    }

    [Fact]
    public void VisibleTo_BeforeSubmitting_IsOnlyTheMembersOwn()
    {
        var round = Drafted();
        round.Submit(Members[1].Id, At);

        round.VisibleTo(Members[0].Id).ShouldAllBe(s => s.MemberId == Members[0].Id);
        round.VisibleTo(Members[0].Id).Count.ShouldBe(3);
    }

    [Fact]
    public void VisibleTo_AfterSubmitting_IncludesTheOthersSubmittedSheets()
    {
        var round = Drafted();
        round.Submit(Members[1].Id, At);
        round.Submit(Members[0].Id, At);

        var visible = round.VisibleTo(Members[0].Id);

        visible.Select(s => s.MemberId).Distinct().ShouldBe([Members[0].Id, Members[1].Id], ignoreOrder: true);
        visible.ShouldNotContain(s => s.MemberId == Members[2].Id); // 丙 has not submitted: its drafts stay its own
        round.AllSubmitted.ShouldBeFalse();
        round.SubmittedAt(Members[0].Id).ShouldBe(At);
    }

    [Fact]
    public void Submit_WithABidUnscored_IsRefused()
    {
        var round = new ScoringRound(Members, [A, B, C]);
        round.Draft(Sheets().First(s => s.MemberId == Members[0].Id && s.BidId == A));

        Should.Throw<InvalidOperationException>(() => round.Submit(Members[0].Id, At)).Message.ShouldContain("尚有 2 个投标未评分");
    }

    [Fact]
    public void Draft_AfterSubmitting_OrByAStranger_IsRefused()
    {
        var round = Drafted();
        round.Submit(Members[0].Id, At);

        Should.Throw<InvalidOperationException>(() => round.Draft(Sheets().First(s => s.MemberId == Members[0].Id)));
        Should.Throw<InvalidOperationException>(() => round.VisibleTo(Guid.NewGuid()));
    }
}
