using Ggzy.Platform.Errors;
using Ggzy.Trading.Domain.Schedule;
using static Ggzy.Trading.Tests.Schedule.Schedules;

namespace Ggzy.Trading.Tests.Schedule;

public sealed class ObjectionWindowTests
{
    private static readonly ObjectionWindow Window = new(National);

    [Fact]
    public void Assess_TenderObjectionTenDaysBefore_IsAcceptedPausesAndIsAnsweredWithinThreeDays()
    {
        // Deadline 03-23: the last day to object is 03-13 (Friday); 3 days from it end on Monday 03-16.
        var result = Window.Assess(ValidTender(), China("2026-03-13 23:00"));

        result.Accepted.ShouldBeTrue();
        result.LatestDay.ShouldBe(Day("2026-03-13"));
        result.PausesProcedure.ShouldBeTrue();
        result.AnswerBy.ShouldBe(China("2026-03-17 00:00"));
        result.RuleKey.ShouldBe("tender.documents-objection.lead-days");
        result.Message.ShouldContain("招标人应当在 2026-03-16 前作出答复");
        result.Message.ShouldContain("暂停招标投标活动");
        result.Message.ShouldContain("实施条例》第二十二条");
    }

    [Fact]
    public void Assess_TenderObjectionLessThanTenDaysBefore_IsRefusedWithTheArticle()
    {
        var result = Window.Assess(ValidTender(), China("2026-03-14 00:10"));

        result.Accepted.ShouldBeFalse();
        result.AnswerBy.ShouldBeNull();
        result.PausesProcedure.ShouldBeFalse();
        result.Message.ShouldBe("对招标文件的异议应当在投标截止时间 2026-03-23 09:30:00 10 日前提出，即最迟 2026-03-13；"
            + "本次于 2026-03-14 00:10:00 提出，已超过期限，不予受理（依据：《中华人民共和国招标投标法实施条例》第二十二条）。");
    }

    [Fact]
    public void Assess_PrequalificationObjection_AllowsUntilTwoDaysBefore()
    {
        var schedule = Tender("2026-03-02 09:00", "2026-03-09 17:00", "2026-03-16 09:00", prequalification: true);

        Window.Assess(schedule, China("2026-03-14 18:00")).Accepted.ShouldBeTrue();
        var late = Window.Assess(schedule, China("2026-03-15 09:00"));
        late.Accepted.ShouldBeFalse();
        late.RuleKey.ShouldBe("tender.prequalification-objection.lead-days");
        late.Message.ShouldContain("资格预审文件的异议应当在提交资格预审申请文件截止时间 2026-03-16 09:00:00 2 日前提出");
    }

    [Theory]
    // Received 02-12: the 3rd day 02-15 is in 春节, so the answer is due by the end of 02-24.
    [InlineData("2026-02-12 10:00", "2026-02-25 00:00")]
    // Received 09-30: the 3rd day 10-03 is in 国庆节, so the answer is due by the end of 10-08.
    [InlineData("2026-09-30 10:00", "2026-10-09 00:00")]
    // Received Friday 03-06: the 3rd day is Monday 03-09.
    [InlineData("2026-03-06 10:00", "2026-03-10 00:00")]
    public void Assess_AnswerPeriodEndingOnAHoliday_RunsToTheNextWorkingDay(string raised, string answerBy)
    {
        var schedule = Tender("2026-01-05 09:00", "2026-01-12 17:00", "2026-11-30 09:30");

        Window.Assess(schedule, China(raised)).AnswerBy.ShouldBe(China(answerBy));
    }

    [Fact]
    public void Assess_ProcurementChallenge_CountsSevenWorkingDaysAcrossNationalDay()
    {
        // Known 09-28: 09-29, 09-30, 10-08, 10-09, Saturday 10-10 (调休上班), 10-12, 10-13.
        var schedule = Procurement("2026-09-28 09:00", "2026-10-10 17:00", "2026-10-30 09:30");

        var inTime = Window.Assess(schedule, China("2026-10-13 17:00"), Day("2026-09-28"));
        var late = Window.Assess(schedule, China("2026-10-14 09:00"), Day("2026-09-28"));

        inTime.Accepted.ShouldBeTrue();
        inTime.LatestDay.ShouldBe(Day("2026-10-13"));
        inTime.PausesProcedure.ShouldBeFalse();
        inTime.AnswerBy.ShouldBe(China("2026-10-23 00:00"));
        inTime.RuleKey.ShouldBe("procurement.challenge.window-working-days");
        late.Accepted.ShouldBeFalse();
        late.Message.ShouldContain("最迟 2026-10-13");
        late.Message.ShouldContain("《中华人民共和国政府采购法》第五十二条");
    }

    [Fact]
    public void Assess_ProcurementWithoutTheDayTheSupplierKnew_AsksForIt() =>
        Should.Throw<InputValidationException>(() =>
                Window.Assess(Procurement("2026-03-02 09:00", "2026-03-09 17:00", "2026-03-23 09:30"), China("2026-03-05 09:00")))
            .Errors.Keys.ShouldBe(["KnownOn"]);
}
