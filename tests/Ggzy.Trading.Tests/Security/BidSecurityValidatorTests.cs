using Ggzy.Platform.Errors;
using Ggzy.Platform.Rules;
using Ggzy.Trading.Domain.Schedule;
using Ggzy.Trading.Domain.Security;
using static Ggzy.Trading.Tests.Schedule.Schedules;

namespace Ggzy.Trading.Tests.Security;

public sealed class BidSecurityValidatorTests
{
    private const string Basis = "《安和市公共资源交易管理办法》第十五条";

    [Theory]
    [InlineData(true, "1000000", "20000.00")]
    [InlineData(false, "1000000", "20000.00")]
    [InlineData(true, "12345.67", "246.91")]
    public void Check_AmountAtExactlyTheCap_IsAccepted(bool tender, string estimate, string amount) =>
        Check(Terms(tender ? Regime.Tender : Regime.Procurement, decimal.Parse(estimate, System.Globalization.CultureInfo.InvariantCulture),
            decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture))).Violations.ShouldBeEmpty();

    [Fact]
    public void Check_TenderOneFenAboveTwoPercent_IsRefusedWithTheCapAndTheArticle()
    {
        var violation = Check(Terms(Regime.Tender, 1_000_000m, 20_000.01m)).Violations.ShouldHaveSingleItem();

        violation.Field.ShouldBe(nameof(BidSecurityTerms.Amount));
        violation.RuleKey.ShouldBe("tender.bid-security.max-percent");
        violation.Citation.ShouldBe("《中华人民共和国招标投标法实施条例》第二十六条");
        violation.Message.ShouldContain("投标保证金 20,000.01 元 超过招标项目估算价 1,000,000.00 元 的 2%，即 20,000.00 元");
        violation.Message.ShouldEndWith("（依据：《中华人民共和国招标投标法实施条例》第二十六条）。");
    }

    [Fact]
    public void Check_ProcurementOneFenAboveTwoPercentOfTheBudget_IsRefusedCitingTheProcurementRegulations()
    {
        var violation = Check(Terms(Regime.Procurement, 3_000_000m, 60_000.01m)).Violations.ShouldHaveSingleItem();

        violation.RuleKey.ShouldBe("procurement.bid-security.max-percent");
        violation.Message.ShouldContain("采购项目预算金额 3,000,000.00 元");
        violation.Message.ShouldContain("60,000.00 元");
        violation.Message.ShouldEndWith("（依据：《中华人民共和国政府采购法实施条例》第三十三条）。");
    }

    [Fact]
    public void Check_RegionWithATighterCap_AppliesItAndCitesTheLocalBasis()
    {
        var local = National.With(new EffectiveRule(StatutoryRules.TenderBidSecurity, 1.5m, Basis, null));

        Check(Terms(Regime.Tender, 1_000_000m, 15_000m), local).Violations.ShouldBeEmpty();
        Check(Terms(Regime.Tender, 1_000_000m, 20_000m)).Violations.ShouldBeEmpty();

        var violation = Check(Terms(Regime.Tender, 1_000_000m, 15_000.01m), local).Violations.ShouldHaveSingleItem();
        violation.Citation.ShouldBe(Basis);
        violation.Message.ShouldContain("的 1.5%，即 15,000.00 元");
        violation.Message.ShouldEndWith($"（依据：{Basis}）。");
    }

    [Fact]
    public void Check_ProcurementAcceptingACashDeposit_IsRefused()
    {
        var terms = Terms(Regime.Procurement, 1_000_000m, 10_000m) with
        {
            AcceptedForms = [BidSecurityForm.Deposit, BidSecurityForm.ElectronicGuarantee],
        };

        var violation = Check(terms).Violations.ShouldHaveSingleItem();

        violation.Field.ShouldBe(nameof(BidSecurityTerms.AcceptedForms));
        violation.Message.ShouldContain("非现金形式");
        violation.Message.ShouldEndWith("（依据：《中华人民共和国政府采购法实施条例》第三十三条）。");
    }

    [Fact]
    public void Check_TenderAcceptingADepositOrAnElectronicGuarantee_IsAccepted() =>
        Check(Terms(Regime.Tender, 1_000_000m, 10_000m) with
        {
            AcceptedForms = [BidSecurityForm.Deposit, BidSecurityForm.ElectronicGuarantee],
        }).Violations.ShouldBeEmpty();

    [Fact]
    public void Check_DepositWithoutACustodyAccount_AsksForIt() =>
        Check(Terms(Regime.Tender, 1_000_000m, 10_000m) with { CustodyAccount = " " })
            .Violations.ShouldHaveSingleItem().Field.ShouldBe(nameof(BidSecurityTerms.CustodyAccount));

    [Fact]
    public void Check_TenderValidityOtherThanTheBidValidity_IsRefused()
    {
        var violation = Check(Terms(Regime.Tender, 1_000_000m, 10_000m) with { ValidityDays = 60 }).Violations.ShouldHaveSingleItem();

        violation.Field.ShouldBe(nameof(BidSecurityTerms.ValidityDays));
        violation.Message.ShouldContain("请改为 90 日");
        violation.Message.ShouldEndWith("第二十六条）。");
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("100.001")]
    public void Check_AmountNotPositiveOrBelowAFen_IsRefused(string amount) =>
        Check(Terms(Regime.Tender, 1_000_000m, decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture)))
            .Violations.ShouldHaveSingleItem().Field.ShouldBe(nameof(BidSecurityTerms.Amount));

    [Fact]
    public void ThrowIfInvalid_AboveTheCapWithCash_RefusesEveryFieldWithItsMessages()
    {
        var terms = Terms(Regime.Procurement, 1_000_000m, 20_000.01m) with { AcceptedForms = [BidSecurityForm.Deposit] };

        var ex = Should.Throw<InputValidationException>(Check(terms).ThrowIfInvalid);

        ex.Errors.Keys.ShouldBe([nameof(BidSecurityTerms.Amount), nameof(BidSecurityTerms.AcceptedForms)], ignoreOrder: true);
        ex.Errors[nameof(BidSecurityTerms.Amount)].ShouldHaveSingleItem().ShouldContain("第三十三条");
    }

    private static BidSecurityTerms Terms(Regime regime, decimal baseAmount, decimal amount) =>
        new(regime, baseAmount, amount,
            regime == Regime.Tender ? [BidSecurityForm.Deposit, BidSecurityForm.ElectronicGuarantee] : [BidSecurityForm.ElectronicGuarantee],
            "安和市公共资源交易中心投标保证金托管账户", 90, 90);

    private static BidSecurityAssessment Check(BidSecurityTerms terms, StatutoryTiming? timing = null) =>
        new BidSecurityValidator(timing ?? National).Check(terms);
}
