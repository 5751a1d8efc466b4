using Ggzy.Platform.Rules;
using Ggzy.Trading.Domain.Evaluation;
using Ggzy.Trading.Domain.Schedule;
using static Ggzy.Trading.Tests.Evaluation.Scenario;

namespace Ggzy.Trading.Tests.Evaluation;

public sealed class CompetitionAndCandidatesTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 2, 15, 0, 0, TimeSpan.FromHours(8));

    private static List<EvaluatedBid> Rejecting(params (int Index, ReviewStage Stage)[] rejected)
    {
        var bids = Bids();
        foreach (var (index, stage) in rejected)
        {
            bids[index] = bids[index] with { Rejection = new Rejection(stage, "依据", "理由") };
        }

        return bids;
    }

    [Fact]
    public void Assess_ThreeValidBids_AreEnough()
    {
        CompetitionCheck.Assess(Regime.Tender, Bids(), EvaluationRules.National).Verdict.ShouldBe(CompetitionVerdict.Sufficient);
        CompetitionCheck.Assess(Regime.Procurement, Bids(), EvaluationRules.National).Verdict.ShouldBe(CompetitionVerdict.Sufficient);
    }

    [Fact]
    public void Assess_TenderWithTwoValidBids_MayRejectAll_WithAnArgument()
    {
        var assessment = CompetitionCheck.Assess(Regime.Tender, Rejecting((0, ReviewStage.Compliance)), EvaluationRules.National);

        assessment.Verdict.ShouldBe(CompetitionVerdict.MayRejectAll);
        assessment.NeedsDecision.ShouldBeTrue();
        assessment.RuleKey.ShouldBe("tender.evaluation.min-valid-bids");
        assessment.Message.ShouldContain("可以否决全部投标");
        assessment.Message.ShouldContain("1117号");
        StatutoryRules.TenderValidBids.Confidence.ShouldBe(RuleConfidence.Curated);
    }

    [Fact]
    public void Assess_TenderWithNoValidBid_Retenders() =>
        CompetitionCheck.Assess(Regime.Tender, Rejecting((0, ReviewStage.Compliance), (1, ReviewStage.Detailed), (2, ReviewStage.Qualification)),
            EvaluationRules.National).Verdict.ShouldBe(CompetitionVerdict.NoValidBid);

    [Fact]
    public void Assess_ProcurementWithTwoQualified_MustNotEvaluate()
    {
        var assessment = CompetitionCheck.Assess(Regime.Procurement, Rejecting((2, ReviewStage.Qualification)), EvaluationRules.National);

        assessment.Verdict.ShouldBe(CompetitionVerdict.MustNotEvaluate);
        assessment.Message.ShouldContain("不得评标");
        assessment.Citation.ShouldNotBeNull().ShouldContain("第四十四条");
    }

    [Fact]
    public void Assess_ProcurementWithTwoCompliant_Fails()
    {
        var assessment = CompetitionCheck.Assess(Regime.Procurement, Rejecting((2, ReviewStage.Compliance)), EvaluationRules.National);

        assessment.Verdict.ShouldBe(CompetitionVerdict.Failed);
        assessment.Message.ShouldContain("废标");
    }

    [Fact]
    public void Decision_NeedsAnArgument()
    {
        Should.Throw<StatutoryRuleException>(() => CompetitionDecision.Make(true, "缺乏竞争", "评标委员会", At)).Message.ShouldContain("论证");
        CompetitionDecision.Make(true, "仅两家有效投标且报价均接近最高投标限价，明显缺乏竞争，否决全部投标。", "评标委员会", At).RejectAll.ShouldBeTrue();
    }

    [Fact]
    public void Candidates_AreTheTopRankedWithinTheDocumentsNumber()
    {
        var criteria = Procurement() with { Candidates = 2 };

        var list = CandidateList.From(Regime.Procurement, criteria, Evaluate(criteria), EvaluationRules.National);

        list.IsFinal.ShouldBeTrue();
        list.Candidates.Select(c => (c.Rank, c.BidId)).ShouldBe([(1, C), (2, A)]);
        list.Candidates[0].Total.ShouldBe(94.99m);
    }

    [Fact]
    public void Candidates_ATieAcrossTheLastPlace_IsNotFinal()
    {
        var bids = Bids();
        bids[0] = bids[0] with { ReadOutPrice = 950_000m };
        var criteria = Procurement() with { Candidates = 2 };
        var outcome = Evaluate(criteria, bids, Sheets(p => p[A] = p[B]), []);

        var list = CandidateList.From(Regime.Procurement, criteria, outcome, EvaluationRules.National);

        list.Candidates.Count.ShouldBe(3);
        list.IsFinal.ShouldBeFalse();
        list.Problem.ShouldNotBeNull().ShouldContain("超过 2 个");
    }

    [Fact]
    public void Candidates_TiedWithinTheNumber_StandInProcurement_ButNotInATender()
    {
        var bids = Bids();
        bids[0] = bids[0] with { ReadOutPrice = 950_000m };
        var sheets = Sheets(p => p[A] = p[B]);

        var procurement = CandidateList.From(Regime.Procurement, Procurement(), Evaluate(Procurement(), bids, sheets, []), EvaluationRules.National);
        var tender = CandidateList.From(Regime.Tender, Tender(), Evaluate(Tender(), bids, sheets, []), EvaluationRules.National);

        procurement.IsFinal.ShouldBeTrue();
        procurement.Candidates.Count(c => c.Tied).ShouldBe(2);
        tender.IsFinal.ShouldBeFalse();
        tender.Problem.ShouldNotBeNull().ShouldContain("标明排序");
    }

    [Fact]
    public void Candidates_InATender_AreNeverMoreThanTheRuleAllows()
    {
        var local = EvaluationRules.National.With(new EffectiveRule(StatutoryRules.TenderCandidates, 2, "《安和市招标投标管理办法》第三十条", null));

        var list = CandidateList.From(Regime.Tender, Tender(), Evaluate(Tender(), adjustments: []), local);

        list.Candidates.Select(c => c.BidId).ShouldBe([C, A]);
    }
}
