using Ggzy.Experts.Contracts;
using Ggzy.Experts.Contracts.Drawing;
using Ggzy.Experts.Drawing;

namespace Ggzy.Experts.Tests.Drawing;

public sealed class CommitteeRulesTests
{
    private static CommitteeRequest Request(DrawRegime regime, DrawMethod method, int members, int representatives, decimal budget = 1_000_000m,
        bool complex = false) =>
        new(regime, method, budget, complex, members, representatives, [new DrawDemand("A01", members - representatives)]);

    private static IReadOnlyList<string> Codes(CommitteeRequest request) =>
        [.. CommitteeRules.Check(request, CommitteeLimits.National).Select(v => v.Code)];

    [Theory]
    [InlineData(5, 1)]
    [InlineData(7, 2)]
    [InlineData(9, 3)]
    public void Tender_OddAtLeastFiveWithTwoThirdsExperts_Passes(int members, int representatives) =>
        Codes(Request(DrawRegime.Tender, DrawMethod.OpenTender, members, representatives)).ShouldBeEmpty();

    [Fact]
    public void Tender_OfThreeMembers_BreaksTheSizeRuleOfTenderLawArticle37()
    {
        var violation = CommitteeRules.Check(Request(DrawRegime.Tender, DrawMethod.OpenTender, 3, 0), CommitteeLimits.National).ShouldHaveSingleItem();

        violation.Code.ShouldBe(CommitteeRules.MembersCode);
        violation.Message.ShouldContain("评标委员会成员应为 5 人以上单数");
        violation.Citation.ShouldContain("《中华人民共和国招标投标法》第三十七条");
    }

    [Fact]
    public void Tender_OfSixMembers_BreaksTheOddRule() =>
        Codes(Request(DrawRegime.Tender, DrawMethod.InvitedTender, 6, 1)).ShouldBe([CommitteeRules.OddCode]);

    [Fact]
    public void Tender_WithTwoRepresentativesOfFive_BreaksTheTwoThirdsRule()
    {
        var violation = CommitteeRules.Check(Request(DrawRegime.Tender, DrawMethod.OpenTender, 5, 2), CommitteeLimits.National).ShouldHaveSingleItem();

        violation.Code.ShouldBe(CommitteeRules.ShareCode);
        violation.Message.ShouldContain("专家不得少于成员总数的三分之二：5 人中至少 4 名专家");
        violation.Citation.ShouldBe(CommitteeRules.TenderShareCitation);
    }

    [Fact]
    public void Procurement_OfFiveMembersBelowTenMillion_Passes() =>
        Codes(Request(DrawRegime.Procurement, DrawMethod.OpenTender, 5, 1, budget: 9_999_999m)).ShouldBeEmpty();

    [Fact]
    public void Procurement_OfFiveMembersAtTenMillion_BreaksTheSevenRuleOfOrder87Article47()
    {
        var violation = CommitteeRules.Check(Request(DrawRegime.Procurement, DrawMethod.OpenTender, 5, 1, budget: 10_000_000m), CommitteeLimits.National)
            .ShouldHaveSingleItem();

        violation.Code.ShouldBe(CommitteeRules.MembersCode);
        violation.Message.ShouldContain("评标委员会成员应为 7 人以上单数");
        violation.Message.ShouldContain("采购预算 1000 万元，达到 1000 万元");
        violation.Citation.ShouldContain("财政部令第87号）第四十七条");
    }

    [Fact]
    public void Procurement_TechnicallyComplex_NeedsSevenWhateverTheBudget() =>
        Codes(Request(DrawRegime.Procurement, DrawMethod.OpenTender, 5, 1, complex: true)).ShouldBe([CommitteeRules.MembersCode]);

    [Fact]
    public void Procurement_WithALocalThresholdOfFiveMillion_NeedsSevenAtSixMillion() =>
        CommitteeRules.Check(Request(DrawRegime.Procurement, DrawMethod.OpenTender, 5, 1, budget: 6_000_000m),
            CommitteeLimits.National with { LargeThresholdWan = 500 }).Select(v => v.Code).ShouldBe([CommitteeRules.MembersCode]);

    [Theory]
    [InlineData(DrawMethod.CompetitiveNegotiation, "谈判小组", "第三十八条")]
    [InlineData(DrawMethod.RequestForQuotation, "询价小组", "第四十条")]
    public void Group_OfThreeWithTwoRepresentatives_BreaksTheTwoThirdsRule_ButOneRepresentativePasses(DrawMethod method, string body, string article)
    {
        Codes(Request(DrawRegime.Procurement, method, 3, 1)).ShouldBeEmpty();
        var violation = CommitteeRules.Check(Request(DrawRegime.Procurement, method, 3, 2), CommitteeLimits.National).ShouldHaveSingleItem();
        violation.Message.ShouldStartWith(body + "中专家不得少于成员总数的三分之二");
        violation.Citation.ShouldBe("《中华人民共和国政府采购法》" + article);
    }

    [Fact]
    public void Group_OfOneMember_BreaksTheSizeRule() =>
        Codes(Request(DrawRegime.Procurement, DrawMethod.RequestForQuotation, 1, 0)).ShouldBe([CommitteeRules.MembersCode]);

    [Fact]
    public void Demands_ThatDoNotAddUpToTheExperts_AreRefused()
    {
        var request = Request(DrawRegime.Tender, DrawMethod.OpenTender, 5, 1) with { Demands = [new("A01", 2), new("B02", 1)] };

        var violation = CommitteeRules.Check(request, CommitteeLimits.National).ShouldHaveSingleItem();

        violation.Code.ShouldBe(CommitteeRules.DemandCode);
        violation.Message.ShouldContain("各专业抽取人数之和（3 人）应等于评标委员会中的专家人数");
    }
}
