using Ggzy.Platform.Rules;
using Ggzy.Trading.Domain.Award;
using Ggzy.Trading.Domain.Schedule;
using Ggzy.Trading.Domain.Security;
using static Ggzy.Trading.Tests.Schedule.Schedules;

namespace Ggzy.Trading.Tests.Award;

/// <summary>The statutory timings after the report over the shipped 2026 calendar (春节 02-15..02-23, 国庆 10-01..10-07).</summary>
public sealed class AwardTimelineTests
{
    private static readonly AwardTimeline Timeline = new(National);

    [Theory]
    // Wednesday 03-04 + 3 days = Saturday 03-07, rolled to Monday 03-09.
    [InlineData("2026-03-04 16:00", "2026-03-09")]
    // Thursday 02-12 + 3 days = 02-15, inside 春节: the first working day after it, 02-24.
    [InlineData("2026-02-12 09:00", "2026-02-24")]
    // Monday 03-02 + 3 days = Thursday 03-05.
    [InlineData("2026-03-02 09:00", "2026-03-05")]
    public void CandidatePublicity_StartsWithinThreeDaysOfTheReport(string received, string lastDay)
    {
        var deadline = Timeline.CandidatePublicityStartBy(China(received));

        deadline.Date.ShouldBe(Day(lastDay));
        deadline.Kind.ShouldBe(DeadlineKind.NoLaterThan);
        deadline.RuleKey.ShouldBe("tender.candidate-publicity.start.max-days");
        deadline.Citation.ShouldBe("《中华人民共和国招标投标法实施条例》第五十四条");
        deadline.Description.ShouldContain("3 日内公示中标候选人");
        deadline.Provisional.ShouldBeFalse();
    }

    [Theory]
    [InlineData("2026-03-09 09:00", "2026-03-12")]
    [InlineData("2026-03-13 09:00", "2026-03-16")]
    // Wednesday 09-30 + 3 days = 10-03, inside 国庆节: 10-08.
    [InlineData("2026-09-30 09:00", "2026-10-08")]
    public void CandidatePublicity_LastsAtLeastThreeDays(string starts, string earliestEnd)
    {
        var deadline = Timeline.CandidatePublicityEndsNoEarlierThan(China(starts));

        deadline.Date.ShouldBe(Day(earliestEnd));
        deadline.Kind.ShouldBe(DeadlineKind.NoEarlierThan);
        deadline.Instant.ShouldBe(China(earliestEnd + " 00:00").AddDays(1));
    }

    [Fact]
    public void CandidatePublicity_ALongerLocalPeriod_AppliesWithItsBasis()
    {
        const string Basis = "《安和市招标投标管理办法》第三十一条";
        var local = new AwardTimeline(National.With(new EffectiveRule(StatutoryRules.TenderCandidatePublicity, 5, Basis, null)));

        var deadline = local.CandidatePublicityEndsNoEarlierThan(China("2026-03-09 09:00"));

        deadline.Date.ShouldBe(Day("2026-03-16")); // 03-14 is a Saturday
        deadline.Citation.ShouldBe(Basis);
    }

    [Fact]
    public void CheckPublicity_TooLateOrTooShort_SaysWhatToChange()
    {
        var received = China("2026-03-04 16:00");

        Timeline.CheckPublicity(received, China("2026-03-09 09:00"), China("2026-03-13 00:00")).ShouldBeEmpty();
        var problems = Timeline.CheckPublicity(received, China("2026-03-10 09:00"), China("2026-03-13 17:00"));

        problems.Count.ShouldBe(2);
        problems[0].ShouldContain("最迟于 2026-03-09 开始公示");
        problems[1].ShouldContain("最早于 2026-03-13 24:00 届满");
        problems.ShouldAllBe(p => p.Contains("第五十四条"));
    }

    [Theory]
    // Tuesday 09-29 + 3 days = 10-02, inside 国庆节: 10-08.
    [InlineData("2026-09-29 11:00", "2026-10-08")]
    [InlineData("2026-03-10 11:00", "2026-03-13")]
    public void ResultObjection_IsAnsweredWithinThreeDays(string received, string lastDay)
    {
        var deadline = Timeline.ResultObjectionAnswerBy(China(received));

        deadline.Date.ShouldBe(Day(lastDay));
        deadline.Description.ShouldContain("答复前暂停招标投标活动");
    }

    [Theory]
    [InlineData((int)Regime.Tender, "《中华人民共和国招标投标法》第四十六条")]
    [InlineData((int)Regime.Procurement, "《中华人民共和国政府采购法》第四十六条；《政府采购货物和服务招标投标管理办法》（财政部令第87号）第七十一条")]
    public void Contract_IsSignedWithinThirtyDaysOfTheAwardNotice(int regime, string citation)
    {
        // Friday 01-16 + 30 days = Sunday 02-15, inside 春节: 02-24.
        var deadline = Timeline.ContractBy((Regime)regime, China("2026-01-16 10:00"));

        deadline.Date.ShouldBe(Day("2026-02-24"));
        deadline.Citation.ShouldBe(citation);
    }

