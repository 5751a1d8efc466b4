using Ggzy.Trading.Domain.Schedule;
using Ggzy.Trading.Domain.Security;
using static Ggzy.Trading.Tests.Schedule.Schedules;

namespace Ggzy.Trading.Tests.Security;

public sealed class RefundDutiesTests
{
    private static readonly RefundDuties Duties = new(National);

    [Theory]
    // Thursday 03-05 + 5 working days: Fri 06, Mon 09 .. Thu 12.
    [InlineData((int)RefundEvent.AwardNotice, "2026-03-05 10:00", "2026-03-12")]
    // Wednesday 02-11: Thu 12, Fri 13, Sat 14 (调休上班), then 春节 02-15..02-23, Tue 24, Wed 25.
    [InlineData((int)RefundEvent.AwardNotice, "2026-02-11 10:00", "2026-02-25")]
    // Tuesday 09-29: Wed 30, then 国庆节 10-01..10-07, Thu 08, Fri 09, Sat 10 (调休上班), Mon 12.
    [InlineData((int)RefundEvent.Withdrawal, "2026-09-29 10:00", "2026-10-12")]
    [InlineData((int)RefundEvent.ContractSigned, "2026-03-05 10:00", "2026-03-12")]
    [InlineData((int)RefundEvent.Termination, "2026-03-05 10:00", "2026-03-12")]
    public void Arising_Procurement_CountsFiveWorkingDays(int eventCode, string at, string due)
    {
        var duty = Duties.Arising(Regime.Procurement, (RefundEvent)eventCode, China(at)).ShouldHaveSingleItem();

        duty.DueDate.ShouldBe(Day(due));
        duty.DueBy.ShouldBe(China(due + " 00:00").AddDays(1));
        duty.Description.ShouldContain("5 个工作日内");
        duty.UnknownYears.ShouldBeEmpty();
    }

    [Fact]
    public void Arising_ProcurementEvents_OweTheRightBiddersUnderTheRightArticle()
    {
        var at = China("2026-03-05 10:00");

        Duties.Arising(Regime.Procurement, RefundEvent.AwardNotice, at).ShouldHaveSingleItem().Recipient.ShouldBe(RefundRecipient.Losers);
        Duties.Arising(Regime.Procurement, RefundEvent.ContractSigned, at).ShouldHaveSingleItem().Recipient.ShouldBe(RefundRecipient.Winner);
        var withdrawal = Duties.Arising(Regime.Procurement, RefundEvent.Withdrawal, at).ShouldHaveSingleItem();
        withdrawal.RuleKey.ShouldBe("procurement.bid-security-refund.max-working-days");
        withdrawal.Citation.ShouldBe("《政府采购货物和服务招标投标管理办法》（财政部令第87号）第三十八条；《中华人民共和国政府采购法实施条例》第三十三条");
        var termination = Duties.Arising(Regime.Procurement, RefundEvent.Termination, at).ShouldHaveSingleItem();
        termination.Recipient.ShouldBe(RefundRecipient.AllBidders);
        termination.Citation.ShouldEndWith("第二十九条");
        termination.Description.ShouldContain("孳息");
    }

    [Theory]
    // Monday 03-02 + 5 days = Saturday 03-07, rolled to Monday 03-09.
    [InlineData((int)RefundEvent.Withdrawal, "2026-03-02 10:00", "2026-03-09")]
    // 02-12 + 5 days = 02-17, inside 春节 (02-15..02-23): 02-24.
    [InlineData((int)RefundEvent.ContractSigned, "2026-02-12 10:00", "2026-02-24")]
    // 09-28 + 5 days = 10-03, inside 国庆节 (10-01..10-07): 10-08.
    [InlineData((int)RefundEvent.ContractSigned, "2026-09-28 10:00", "2026-10-08")]
    // Wednesday 03-04 + 5 days = Monday 03-09, a working day: no roll.
    [InlineData((int)RefundEvent.Withdrawal, "2026-03-04 10:00", "2026-03-09")]
    public void Arising_Tender_CountsFiveDaysRollingOverRestDays(int eventCode, string at, string due) =>
        Duties.Arising(Regime.Tender, (RefundEvent)eventCode, China(at)).ShouldAllBe(d => d.DueDate == Day(due));

