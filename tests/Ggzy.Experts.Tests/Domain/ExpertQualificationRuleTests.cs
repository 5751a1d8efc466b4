using Ggzy.Experts.Contracts;
using Ggzy.Experts.Domain.Pool;
using Ggzy.Platform.Rules;

namespace Ggzy.Experts.Tests.Domain;

/// <summary>招标投标法 第三十七条: eight years in the field and a senior title, for engineering experts only.</summary>
public sealed class ExpertQualificationRuleTests
{
    private static readonly EffectiveRule National = new(StatutoryRules.ExpertPracticeYears, 8, StatutoryRules.ExpertPracticeYears.Citation, null);
    private static readonly DateOnly Today = new(2026, 11, 23);

    [Theory]
    [InlineData("2018-11-23", 8)]
    [InlineData("2018-11-24", 7)]
    [InlineData("2016-02-29", 10)]
    [InlineData("2026-11-23", 0)]
    public void YearsBetween_CountsAYearOnItsAnniversary(string since, int years) =>
        ExpertQualificationRule.YearsBetween(DateOnly.Parse(since, System.Globalization.CultureInfo.InvariantCulture), Today).ShouldBe(years);

    [Fact]
    public void EngineeringExpert_WithEightYearsAndASeniorTitle_IsAccepted() =>
        Should.NotThrow(() => ExpertQualificationRule.Check(National, true, TitleLevel.DeputySenior, null, Today.AddYears(-8), Today));

    [Fact]
    public void EngineeringExpert_OneDayShortOfEightYears_IsRefused_CitingArticle37()
    {
        var refusal = Should.Throw<StatutoryRuleException>(() =>
            ExpertQualificationRule.Check(National, true, TitleLevel.Senior, null, Today.AddYears(-8).AddDays(1), Today));

        refusal.Rule.ShouldBe(StatutoryRules.ExpertPracticeYears);
        refusal.Message.ShouldContain("满 8 年");
        refusal.Message.ShouldContain("满 7 年");
        refusal.Message.ShouldContain("《中华人民共和国招标投标法》第三十七条");
    }

    [Fact]
    public void EngineeringExpert_WithAnIntermediateTitle_IsRefused_UnlessAnEquivalenceIsStated()
    {
        var refusal = Should.Throw<StatutoryRuleException>(() =>
            ExpertQualificationRule.Check(National, true, TitleLevel.Intermediate, null, Today.AddYears(-20), Today));
        refusal.Message.ShouldContain("高级职称");

        Should.NotThrow(() => ExpertQualificationRule.Check(National, true, TitleLevel.Intermediate, "一级注册建造师", Today.AddYears(-20), Today));
    }

    [Fact]
    public void GoodsOrServicesExpert_IsNotBoundByArticle37() =>
        Should.NotThrow(() => ExpertQualificationRule.Check(National, false, TitleLevel.Intermediate, null, Today.AddYears(-2), Today));

    [Fact]
    public void RegionalOverride_RaisingTheYears_IsWhatIsApplied_AndCited()
    {
        var local = National with { Value = 10, Source = "《安和市评标专家管理办法》第八条" };

        var refusal = Should.Throw<StatutoryRuleException>(() =>
            ExpertQualificationRule.Check(local, true, TitleLevel.Senior, null, Today.AddYears(-9), Today));

        refusal.Message.ShouldContain("满 10 年");
        refusal.Message.ShouldContain("《安和市评标专家管理办法》第八条");
    }
}
