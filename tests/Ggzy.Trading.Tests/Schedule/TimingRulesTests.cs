using Ggzy.Platform.Rules;
using Ggzy.Trading.Domain.Schedule;

namespace Ggzy.Trading.Tests.Schedule;

public sealed class TimingRulesTests
{
    [Theory]
    [InlineData("tender.invitation.min-invitees", 3, "《中华人民共和国招标投标法》第十七条")]
    [InlineData("tender.documents-sale.min-days", 5, "《中华人民共和国招标投标法实施条例》第十六条")]
    [InlineData("tender.prequalification-application.min-days", 5, "《中华人民共和国招标投标法实施条例》第十七条")]
    [InlineData("tender.prequalification-clarification.min-days", 3, "《中华人民共和国招标投标法实施条例》第二十一条")]
    [InlineData("tender.documents-objection.lead-days", 10, "《中华人民共和国招标投标法实施条例》第二十二条")]
    [InlineData("tender.prequalification-objection.lead-days", 2, "《中华人民共和国招标投标法实施条例》第二十二条")]
    [InlineData("tender.objection-reply.max-days", 3, "《中华人民共和国招标投标法实施条例》第二十二条")]
    [InlineData("procurement.notice-period.min-working-days", 5, "《政府采购货物和服务招标投标管理办法》（财政部令第87号）第十六条")]
    [InlineData("procurement.prequalification-application.min-working-days", 5, "《中华人民共和国政府采购法实施条例》第二十一条")]
    [InlineData("procurement.prequalification-clarification.min-days", 3, "《中华人民共和国政府采购法实施条例》第三十一条")]
    public void Rule_UsedBySchedules_IsInTheCatalogWithItsArticle(string key, int value, string citation)
    {
        var rule = StatutoryRules.Find(key).ShouldNotBeNull();

        rule.Value.ShouldBe(value);
        rule.Citation.ShouldBe(citation);
        rule.Confidence.ShouldBe(RuleConfidence.Official);
        StatutoryTiming.Rules.ShouldContain(rule);
    }

    [Fact]
    public void ObjectionLeadTimes_LimitTheBiddersRight_SoARegionMayOnlyShortenThem()
    {
        StatutoryRules.TenderDocumentsObjection.Direction.ShouldBe(RuleDirection.Maximum);
        StatutoryRules.TenderDocumentsObjection.AllowsOverride(7).ShouldBeTrue();
        StatutoryRules.TenderDocumentsObjection.AllowsOverride(12).ShouldBeFalse();
        StatutoryRules.ProcurementNoticePeriod.AllowsOverride(7).ShouldBeTrue();
        StatutoryRules.ProcurementNoticePeriod.AllowsOverride(4).ShouldBeFalse();
    }

    [Fact]
    public void Objection_WithAShorterLocalLeadTime_IsAcceptedLater()
    {
        const string Basis = "《安和市公共资源交易管理办法》第二十条";
        var rule = StatutoryRules.TenderDocumentsObjection;
        var local = Schedules.National.With(new EffectiveRule(rule, 7, Basis, null));
        var raised = Schedules.China("2026-03-15 10:00"); // 8 days before the deadline 03-23

        new ObjectionWindow(Schedules.National).Assess(Schedules.ValidTender(), raised).Accepted.ShouldBeFalse();
        var result = new ObjectionWindow(local).Assess(Schedules.ValidTender(), raised);
        result.Accepted.ShouldBeTrue();
        result.LatestDay.ShouldBe(Schedules.Day("2026-03-16"));
        result.Message.ShouldContain(Basis);
    }
}