    [Fact]
    public void Arising_TenderContract_OwesWinnerAndLosersWithInterest()
    {
        var duties = Duties.Arising(Regime.Tender, RefundEvent.ContractSigned, China("2026-03-02 10:00"));

        duties.Select(d => d.Recipient).ShouldBe([RefundRecipient.Winner, RefundRecipient.Losers]);
        duties.ShouldAllBe(d => d.Citation == "《中华人民共和国招标投标法实施条例》第五十七条");
        duties.ShouldAllBe(d => d.Description.Contains("及银行同期存款利息"));
        Duties.Arising(Regime.Tender, RefundEvent.Withdrawal, China("2026-03-02 10:00")).ShouldHaveSingleItem()
            .Citation.ShouldBe("《中华人民共和国招标投标法实施条例》第三十五条");
    }

    [Theory]
    // The losers' refund under 工程招标 runs from the contract, not the award notice; a termination has no number of days.
    [InlineData((int)RefundEvent.AwardNotice)]
    [InlineData((int)RefundEvent.Termination)]
    public void Arising_TenderEventWithoutAStatutoryDeadline_MakesNoDuty(int eventCode) =>
        Duties.Arising(Regime.Tender, (RefundEvent)eventCode, China("2026-03-02 10:00")).ShouldBeEmpty();

    [Theory]
    [InlineData("2026-03-05 10:00", (int)RefundState.NotDue)]
    [InlineData("2026-03-10 17:00", (int)RefundState.NotDue)]
    [InlineData("2026-03-11 00:00", (int)RefundState.Due)]
    [InlineData("2026-03-12 23:59", (int)RefundState.Due)]
    [InlineData("2026-03-13 00:00", (int)RefundState.Late)]
    public void StateAt_AroundTheLastDay_IsNotDueThenDueThenLate(string now, int state)
    {
        var duty = Duties.Arising(Regime.Procurement, RefundEvent.AwardNotice, China("2026-03-05 10:00")).Single();

        RefundDuties.StateAt(duty, China(now)).State.ShouldBe((RefundState)state);
    }

    [Fact]
    public void StateAt_ProcurementAfterTheDeadline_IsLateWithTheOverdueCharge()
    {
        var duty = Duties.Arising(Regime.Procurement, RefundEvent.AwardNotice, China("2026-02-11 10:00")).Single();

        var status = RefundDuties.StateAt(duty, China("2026-02-27 09:00"));

        status.State.ShouldBe(RefundState.Late);
        status.Message.ShouldStartWith("自中标通知书发出之日 2026-02-11 起 5 个工作日内向未中标的投标人退还投标保证金，最迟 2026-02-25，已逾期 2 日");
        status.Message.ShouldContain("（依据：《政府采购货物和服务招标投标管理办法》（财政部令第87号）第三十八条；");
        status.Message.ShouldContain("中国人民银行同期贷款基准利率上浮20%");
        status.Message.ShouldEndWith("第三十八条）。");
    }

    [Fact]
    public void StateAt_TenderLate_HasNoProcurementCharge()
    {
        var duty = Duties.Arising(Regime.Tender, RefundEvent.Withdrawal, China("2026-03-02 10:00")).Single();

        var status = RefundDuties.StateAt(duty, China("2026-03-10 09:00"));

        status.State.ShouldBe(RefundState.Late);
        status.Message.ShouldContain("最迟 2026-03-09，已逾期 1 日");
        status.Message.ShouldEndWith("（依据：《中华人民共和国招标投标法实施条例》第三十五条）。");
        status.Message.ShouldNotContain("超期资金占用费");
    }
}
