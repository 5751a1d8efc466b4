using Ggzy.Platform.Errors;
using Ggzy.Trading.Domain.Evaluation;
using Ggzy.Trading.Domain.Schedule;
using static Ggzy.Trading.Tests.Evaluation.Scenario;

namespace Ggzy.Trading.Tests.Evaluation;

public sealed class BidComparisonTests
{
    [Fact]
    public void Comprehensive_TheWorkedExample_GivesTheDocumentedFigures()
    {
        var outcome = Evaluate();

        // 评标基准价: the lowest evaluated price — 丙 1,100,000 less 10 % = 990,000; 乙 950,000 is lower.
        outcome.Benchmark.ShouldBe(950_000m);
        var a = outcome.Ranked.Single(r => r.BidId == A);
        var b = outcome.Ranked.Single(r => r.BidId == B);
        var c = outcome.Ranked.Single(r => r.BidId == C);
        c.EvaluatedPrice.ShouldBe(990_000m);
        c.Adjustments.ShouldHaveSingleItem().Effect.ShouldBe(-110_000m);
        a.PriceScore.ShouldBe(28.50m);
        b.PriceScore.ShouldBe(30.00m);
        c.PriceScore.ShouldBe(28.79m); // 950,000 / 990,000 × 30 = 28.7878… → 28.79
        a.GroupPoints("T").ShouldBe(40.00m);
        a.GroupPoints("B").ShouldBe(15.60m);
        a.Total.ShouldBe(84.10m);
        b.Total.ShouldBe(73.20m);
        c.Total.ShouldBe(94.99m);
        outcome.Ranked.Select(r => r.BidId).ShouldBe([C, A, B]);
        outcome.Ranked.Select(r => r.Rank).ShouldBe([1, 2, 3]);
        outcome.Ties.ShouldBeEmpty();
    }

    [Fact]
    public void Comprehensive_Procurement_KeepsEveryMembersScore()
    {
        var outcome = Evaluate(sheets: Sheets(p => p[A]["T1"] = [10, 25, 26, 24.5m, 25.5m]));

        var technical = outcome.Ranked.Single(r => r.BidId == A).Groups.Single(g => g.GroupCode == "T");
        technical.Members.ShouldAllBe(m => !m.Dropped);
        technical.Points.ShouldBe(37.20m); // (25 + 40 + 41 + 39.5 + 40.5) / 5
    }

    [Fact]
    public void Comprehensive_TenderDroppingExtremes_DropsOneHighestAndOneLowest()
    {
        var outcome = Evaluate(Tender(ScoreAggregation.MeanWithoutExtremes), adjustments: [],
            sheets: Sheets(p => p[A]["T1"] = [10, 25, 26, 24.5m, 25.5m]));

        var technical = outcome.Ranked.Single(r => r.BidId == A).Groups.Single(g => g.GroupCode == "T");
        technical.Members.Count(m => m.Dropped).ShouldBe(2);
        technical.Members.Single(m => m.Points == 25).Dropped.ShouldBeTrue();
        technical.Members.Single(m => m.Points == 41).Dropped.ShouldBeTrue();
        technical.Points.ShouldBe(40.00m); // (40 + 39.5 + 40.5) / 3
    }

    [Fact]
    public void Comprehensive_WithoutPolicyDeduction_UsesTheBidPrice()
    {
        var outcome = Evaluate(adjustments: []);

        outcome.Benchmark.ShouldBe(950_000m);
        outcome.Ranked.Single(r => r.BidId == C).PriceScore.ShouldBe(25.91m); // 950,000 / 1,100,000 × 30 = 25.909…
    }

    [Fact]
    public void Comprehensive_RejectedBid_IsLeftOutOfTheBenchmark()
    {
        var bids = Bids();
        bids[1] = bids[1] with { Rejection = new Rejection(ReviewStage.Compliance, "实施条例第五十一条（六）", "交货期不满足招标文件要求") };

        var outcome = Evaluate(bids: bids);

        outcome.Benchmark.ShouldBe(990_000m);
        outcome.Ranked.Select(r => r.BidId).ShouldBe([C, A]);
        outcome.Ranked.Single(r => r.BidId == C).PriceScore.ShouldBe(30m);
        outcome.Excluded.ShouldHaveSingleItem().BidId.ShouldBe(B);
    }

    [Fact]
    public void Comprehensive_ATie_IsBrokenByTheLowerPrice()
    {
        // 甲's 技术方案 lowered so that its total equals 乙's 73.20: 28.50 + (14.10 + 15) + 15.60.
        var outcome = Evaluate(adjustments: [], sheets: Sheets(p => p[A]["T1"] = [13.5m, 14.5m, 15, 13, 14.5m]));

        var a = outcome.Ranked.Single(r => r.BidId == A);
        var b = outcome.Ranked.Single(r => r.BidId == B);
        a.Total.ShouldBe(b.Total);
        b.Rank.ShouldBeLessThan(a.Rank);
        a.Tied.ShouldBeFalse();
        var tie = outcome.Ties.ShouldHaveSingleItem();
        tie.Applied.ShouldBe([TieBreak.LowerPrice]);
        tie.Unresolved.ShouldBeFalse();
    }

