using Ggzy.Experts.Contracts;
using Ggzy.Experts.Drawing;

namespace Ggzy.Experts.Tests.Drawing;

public sealed class RecusalEvaluatorTests
{
    private const string Tenderer = "91990100MA1C3K7P0X";
    private const string Agency = "91990100MA2D4L8Q0X";
    private const string Bidder = "91990102MA3E5M9R0X";
    private const string Elsewhere = "91990100MA9Z9Z9Z0X";
    private static readonly DateOnly Day = new(2026, 12, 10);

    private static RecusalParties Parties(DrawRegime regime = DrawRegime.Tender) =>
        new(regime, Tenderer, Agency, [Bidder, "91990103MA4F6N0T0X"], "990102", Day);

    private static RecusalCandidate Candidate(
        CandidateStanding standing = CandidateStanding.Active, EmploymentFact[]? jobs = null, RelativeFact[]? relatives = null,
        PeriodFact[]? leaves = null, SanctionFact[]? sanctions = null, int evaluations = 0, string region = "990103",
        bool senior = true, int years = 20) =>
        new(Guid.NewGuid(), region, ["A01"], standing, Day.AddYears(-years), senior, jobs ?? [new(Elsewhere, new(2010, 1, 1), null)],
            relatives ?? [], leaves ?? [], sanctions ?? [], evaluations);

    private static RecusalExclusion? Evaluate(RecusalCandidate candidate, RecusalOptions? options = null, RecusalParties? parties = null)
    {
        var outcome = new RecusalEvaluator(options ?? new RecusalOptions()).Evaluate(parties ?? Parties(), [candidate]);
        (outcome.Eligible.Count + outcome.Excluded.Count).ShouldBe(1);
        return outcome.Excluded.SingleOrDefault();
    }

    [Fact]
    public void AnActiveQualifiedExpertWithoutTies_IsEligible() => Evaluate(Candidate()).ShouldBeNull();

    [Theory]
    [InlineData((int)CandidateStanding.Suspended, RecusalReasons.Suspended)]
    [InlineData((int)CandidateStanding.Blacklisted, RecusalReasons.Blacklisted)]
    [InlineData((int)CandidateStanding.Inactive, RecusalReasons.Inactive)]
    public void AnExpertNotActive_IsExcluded(int standing, string code)
    {
        var exclusion = Evaluate(Candidate((CandidateStanding)standing)).ShouldNotBeNull();
        exclusion.Code.ShouldBe(code);
        exclusion.Citation.ShouldContain("1117号");
    }

    [Theory]
    [InlineData((int)SanctionKind.Suspension, RecusalReasons.Suspended)]
    [InlineData((int)SanctionKind.Blacklist, RecusalReasons.Blacklisted)]
    [InlineData((int)SanctionKind.Debarment, RecusalReasons.Debarred)]
    public void ASanctionCoveringTheEvaluationDay_Excludes(int kind, string code) =>
        Evaluate(Candidate(sanctions: [new((SanctionKind)kind, new(Day.AddDays(-30), Day))])).ShouldNotBeNull().Code.ShouldBe(code);

    [Fact]
    public void ASanctionThatEndedTheDayBefore_DoesNotExclude() =>
        Evaluate(Candidate(sanctions: [new(SanctionKind.Suspension, new(Day.AddDays(-30), Day.AddDays(-1)))])).ShouldBeNull();

    [Fact]
    public void LeaveOnTheEvaluationDay_Excludes_LeaveAfterItDoesNot()
    {
        Evaluate(Candidate(leaves: [new(Day, Day.AddDays(3))])).ShouldNotBeNull().Code.ShouldBe(RecusalReasons.OnLeave);
        Evaluate(Candidate(leaves: [new(Day.AddDays(1), Day.AddDays(3))])).ShouldBeNull();
    }

    [Theory]
    [InlineData(Tenderer, RecusalReasons.TendererEmployee)]
    [InlineData(Agency, RecusalReasons.AgencyEmployee)]
    [InlineData(Bidder, RecusalReasons.BidderEmployee)]
    public void AnEmployeeOfAPartyNow_IsExcluded(string employer, string code)
    {
        var exclusion = Evaluate(Candidate(jobs: [new(employer, new(2015, 3, 1), null)])).ShouldNotBeNull();

        exclusion.Code.ShouldBe(code);
        exclusion.Reason.ShouldStartWith("现任职于");
        exclusion.Citation.ShouldContain("《中华人民共和国招标投标法》第三十七条");
    }

