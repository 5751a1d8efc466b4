using Ggzy.Platform.Errors;
using Ggzy.Platform.Rules;

namespace Ggzy.Platform.Tests.Rules;

public sealed class StatutoryRulesTests
{
    [Fact]
    public void All_Catalog_HasUniqueKeysAndCitesEveryRule()
    {
        StatutoryRules.All.Select(r => r.Key).ShouldBeUnique();
        StatutoryRules.All.Count.ShouldBeGreaterThanOrEqualTo(15);
        foreach (var rule in StatutoryRules.All)
        {
            rule.Citation.ShouldStartWith("《");
            rule.Citation.ShouldContain("第");
            rule.Name.ShouldNotBeNullOrWhiteSpace();
            rule.Counting.ShouldContain("第八十");
            rule.Value.ShouldBeGreaterThan(0);
            StatutoryRules.Find(rule.Key).ShouldBeSameAs(rule);
        }
    }

    [Fact]
    public void Catalog_KeyNumbers_MatchTheLaw()
    {
        StatutoryRules.TenderDocumentsToDeadline.ShouldBe(new StatutoryRule("tender.documents-to-deadline.min-days",
            StatutoryRules.TenderDocumentsToDeadline.Name, 20, RuleUnit.CalendarDays, RuleDirection.Minimum,
            StatutoryRules.DayCounting, "《中华人民共和国招标投标法》第二十四条", RuleConfidence.Official));
        StatutoryRules.TenderBidSecurity.Value.ShouldBe(2);
        StatutoryRules.TenderBidSecurity.Direction.ShouldBe(RuleDirection.Maximum);
        StatutoryRules.TenderCandidatePublicity.Citation.ShouldBe("《中华人民共和国招标投标法实施条例》第五十四条");
        StatutoryRules.ProcurementChallenge.Unit.ShouldBe(RuleUnit.WorkingDays);
        StatutoryRules.ProcurementChallenge.Value.ShouldBe(7);
        StatutoryRules.ProcurementDocumentsProvision.Counting.ShouldBe(StatutoryRules.WorkingDayCounting);
        StatutoryRules.CreditRecordPublication.Confidence.Label().ShouldBe("V-impl");
        StatutoryRules.Find("no.such.rule").ShouldBeNull();
    }

    [Fact]
    public void Labels_EveryEnumValue_HasText()
    {
        Enum.GetValues<RuleConfidence>().Select(c => c.Label()).ShouldBe(["V-official", "V-curated", "V-secondary", "V-impl", "UNVERIFIED"]);
        Enum.GetValues<RuleUnit>().ShouldAllBe(u => u.Suffix() != null);
        RuleUnit.WorkingDays.Suffix().ShouldBe(" 个工作日");
    }

    [Fact]
    public void Violation_OfRule_CitesTheArticleAndNamesTheField()
    {
        var ex = StatutoryRules.TenderDocumentsToDeadline.Violation("投标截止时间距招标文件发出不足 20 日，请推迟投标截止时间。", "BidDeadline");

        ex.ShouldBeAssignableTo<BusinessRuleException>();
        ex.Message.ShouldBe("投标截止时间距招标文件发出不足 20 日，请推迟投标截止时间（依据：《中华人民共和国招标投标法》第二十四条）。");
        ex.Citation.ShouldBe("《中华人民共和国招标投标法》第二十四条");
        ex.Field.ShouldBe("BidDeadline");
        ex.Rule.ShouldBeSameAs(StatutoryRules.TenderDocumentsToDeadline);
    }

    [Theory]
    [InlineData("120000", "120101", true)] // province covers its counties
    [InlineData("120000", "120100", true)] // and its cities
    [InlineData("120000", "130101", false)] // not another province
    [InlineData("120100", "120101", true)] // city covers its counties
    [InlineData("120100", "120201", false)] // not another city in the province
    [InlineData("120100", "120000", false)] // nor the province above it
    [InlineData("120101", "120101", true)] // county covers itself
    [InlineData("120101", "120102", false)] // only itself
    [InlineData("12000", "120101", false)] // malformed scope
    [InlineData("120000", "1201a1", false)] // malformed region
    public void Covers_RegionCodes_FollowGbT2260Levels(string scope, string region, bool covers) =>
        RegionCodes.Covers(scope, region).ShouldBe(covers);
}
