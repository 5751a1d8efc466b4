using Ggzy.Trading.Domain.Evaluation;
using Ggzy.Trading.Domain.Schedule;

namespace Ggzy.Trading.Tests.Evaluation;

public sealed class PriceCorrectionTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 2, 10, 0, 0, TimeSpan.FromHours(8));

    [Theory]
    [InlineData("壹佰贰拾叁万肆仟伍佰陆拾柒元捌角玖分", "1234567.89")]
    [InlineData("人民币壹仟零伍拾元整", "1050")]
    [InlineData("拾万元整", "100000")]
    [InlineData("贰拾万零叁佰元", "200300")]
    [InlineData("壹亿零伍万元", "100050000")]
    [InlineData("玖拾捌万元零伍分", "980000.05")]
    [InlineData("壹佰万圆正", "1000000")]
    [InlineData("伍角", "0.5")]
    [InlineData("一百二十万元", "1200000")]
    public void ChineseAmount_ReadsCapitals(string words, string expected) =>
        ChineseAmount.Parse(words).Amount.ShouldBe(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));

    [Theory]
    [InlineData("壹贰万元")]
    [InlineData("壹佰壹仟元")]
    [InlineData("壹佰万美元")]
    [InlineData("壹佰万")]
    [InlineData("")]
    public void ChineseAmount_RefusesWhatIsNotAnAmount(string words)
    {
        var (amount, problem) = ChineseAmount.Parse(words);

        amount.ShouldBeNull();
        problem.ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public void Procurement_WordsPrevailOverFigures()
    {
        var proposal = PriceCorrector.Propose(Regime.Procurement, new QuotedPrice(1_250_000m, "壹佰贰拾伍万伍仟元整"));

        proposal.CorrectedPrice.ShouldBe(1_255_000m);
        var step = proposal.Steps.ShouldHaveSingleItem();
        step.Rule.ShouldBe(CorrectionRule.WordsPrevail);
        step.Reason.ShouldContain("以大写金额为准");
        step.Reason.ShouldContain("第五十九条第一款第（二）项");
        proposal.Changes.ShouldBeTrue();
    }

    [Fact]
    public void Procurement_SheetPrevailsOverTheBidLetter()
    {
        var proposal = PriceCorrector.Propose(Regime.Procurement, new QuotedPrice(980_000m, BodyTotal: 990_000m));

        proposal.CorrectedPrice.ShouldBe(980_000m);
        proposal.Steps.ShouldHaveSingleItem().Rule.ShouldBe(CorrectionRule.SheetPrevails);
        proposal.Unresolved.ShouldBeNull();
    }

    [Fact]
    public void Procurement_MisplacedDecimal_CorrectsTheUnitPriceAndKeepsTheTotal()
    {
        var lines = new[]
        {
            new PriceLine("服务器", 10, 4_580m, 458_000m), // unit should be 45,800.00
            new PriceLine("交换机", 4, 12_500m, 50_000m),
        };

        var proposal = PriceCorrector.Propose(Regime.Procurement, new QuotedPrice(508_000m, Lines: lines));

        proposal.CorrectedPrice.ShouldBe(508_000m);
        var step = proposal.Steps.ShouldHaveSingleItem();
        step.Rule.ShouldBe(CorrectionRule.MisplacedDecimal);
        step.To.ShouldBe(45_800m);
        proposal.CorrectedLines[0].UnitPrice.ShouldBe(45_800m);
    }

    [Fact]
    public void Procurement_TotalFollowsTheUnitPrices()
    {
        var lines = new[]
        {
            new PriceLine("服务器", 10, 45_800m, 450_800m), // 10 × 45,800 = 458,000
            new PriceLine("交换机", 4, 12_500m, 50_000m),
        };

        var proposal = PriceCorrector.Propose(Regime.Procurement, new QuotedPrice(500_800m, Lines: lines));

        proposal.CorrectedPrice.ShouldBe(508_000m);
        proposal.Steps.Select(s => s.Rule).ShouldBe([CorrectionRule.UnitPricesPrevail, CorrectionRule.UnitPricesPrevail]);
        proposal.Steps[^1].Reason.ShouldContain("以单价金额计算结果为准");
    }

    [Fact]
    public void Procurement_SeveralErrors_AreCorrectedInTheStatutoryOrder()
    {
        var lines = new[] { new PriceLine("服务器", 10, 45_800m, 458_000m) };

        var proposal = PriceCorrector.Propose(Regime.Procurement,
            new QuotedPrice(450_000m, "肆拾伍万捌仟元整", BodyTotal: 460_000m, Lines: lines));

        proposal.Steps.Select(s => s.Rule).ShouldBe([CorrectionRule.SheetPrevails, CorrectionRule.WordsPrevail]);
        proposal.CorrectedPrice.ShouldBe(458_000m);
    }

    [Fact]
    public void Tender_WordsOverFiguresAndUnitPricesOverTotal_CiteOrder12()
    {
        var proposal = PriceCorrector.Propose(Regime.Tender,
            new QuotedPrice(1_000_000m, "壹佰万元整", Lines: [new PriceLine("土方", 1000, 1_010m, 1_000_000m)]));

        proposal.CorrectedPrice.ShouldBe(1_010_000m);
        proposal.Steps.Select(s => s.Rule).ShouldBe([CorrectionRule.UnitPricesPrevail, CorrectionRule.UnitPricesPrevail]);
        proposal.Steps.ShouldAllBe(s => s.Reason.Contains("《评标委员会和评标方法暂行规定》（七部委令第12号）第十九条"));
    }

    [Fact]
    public void Tender_TwoTotals_NeedTheDocumentsOrAClarification()
    {
        var proposal = PriceCorrector.Propose(Regime.Tender, new QuotedPrice(1_000_000m, BodyTotal: 1_100_000m));

        proposal.CorrectedPrice.ShouldBe(1_000_000m);
        proposal.Steps.ShouldHaveSingleItem().Rule.ShouldBe(CorrectionRule.NeedsClarification);
        proposal.Unresolved.ShouldNotBeNull();
    }

    [Fact]
    public void UnreadableWords_AreLeftForAClarification()
    {
        var proposal = PriceCorrector.Propose(Regime.Procurement, new QuotedPrice(1_000_000m, "壹佰万美元"));

        proposal.CorrectedPrice.ShouldBe(1_000_000m);
        proposal.Unresolved.ShouldNotBeNull().ShouldContain("澄清");
    }

    [Fact]
    public void Correction_BindsOnlyOnceConfirmed()
    {
        var correction = new PriceCorrection(Regime.Procurement, PriceCorrector.Propose(Regime.Procurement, new QuotedPrice(1_250_000m, "壹佰贰拾伍万伍仟元整")));
        var bid = new EvaluatedBid(Guid.NewGuid(), "甲公司", 1_250_000m, correction);

        correction.BindingPrice.ShouldBeNull();
        bid.CorrectionPending.ShouldBeTrue();
        bid.IsValid.ShouldBeFalse();
        correction.Consequence().ShouldContain("待投标人确认");

        correction.Confirm("甲公司授权代表", At);

        correction.State.ShouldBe(CorrectionState.Confirmed);
        correction.BindingPrice.ShouldBe(1_255_000m);
        bid.BindingPrice.ShouldBe(1_255_000m);
        bid.IsValid.ShouldBeTrue();
        Should.Throw<InvalidOperationException>(() => correction.Decline("甲公司授权代表", At));
    }

    [Fact]
    public void Correction_Declined_InvalidatesAProcurementBid_AndMayRejectATender()
    {
        var procurement = new PriceCorrection(Regime.Procurement, PriceCorrector.Propose(Regime.Procurement, new QuotedPrice(1_250_000m, "壹佰贰拾伍万伍仟元整")));
        var tender = new PriceCorrection(Regime.Tender, PriceCorrector.Propose(Regime.Tender, new QuotedPrice(1_250_000m, "壹佰贰拾伍万伍仟元整")));

        procurement.Decline("乙", At);
        tender.Decline("乙", At);

        procurement.InvalidatesBid.ShouldBeTrue();
        procurement.Consequence().ShouldContain("其投标无效");
        tender.InvalidatesBid.ShouldBeFalse();
        tender.Consequence().ShouldContain("可以否决其投标");
        new EvaluatedBid(Guid.NewGuid(), "乙公司", 1_250_000m, procurement).IsValid.ShouldBeFalse();
    }

    [Fact]
    public void Correction_WithoutChanges_NeedsNoConfirmation()
    {
        var correction = new PriceCorrection(Regime.Procurement, PriceCorrector.Propose(Regime.Procurement, new QuotedPrice(1_000_000m, "壹佰万元整")));

        new EvaluatedBid(Guid.NewGuid(), "甲公司", 1_000_000m, correction).IsValid.ShouldBeTrue();
    }
}