    [Fact]
    public void AFormerEmployeeOfABidderWithinThreeYears_IsExcluded_AndInProcurementUnderArticle9()
    {
        var candidate = Candidate(jobs: [new(Bidder, new(2015, 3, 1), Day.AddYears(-3)), new(Elsewhere, Day.AddYears(-3).AddDays(1), null)]);

        var exclusion = Evaluate(candidate, parties: Parties(DrawRegime.Procurement)).ShouldNotBeNull();

        exclusion.Code.ShouldBe(RecusalReasons.BidderEmployee);
        exclusion.Reason.ShouldBe("评标之日前 3 年内曾任职于本标段的投标人（供应商）");
        exclusion.Citation.ShouldBe("《中华人民共和国政府采购法实施条例》第九条");
    }

    [Fact]
    public void AFormerEmployeeWhoLeftMoreThanThreeYearsBefore_IsEligible() =>
        Evaluate(Candidate(jobs: [new(Bidder, new(2015, 3, 1), Day.AddYears(-3).AddDays(-1)), new(Elsewhere, Day.AddYears(-3), null)])).ShouldBeNull();

    [Fact]
    public void ALongerLookBackConfiguredByTheCenter_ExcludesWhatThreeYearsWouldNot() =>
        Evaluate(Candidate(jobs: [new(Tenderer, new(2015, 3, 1), Day.AddYears(-4))]), new RecusalOptions { FormerEmploymentYears = 5 })
            .ShouldNotBeNull().Code.ShouldBe(RecusalReasons.TendererEmployee);

    [Fact]
    public void ARelativeEmployedByABidder_Excludes()
    {
        var exclusion = Evaluate(Candidate(relatives: [new("配偶", Bidder)])).ShouldNotBeNull();

        exclusion.Code.ShouldBe(RecusalReasons.Relative);
        exclusion.Reason.ShouldBe("专家申报的近亲属（配偶）任职于本标段的投标人（供应商）");
    }

    [Fact]
    public void ARelativeEmployedElsewhere_DoesNotExclude() => Evaluate(Candidate(relatives: [new("子女", Elsewhere)])).ShouldBeNull();

    [Fact]
    public void EvaluationsForTheSameTendererAtTheLimit_Exclude_BelowItDoNot()
    {
        Evaluate(Candidate(evaluations: 3)).ShouldNotBeNull().Code.ShouldBe(RecusalReasons.Frequency);
        Evaluate(Candidate(evaluations: 2)).ShouldBeNull();
        Evaluate(Candidate(evaluations: 50), new RecusalOptions { MaxEvaluationsForSameTenderer = null }).ShouldBeNull();
    }

    [Fact]
    public void InTenderProjects_AnExpertWithoutASeniorTitle_OrEightYears_IsNotQualified()
    {
        Evaluate(Candidate(senior: false)).ShouldNotBeNull().Code.ShouldBe(RecusalReasons.NotQualified);
        Evaluate(Candidate(years: 7)).ShouldNotBeNull().Reason.ShouldBe("从事相关领域工作不满 8 年");
        Evaluate(Candidate(senior: false), parties: Parties(DrawRegime.Procurement)).ShouldBeNull();
    }

    [Fact]
    public void ACenterRuleByRegion_Employer_OrTheProjectsRegion_Excludes()
    {
        var options = new RecusalOptions
        {
            CenterRules =
            [
                new CenterRecusalRule { Code = "west-district", Name = "西山区专家暂不参加抽取", Basis = "安和市交易中心〔2026〕3号", Regions = ["990103"] },
                new CenterRecusalRule { Code = "same-district", Name = "与项目同一区县的专家回避", Basis = "安和市交易中心〔2026〕4号", SameRegionAsProject = true },
                new CenterRecusalRule { Code = "employer", Name = "指定单位人员回避", Basis = "安和市交易中心〔2026〕5号", Employers = [Elsewhere], Regime = DrawRegime.Procurement },
            ],
        };

        Evaluate(Candidate(region: "990103"), options).ShouldNotBeNull().Code.ShouldBe("center:west-district");
        Evaluate(Candidate(region: "990102"), options).ShouldNotBeNull().Citation.ShouldBe("安和市交易中心〔2026〕4号");
        Evaluate(Candidate(region: "990104"), options).ShouldBeNull();
        Evaluate(Candidate(region: "990104"), options, Parties(DrawRegime.Procurement)).ShouldNotBeNull().Code.ShouldBe("center:employer");
    }

    [Fact]
    public void Evaluate_SplitsTheCandidates_AndGivesOneReasonEach()
    {
        var candidates = new[] { Candidate(), Candidate(CandidateStanding.Suspended, jobs: [new(Bidder, new(2020, 1, 1), null)]), Candidate() };

        var outcome = new RecusalEvaluator(new RecusalOptions()).Evaluate(Parties(), candidates);

        outcome.Eligible.Count.ShouldBe(2);
        outcome.Excluded.ShouldHaveSingleItem().Code.ShouldBe(RecusalReasons.Suspended);
    }
}