    [Fact]
    public void Contract_IntoAYearTheCalendarDoesNotKnow_IsProvisional()
    {
        var deadline = Timeline.ContractBy(Regime.Tender, China("2026-12-20 10:00"));

        deadline.Date.ShouldBe(Day("2027-01-19"));
        deadline.UnknownYears.ShouldBe([2027]);
        deadline.Provisional.ShouldBeTrue();
    }

    [Fact]
    public void AwardReport_IsDueWithinFifteenDays() =>
        Timeline.AwardReportBy(China("2026-03-02 10:00")).Date.ShouldBe(Day("2026-03-17"));

    [Theory]
    // Thursday 03-05: Fri 06, Mon 09.
    [InlineData("report", "2026-03-05 18:00", "2026-03-09")]
    // Monday 03-09 + 5 working days: Tue 10 … Mon 16.
    [InlineData("decision", "2026-03-09 10:00", "2026-03-16")]
    // Friday 09-25: Mon 28, Tue 29.
    [InlineData("notice", "2026-09-25 10:00", "2026-09-29")]
    // Wednesday 09-30: the next working day is Thursday 10-08, after 国庆节.
    [InlineData("notice-period", "2026-09-30 10:00", "2026-10-08")]
    // Thursday 02-12: Fri 13, Sat 14 (调休上班).
    [InlineData("contract-publication", "2026-02-12 10:00", "2026-02-14")]
    public void Procurement_CountsWorkingDays(string step, string from, string date)
    {
        var at = China(from);
        var deadline = step switch
        {
            "report" => Timeline.ReportToPurchaserBy(at),
            "decision" => Timeline.AwardDecisionBy(at),
            "notice" => Timeline.ResultNoticeBy(at),
            "notice-period" => Timeline.ResultNoticeEndsNoEarlierThan(at),
            _ => Timeline.ContractPublicationBy(at),
        };

        deadline.Date.ShouldBe(Day(date));
        deadline.Description.ShouldContain("个工作日");
    }

    [Fact]
    public void AwardDecision_SaysSilenceChoosesTheFirst() =>
        Timeline.AwardDecisionBy(China("2026-03-09 10:00")).Description.ShouldContain("视同确定排名第一的中标候选人");

    [Theory]
    [InlineData("2026-02-20 10:00", (int)DeadlineState.NotDue)]
    [InlineData("2026-02-23 10:00", (int)DeadlineState.Due)]
    [InlineData("2026-02-24 23:59", (int)DeadlineState.Due)]
    [InlineData("2026-02-25 00:00", (int)DeadlineState.Late)]
    public void StateAt_AContractDeadline_GoesDueThenLate(string now, int state) =>
        AwardTimeline.StateAt(Timeline.ContractBy(Regime.Tender, China("2026-01-16 10:00")), China(now)).ShouldBe((DeadlineState)state);

    [Fact]
    public void StateAt_AMinimumPeriod_IsNeverLate()
    {
        var period = Timeline.CandidatePublicityEndsNoEarlierThan(China("2026-03-09 09:00"));

        AwardTimeline.StateAt(period, China("2026-03-12 12:00")).ShouldBe(DeadlineState.NotDue);
        AwardTimeline.StateAt(period, China("2026-04-30 12:00")).ShouldBe(DeadlineState.Due);
    }

    [Fact]
    public void RefundsAfter_TheContract_OweEveryTenderBidderWithInterest()
    {
        var duties = Timeline.RefundsAfter(Regime.Tender, RefundEvent.ContractSigned, China("2026-09-28 10:00"));

        duties.Select(d => d.Recipient).ShouldBe([RefundRecipient.Winner, RefundRecipient.Losers]);
        duties.ShouldAllBe(d => d.DueDate == Day("2026-10-08") && d.Description.Contains("银行同期存款利息"));
    }

    [Fact]
    public void AwardGate_WaitsForThePublicityAndForEveryAnswer()
    {
        var ends = China("2026-03-12 00:00").AddDays(1);
        var objection = new AwardGate.ResultObjection(China("2026-03-11 10:00"), null);

        AwardGate.Refusal(ends, [], China("2026-03-12 18:00")).ShouldNotBeNull().ShouldContain("届满前不得发出中标通知书");
        AwardGate.Refusal(ends, [objection], China("2026-03-13 09:00")).ShouldNotBeNull().ShouldContain("暂停招标投标活动");
        AwardGate.Refusal(ends, [objection with { AnsweredAt = China("2026-03-13 08:00") }], China("2026-03-13 09:00")).ShouldBeNull();
        AwardGate.InTime(China("2026-03-09 09:00"), ends, China("2026-03-11 10:00")).ShouldBeTrue();
        AwardGate.InTime(China("2026-03-09 09:00"), ends, China("2026-03-13 09:00")).ShouldBeFalse();
    }

    [Fact]
    public void Rules_OfTheTimeline_AreLoadedForRegions()
    {
        StatutoryTiming.Rules.ShouldContain(StatutoryRules.TenderCandidatePublicityStart);
        StatutoryTiming.Rules.ShouldContain(StatutoryRules.ProcurementResultNotice);
        StatutoryTiming.Rules.ShouldContain(StatutoryRules.ProcurementContractPublication);
        StatutoryTiming.Rules.Select(r => r.Key).ShouldBeUnique();
    }
}
