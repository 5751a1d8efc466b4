using Ggzy.Trading.Domain.Evaluation;
using Ggzy.Trading.Domain.Schedule;
using static Ggzy.Trading.Tests.Evaluation.Scenario;

namespace Ggzy.Trading.Tests.Evaluation;

public sealed class ReportChecksTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 2, 15, 0, 0, TimeSpan.FromHours(8));

    private static IReadOnlyList<Finding> Run(EvaluationCriteria? criteria = null, IReadOnlyList<EvaluatedBid>? bids = null, IReadOnlyList<ScoreSheet>? sheets = null) =>
        ReportChecks.Run(criteria ?? Procurement(), bids ?? Bids(), Members, sheets ?? Sheets());

    [Fact]
    public void Run_TheWorkedExample_FindsNothing()
    {
        Run().ShouldBeEmpty();
        ReportReadiness.Assess(Run(), []).CanSign.ShouldBeTrue();
    }

    [Fact]
    public void Run_ObjectiveScoresThatDiffer_AreFoundOncePerBidAndItem()
    {
        var finding = Run(sheets: Sheets(p => p[A]["T2"] = [15, 15, 10, 15, 15])).ShouldHaveSingleItem();

        finding.Kind.ShouldBe(FindingKind.ObjectiveMismatch);
        finding.Key.ShouldBe($"objective:{A}:T2");
        finding.Message.ShouldContain("评委丙 10 分");
        finding.Message.ShouldContain("第六十四条第一款第（三）项");
        finding.MayBeJustified.ShouldBeFalse();
    }

    [Theory]
    [InlineData(31)]   // above the maximum 30
    [InlineData(-1)]   // below zero
    [InlineData(24.3)] // off the 0.5 step
    public void Run_AScoreOffTheScale_IsFound(decimal points)
    {
        var findings = Run(sheets: Sheets(p => p[B]["T1"][1] = points));

        var finding = findings.Single(f => f.Kind == FindingKind.OutOfScale);
        finding.MemberId.ShouldBe(Members[1].Id);
        finding.Message.ShouldContain("超出评分标准（0–30 分，步长 0.5）");
    }

    [Fact]
    public void Run_AnObjectiveScoreBetweenLevels_IsOffTheScale() =>
        Run(sheets: Sheets(p => p[C]["B1"] = [9, 9, 9, 9, 9])).Where(f => f.Kind == FindingKind.OutOfScale).Count().ShouldBe(5);

    [Fact]
    public void Run_AFarOffSubjectiveScore_IsADeviation_WithTheThresholdOfTheCriteria()
    {
        // Others' mean for 甲's 技术方案 is 25.25; 19 is 6.25 below, over 20 % of 30 = 6.
        var sheets = Sheets(p => p[A]["T1"] = [19, 25, 26, 24.5m, 25.5m]);

        var finding = Run(sheets: sheets).ShouldHaveSingleItem();
        finding.Kind.ShouldBe(FindingKind.Deviation);
        finding.MemberId.ShouldBe(Members[0].Id);
        finding.Message.ShouldContain("低 6.25 分");
        finding.Message.ShouldContain("畸低");
        Run(Procurement() with { DeviationThresholdPercent = 25 }, sheets: sheets).ShouldBeEmpty();
        Run(sheets: Sheets(p => p[A]["T1"] = [19.5m, 25, 26, 24.5m, 25.5m])).ShouldBeEmpty(); // 5.75 below: within 6
    }

    [Fact]
    public void Run_AHighScore_IsCalledHigh() =>
        Run(sheets: Sheets(p => p[B]["B2"] = [6, 6.5m, 6, 9, 6.5m])).ShouldHaveSingleItem().Message.ShouldContain("畸高");

    [Fact]
    public void Run_ARejectionWithoutGroundOrReason_IsFound()
    {
        var bids = Bids();
        bids[0] = bids[0] with { Rejection = new Rejection(ReviewStage.Compliance, "实施条例第五十一条（六）", " ") };
        bids[1] = bids[1] with { Rejection = new Rejection(ReviewStage.Qualification, null, null) };

        var findings = Run(bids: bids).Where(f => f.Kind == FindingKind.RejectionWithoutReason).ToList();

        findings.Count.ShouldBe(2);
        findings.Single(f => f.BidId == A).Message.ShouldContain("符合性审查）未写明理由");
        findings.Single(f => f.BidId == B).Message.ShouldContain("资格审查）未写明依据和理由");
        findings.ShouldAllBe(f => f.Citation.Contains("1117号"));
    }

    [Fact]
    public void Run_RejectedBids_AreNotCheckedForScores()
    {
        var bids = Bids();
        bids[0] = bids[0] with { Rejection = new Rejection(ReviewStage.Compliance, "实施条例第五十一条（六）", "未响应交货期") };

        Run(bids: bids, sheets: Sheets(p => p[A]["T2"] = [15, 15, 10, 15, 15])).ShouldBeEmpty();
    }

    [Theory]
    [InlineData((int)Regime.Procurement, null, "请待其确认")]
    [InlineData((int)Regime.Procurement, false, "其投标无效")]
    [InlineData((int)Regime.Tender, false, "可以否决其投标")]
    [InlineData((int)Regime.Tender, true, null)]
    public void Run_ACorrectionNotSettled_IsFound(int regime, bool? confirmed, string? expected)
    {
        var correction = new PriceCorrection((Regime)regime, PriceCorrector.Propose((Regime)regime, new QuotedPrice(1_000_000m, "壹佰零壹万元整")));
        if (confirmed is { } yes)
        {
            if (yes)
            {
                correction.Confirm("甲公司授权代表", At);
            }
            else
            {
                correction.Decline("甲公司授权代表", At);
            }
        }

        var bids = Bids();
        bids[0] = bids[0] with { Correction = correction };
        var criteria = (Regime)regime == Regime.Procurement ? Procurement() : Tender();

        var findings = Run(criteria, bids).Where(f => f.Kind == FindingKind.CorrectionUnsettled).ToList();

        if (expected is null)
        {
            findings.ShouldBeEmpty();
        }
        else
        {
            findings.ShouldHaveSingleItem().Message.ShouldContain(expected);
        }

        ReportChecks.Run(criteria, [bids[0] with { Rejection = new Rejection(ReviewStage.Detailed, "依据", "理由") }, bids[1], bids[2]], Members, Sheets())
            .ShouldNotContain(f => f.Kind == FindingKind.CorrectionUnsettled);
    }

    [Fact]
    public void Run_AMissingScore_IsFound() =>
        Run(sheets: [.. Sheets().Where(s => !(s.MemberId == Members[4].Id && s.BidId == C))])
            .Where(f => f.Kind == FindingKind.MissingScore).Count().ShouldBe(4);

    [Fact]
    public void Tender_CitesTheOpinionsInsteadOfOrder87()
    {
        var finding = Run(Tender(), sheets: Sheets(p => p[A]["T2"] = [15, 15, 10, 15, 15])).ShouldHaveSingleItem();

        finding.Citation.ShouldContain("1117号");
        finding.Message.ShouldNotContain("财政部令第87号");
    }

    [Fact]
    public void Readiness_ADeviation_MayStandWithAJustification_OthersMustBeResolved()
    {
        var findings = Run(sheets: Sheets(p =>
        {
            p[A]["T1"] = [19, 25, 26, 24.5m, 25.5m];
            p[B]["T2"] = [10, 10, 5, 10, 10];
        }));
        var deviation = findings.Single(f => f.Kind == FindingKind.Deviation);
        var mismatch = findings.Single(f => f.Kind == FindingKind.ObjectiveMismatch);

        var readiness = ReportReadiness.Assess(findings,
        [
            new Justification(deviation.Key, "评委甲认为其技术方案缺少应急预案，经评标委员会认定评分合理。", "评委甲", At),
            new Justification(mismatch.Key, "评委丙认为参数响应不足，坚持原评分。", "评委丙", At),
        ]);

        readiness.CanSign.ShouldBeFalse();
        readiness.Justified.ShouldBe([deviation]);
        readiness.Blocking.ShouldBe([mismatch]);
    }

    [Fact]
    public void Readiness_AJustificationTooShort_DoesNotCount()
    {
        var findings = Run(sheets: Sheets(p => p[A]["T1"] = [19, 25, 26, 24.5m, 25.5m]));

        ReportReadiness.Assess(findings, [new Justification(findings[0].Key, "合理", "评委甲", At)]).CanSign.ShouldBeFalse();
    }

    [Fact]
    public void Revising_TheScores_ResolvesTheFinding()
    {
        var round = new ScoringRound(Members, [A, B, C]);
        var sheets = Sheets(p => p[A]["T2"] = [15, 15, 10, 15, 15]);
        foreach (var sheet in sheets)
        {
            round.Draft(sheet);
        }

        foreach (var member in Members)
        {
            round.Submit(member.Id, At);
        }

        Run(sheets: round.Submitted).ShouldHaveSingleItem().Kind.ShouldBe(FindingKind.ObjectiveMismatch);

        var revision = round.Revise(Members[2].Id, A, "T2", 15, "复核投标文件第 35 页技术参数表，全部响应，更正为 15 分", At);

        Run(sheets: round.Submitted).ShouldBeEmpty();
        revision.From.ShouldBe(10);
        round.Revisions.ShouldBe([revision]);
    }

    [Fact]
    public void Run_FewValidBidsWithoutAnArgument_AndCandidatesNotFinal_Block()
    {
        var bids = Bids();
        bids[0] = bids[0] with { Rejection = new Rejection(ReviewStage.Compliance, "实施条例第五十一条（六）", "未响应工期") };
        var competition = CompetitionCheck.Assess(Regime.Tender, bids, EvaluationRules.National);

        var findings = ReportChecks.Run(Tender(), bids, Members, Sheets(), competition, decision: null,
            candidates: new CandidateList([], "排名并列"));

        findings.Select(f => f.Kind).ShouldBe([FindingKind.CompetitionNotArgued, FindingKind.CandidatesNotFinal]);
        var decision = CompetitionDecision.Make(false, "两家有效投标报价差异合理，技术方案各具竞争性，不属于明显缺乏竞争。", "评标委员会", At);
        ReportChecks.Run(Tender(), bids, Members, Sheets(), competition, decision).ShouldBeEmpty();
    }

    [Fact]
    public void Clarifications_PendingBlocks_UnansweredAfterItsDeadlineStandsOnlyWithAJustification_ARejectedBidsNoLongerMatters()
    {
        var bids = Bids();
        bids[2] = bids[2] with { Rejection = new Rejection(ReviewStage.Compliance, "实施条例第五十一条（六）", "未响应工期") };
        OpenClarification[] open = [new(Guid.CreateVersion7(), A, At.AddMinutes(30)), new(Guid.CreateVersion7(), B, At.AddMinutes(-1)), new(Guid.CreateVersion7(), C, At.AddMinutes(-1))];

        var findings = ReportChecks.Clarifications(open, bids, At, "实施条例第五十二条");

        findings.Select(f => (f.Kind, f.BidId)).ShouldBe([(FindingKind.ClarificationPending, (Guid?)A), (FindingKind.ClarificationUnanswered, B)]);
        findings[0].MayBeJustified.ShouldBeFalse();
        findings[1].Message.ShouldContain("乙公司");
        var justified = ReportReadiness.Assess([findings[1]], [new Justification(findings[1].Key, "投标人未澄清，按投标文件载明的内容评审，不作有利于其的推定。", "评委甲", At)]);
        justified.CanSign.ShouldBeTrue();
        ReportReadiness.Assess(findings, [new Justification(findings[0].Key, "等待时间过长，评标委员会决定不再等待答复。", "评委甲", At)]).CanSign.ShouldBeFalse();
    }
}
