using Ggzy.Platform.Time;
using Ggzy.Trading.Domain.Security;
using Ggzy.Trading.Features.Security;

namespace Ggzy.Trading.Tests.Security;

/// <summary>
/// The bank interest with a 工程 deposit refunded after the contract (实施条例 第五十七条): the configured rate over the days
/// from the deposit's arrival to its refund (or today while open); 政府采购 only after a termination, with the interest the
/// deposit earned (87号令 第二十九条); none for a withdrawal or an ordinary 政府采购 refund.
/// </summary>
public sealed class RefundInterestTests
{
    private static readonly RefundInterestOptions Options = new() { AnnualRate = 0.0035m, DaysInYear = 360 };

    private static DepositRefundDuty Duty(string ruleKey, RefundEvent @event, DateOnly? refundedOn) => new()
    {
        Id = Guid.NewGuid(),
        DepositId = Guid.NewGuid(),
        LotId = Guid.NewGuid(),
        Event = @event,
        Recipient = RefundRecipient.Winner,
        OccurredAt = ChinaTime.StartOfDay(new DateOnly(2026, 2, 20)),
        DueDate = new DateOnly(2026, 2, 25),
        RuleKey = ruleKey,
        Citation = "依据",
        Description = "说明",
        RefundedOn = refundedOn,
    };

    [Fact]
    public void TenderRefundAfterTheContract_CarriesTheInterestOfItsDays()
    {
        var received = ChinaTime.StartOfDay(new DateOnly(2026, 1, 1)).AddHours(10);
        var (interest, note) = DepositRefunds.InterestOf(
            Duty("tender.bid-security-refund.contract.max-days", RefundEvent.ContractSigned, new DateOnly(2026, 3, 2)), 100_000m, received,
            ChinaTime.StartOfDay(new DateOnly(2026, 3, 5)), Options);
        interest.ShouldBe(58.33m);
        note!.ShouldContain("共 60 日");
        note!.ShouldContain("第五十七条");
    }

    [Fact]
    public void AnOpenDuty_CountsToToday()
    {
        var received = ChinaTime.StartOfDay(new DateOnly(2026, 1, 1));
        var (interest, _) = DepositRefunds.InterestOf(
            Duty("tender.bid-security-refund.contract.max-days", RefundEvent.ContractSigned, null), 360_000m, received,
            ChinaTime.StartOfDay(new DateOnly(2026, 1, 11)).AddHours(9), Options);
        interest.ShouldBe(35m);
    }

    [Theory]
    [InlineData("procurement.bid-security-refund.termination.max-working-days", "第87号）第二十九条", "孳息")]
    [InlineData("tender.bid-security-refund.contract.max-days", "实施条例》第三十一条", "银行同期存款利息")]
    public void ATermination_RefundsWithInterest_UnderEitherRegime(string ruleKey, string citation, string what)
    {
        var received = ChinaTime.StartOfDay(new DateOnly(2026, 1, 1)).AddHours(10);
        var (interest, note) = DepositRefunds.InterestOf(Duty(ruleKey, RefundEvent.Termination, new DateOnly(2026, 3, 2)), 100_000m, received,
            ChinaTime.StartOfDay(new DateOnly(2026, 3, 5)), Options);
        interest.ShouldBe(58.33m);
        note!.ShouldContain(citation);
        note!.ShouldContain(what);
    }

    [Theory]
    [InlineData("procurement.bid-security-refund.max-working-days", 3)]
    [InlineData("tender.bid-security-withdrawal-refund.max-days", 1)]
    public void NoInterest_UnderProcurementOrForAWithdrawal(string ruleKey, int eventValue)
    {
        var @event = (RefundEvent)eventValue;
        var (interest, note) = DepositRefunds.InterestOf(Duty(ruleKey, @event, null), 100_000m, ChinaTime.StartOfDay(new DateOnly(2026, 1, 1)),
            ChinaTime.StartOfDay(new DateOnly(2026, 3, 1)), Options);
        interest.ShouldBeNull();
        note.ShouldBeNull();
    }
}