    [Fact]
    public void Comprehensive_TieOnScoreAndPrice_StaysTiedUnlessTheDocumentsDrawLots()
    {
        var bids = Bids();
        bids[0] = bids[0] with { ReadOutPrice = 950_000m };
        var sheets = Sheets(p => p[A] = p[B]);

        var tied = Evaluate(bids: bids, sheets: sheets, adjustments: []);
        tied.Ranked.Where(r => r.BidId != C).ShouldAllBe(r => r.Tied && r.Rank == 2);
        tied.Ties.ShouldHaveSingleItem().Unresolved.ShouldBeTrue();

        var draw = new FixedDraw(B, A);
        var drawn = Evaluate(Procurement(tieBreaks: [TieBreak.LowerPrice, TieBreak.DrawLots]), bids, sheets, [], draw);
        drawn.Ranked.Select(r => r.BidId).ShouldBe([C, B, A]);
        drawn.Ranked.ShouldAllBe(r => !r.Tied);
        var tie = drawn.Ties.ShouldHaveSingleItem();
        tie.Applied.ShouldBe([TieBreak.DrawLots]);
        tie.Draws.ShouldHaveSingleItem().Order.ShouldBe([B, A]);
        draw.Calls.ShouldBe(1);
    }

    [Fact]
    public void Comprehensive_TechnicalScore_BreaksATieWhereTheDocumentsSaySo()
    {
        var bids = Bids();
        bids[0] = bids[0] with { ReadOutPrice = 950_000m };
        var sheets = Sheets(p =>
        {
            p[A] = p[B].ToDictionary(i => i.Key, i => i.Value.ToArray());
            p[A]["T1"] = [21, 22, 23, 22, 21]; // technical +1 on 乙's
            p[A]["B2"] = [5, 5.5m, 5, 6, 5.5m]; // business −1 on 乙's
        });

        var outcome = Evaluate(Tender(tieBreaks: [TieBreak.LowerPrice, TieBreak.HigherTechnicalScore]), bids, sheets, []);

        outcome.Ranked.Single(r => r.BidId == A).Rank.ShouldBe(2);
        outcome.Ranked.Single(r => r.BidId == B).Rank.ShouldBe(3);
        outcome.Ties.ShouldHaveSingleItem().Applied.ShouldBe([TieBreak.HigherTechnicalScore]);
    }

    [Fact]
    public void Comprehensive_AMissingScore_RefusesToAggregate()
    {
        var sheets = Sheets();
        sheets[0] = sheets[0] with { Points = sheets[0].Points.Where(p => p.Key != "T1").ToDictionary(p => p.Key, p => p.Value) };

        Should.Throw<BusinessRuleException>(() => Evaluate(sheets: sheets)).Message.ShouldContain("尚未对投标人");
    }

    [Fact]
    public void Comprehensive_APendingCorrection_RefusesToAggregate()
    {
        var bids = Bids();
        bids[0] = bids[0] with
        {
            Correction = new PriceCorrection(Regime.Procurement, PriceCorrector.Propose(Regime.Procurement, new QuotedPrice(1_000_000m, "壹佰零壹万元整"))),
        };

        Should.Throw<BusinessRuleException>(() => Evaluate(bids: bids)).Message.ShouldContain("经投标人确认后才产生约束力");
    }

    [Fact]
    public void Comprehensive_AnAdjustmentTheDocumentsDoNotAllow_IsRefused() =>
        Should.Throw<BusinessRuleException>(() => Evaluate(adjustments: [new PriceAdjustment(A, "DAYS", -5, "交货期提前")]))
            .Message.ShouldContain("不在招标文件规定的评标价格调整方法中");

    [Fact]
    public void LowestEvaluatedPrice_RanksByPricePlusTheQuantifiedAdjustments()
    {
        var criteria = Tender() with
        {
            Method = EvaluationMethod.LowestEvaluatedPrice,
            Groups = [],
            TechnicalGroup = null,
            Adjustments = [new PriceAdjustmentFactor("DAYS", "工期偏差", AdjustmentKind.Amount), new PriceAdjustmentFactor("PAY", "付款条件偏差", AdjustmentKind.PercentOfPrice)],
        };
        var bids = new List<EvaluatedBid> { new(A, "甲公司", 5_000_000m), new(B, "乙公司", 4_900_000m), new(C, "丙公司", 4_950_000m) };
        PriceAdjustment[] adjustments =
        [
            new(B, "DAYS", 80_000m, "工期比招标文件要求长 8 日，每日加价 1 万元"),
            new(A, "PAY", -1m, "接受更长的付款周期，按 1% 下调评标价"),
        ];

        var outcome = BidComparison.Evaluate(criteria, bids, Members, [], adjustments);

        outcome.Benchmark.ShouldBeNull();
        // 甲 and 丙 at 4,950,000: the documents' tie-break, the lower bid price, puts 丙 (4,950,000) before 甲 (5,000,000).
        outcome.Ranked.Select(r => (r.BidId, r.EvaluatedPrice, r.Rank)).ShouldBe([(C, 4_950_000m, 1), (A, 4_950_000m, 2), (B, 4_980_000m, 3)]);
        outcome.Ranked.Single(r => r.BidId == A).Adjustments.ShouldHaveSingleItem().Effect.ShouldBe(-50_000m);
        outcome.Ranked.ShouldAllBe(r => r.PriceScore == null && r.Total == null);
    }

    [Fact]
    public void LowestEvaluatedPrice_Procurement_TiesStandTogether()
    {
        var criteria = Procurement() with { Method = EvaluationMethod.LowestEvaluatedPrice, Groups = [], TechnicalGroup = null, TieBreaks = [] };
        var bids = new List<EvaluatedBid> { new(A, "甲公司", 900_000m), new(B, "乙公司", 900_000m), new(C, "丙公司", 1_000_000m) };

        var outcome = BidComparison.Evaluate(criteria, bids, Members, [], [new PriceAdjustment(C, "SME", -10m, "小型企业")]);

        outcome.Ranked.ShouldAllBe(r => r.Rank == 1 && r.Tied);
        outcome.Ties.ShouldHaveSingleItem().Bids.Count.ShouldBe(3);
    }
}
