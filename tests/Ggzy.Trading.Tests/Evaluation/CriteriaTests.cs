using Ggzy.Platform.Errors;
using Ggzy.Platform.Rules;
using Ggzy.Trading.Domain.Evaluation;
using static Ggzy.Trading.Tests.Evaluation.Scenario;

namespace Ggzy.Trading.Tests.Evaluation;

public sealed class CriteriaTests
{
    private static readonly CriteriaValidator National = new(EvaluationRules.National);

    [Fact]
    public void Check_TheWorkedExample_IsValid()
    {
        National.Check(Procurement()).Violations.ShouldBeEmpty();
        National.Check(Tender()).Violations.ShouldBeEmpty();
    }

    [Theory]
    [InlineData((int)SubjectKind.Goods, 29.5, false)]
    [InlineData((int)SubjectKind.Goods, 30, true)]
    [InlineData((int)SubjectKind.Services, 9.5, false)]
    [InlineData((int)SubjectKind.Services, 10, true)]
    public void Check_ProcurementPriceWeight_HasItsFloor(int subject, decimal weight, bool valid)
    {
        var result = National.Check(Procurement((SubjectKind)subject, weight));

        result.IsValid.ShouldBe(valid);
        if (!valid)
        {
            var violation = result.Violations.ShouldHaveSingleItem();
            violation.RuleKey.ShouldBe((SubjectKind)subject == SubjectKind.Goods
                ? "procurement.price-weight.goods.min-percent"
                : "procurement.price-weight.services.min-percent");
            violation.Message.ShouldContain("第五十五条");
        }
    }

    [Fact]
    public void Check_PriceWeightOfALocalRule_AppliesInsteadOfTheNational()
    {
        const string Basis = "《安和市政府采购评审规则》第八条";
        var local = EvaluationRules.National.With(new EffectiveRule(StatutoryRules.ProcurementGoodsPriceWeight, 35, Basis, null));

        var violation = new CriteriaValidator(local).Check(Procurement()).Violations.ShouldHaveSingleItem();

        violation.Citation.ShouldBe(Basis);
        violation.Message.ShouldContain("不得低于 35%");
    }

    [Fact]
    public void Check_TenderWorks_HasNoPriceWeightFloor() =>
        National.Check(Tender() with
        {
            Groups =
            [
                new CriteriaGroup("P", "价格", 5, [new CriteriaItem("P1", "投标报价", ItemKind.Price, 5)]),
                new CriteriaGroup("T", "技术", 95, [new CriteriaItem("T1", "施工组织设计", ItemKind.Subjective, 95, Step: 1)]),
            ],
        }).IsValid.ShouldBeTrue();

    [Fact]
    public void Check_Procurement_RefusesDroppingExtremesAndOtherAdjustments()
    {
        var criteria = Procurement() with
        {
            Aggregation = ScoreAggregation.MeanWithoutExtremes,
            Adjustments = [new PriceAdjustmentFactor("DAYS", "交货期", AdjustmentKind.Amount)],
        };

        var messages = National.Check(criteria).Violations.Select(v => v.Message).ToList();

        messages.ShouldContain(m => m.Contains("不得去掉最高分和最低分") && m.Contains("第五十五条"));
        messages.ShouldContain(m => m.Contains("交货期") && m.Contains("第五十四条"));
        National.Check(Tender(ScoreAggregation.MeanWithoutExtremes)).IsValid.ShouldBeTrue();
    }

    [Fact]
    public void Check_WeightsAndPoints_MustAddUp()
    {
        var criteria = Procurement() with
        {
            Groups =
            [
                new CriteriaGroup("P", "价格", 30, [new CriteriaItem("P1", "投标报价", ItemKind.Price, 30)]),
                new CriteriaGroup("T", "技术", 60, [new CriteriaItem("T1", "技术方案", ItemKind.Subjective, 50, Step: 1)]),
            ],
        };

        var messages = National.Check(criteria).Violations.Select(v => v.Message).ToList();

        messages.ShouldContain("各评审因素的权重之和为 90%，应为 100%，请更正。");
        messages.ShouldContain(m => m.Contains("各评审项满分之和为 50 分，与其权重 60%"));
    }

    [Fact]
    public void Check_PriceItem_IsRequiredAndAlone()
    {
        var noPrice = Procurement() with
        {
            Groups = [new CriteriaGroup("T", "技术", 100, [new CriteriaItem("T1", "技术方案", ItemKind.Subjective, 100, Step: 1)])],
        };
        var shared = Procurement() with
        {
            Groups =
            [
                new CriteriaGroup("P", "价格与服务", 100,
                    [new CriteriaItem("P1", "投标报价", ItemKind.Price, 40), new CriteriaItem("S1", "服务", ItemKind.Subjective, 60, Step: 1)]),
            ],
        };

        National.Check(noPrice).Violations.ShouldContain(v => v.Message.Contains("须设价格分评审项"));
        National.Check(shared).Violations.ShouldContain(v => v.Message.Contains("应单独作为一个评审因素"));
    }

    [Fact]
    public void Check_Tender_RefusesDrawingLotsAndMoreThanThreeCandidates()
    {
        var criteria = Tender(tieBreaks: [TieBreak.LowerPrice, TieBreak.DrawLots]) with { Candidates = 4 };

        var violations = National.Check(criteria).Violations;

        violations.ShouldContain(v => v.Message.Contains("不得采用抽签") && v.Message.Contains("1117号"));
        violations.ShouldContain(v => v.RuleKey == "tender.candidates.max-count" && v.Message.Contains("第五十三条"));
        National.Check(Procurement(tieBreaks: [TieBreak.LowerPrice, TieBreak.DrawLots])).IsValid.ShouldBeTrue();
        National.Check(Procurement(tieBreaks: [TieBreak.DrawLots, TieBreak.LowerPrice])).Violations
            .ShouldContain(v => v.Message.Contains("只能作为最后一项"));
    }

    [Fact]
    public void Check_Scales_AreQuantified()
    {
        var criteria = Procurement() with
        {
            Groups =
            [
                new CriteriaGroup("P", "价格", 30, [new CriteriaItem("P1", "投标报价", ItemKind.Price, 30)]),
                new CriteriaGroup("T", "技术", 70,
                [
                    new CriteriaItem("T1", "参数响应", ItemKind.Objective, 20),
                    new CriteriaItem("T2", "方案", ItemKind.Subjective, 50, Levels: [0, 30, 20, 50]),
                ]),
            ],
        };

        var messages = National.Check(criteria).Violations.Select(v => v.Message).ToList();

        messages.ShouldContain(m => m.Contains("客观评审项“参数响应”应量化"));
        messages.ShouldContain(m => m.Contains("“方案”的分档应为"));
    }

    [Fact]
    public void Check_LowestPrice_HasNoScoredGroups()
    {
        var criteria = Tender() with { Method = EvaluationMethod.LowestEvaluatedPrice, TechnicalGroup = null };

        National.Check(criteria).Violations.ShouldContain(v => v.Message.Contains("不打分"));
        National.Check(criteria with { Groups = [] }).IsValid.ShouldBeTrue();
    }

    [Fact]
    public void Check_ProcurementWorks_IsRefused() =>
        National.Check(Procurement() with { Subject = SubjectKind.Works }).Violations.ShouldContain(v => v.Field == "Subject");

    [Fact]
    public void ThrowIfInvalid_GivesEveryMessageByField()
    {
        var error = Should.Throw<InputValidationException>(() => National.Check(Procurement(priceWeight: 20) with { Decimals = 6 }).ThrowIfInvalid());

        error.Errors.Keys.ShouldBe(["PriceWeight", "Decimals"], ignoreOrder: true);
    }

    [Fact]
    public void Json_RoundTrips_WithAStableDigest()
    {
        var criteria = Procurement();

        var json = criteria.ToJson();
        var (parsed, problem) = EvaluationCriteria.Parse(json);

        problem.ShouldBeNull();
        parsed.ShouldNotBeNull().ToJson().ShouldBe(json);
        parsed.Digest().ShouldBe(criteria.Digest());
        parsed.Digest().Length.ShouldBe(64);
        json.ShouldContain("\"format\":\"ggzy.evaluation-criteria.v1\"");
        json.ShouldContain("\"method\":\"comprehensive\"");
        (criteria with { Revision = 2 }).Digest().ShouldNotBe(criteria.Digest());
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"format\":\"ggzy.evaluation-criteria.v9\"}")]
    [InlineData("not json")]
    public void Parse_AnotherRecord_SaysWhy(string json)
    {
        var (criteria, problem) = EvaluationCriteria.Parse(json);

        criteria.ShouldBeNull();
        problem.ShouldNotBeNull().ShouldContain("ggzy.evaluation-criteria.v1");
    }
}
