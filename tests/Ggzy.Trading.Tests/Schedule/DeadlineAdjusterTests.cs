using Ggzy.Platform.Errors;
using Ggzy.Trading.Domain.Schedule;
using static Ggzy.Trading.Tests.Schedule.Schedules;

namespace Ggzy.Trading.Tests.Schedule;

public sealed class DeadlineAdjusterTests
{
    private static readonly DeadlineAdjuster Adjuster = new(National);

    [Fact]
    public void Assess_ClarificationFifteenDaysBefore_DoesNotMoveTheDeadline()
    {
        // Issued 03-08; 15 days end on 03-23, the deadline day.
        var result = Adjuster.Assess(ValidTender(), China("2026-03-08 16:00"));

        result.MustMove.ShouldBeFalse();
        result.EarliestDeadline.ShouldBe(China("2026-03-23 09:30"));
        result.Reason.ShouldContain("无需顺延");
    }

    [Fact]
    public void Assess_ClarificationLessThanFifteenDaysBefore_MovesTheDeadlineAndSaysWhy()
    {
        var result = Adjuster.Assess(ValidTender(), China("2026-03-10 10:00"));

        result.MustMove.ShouldBeTrue();
        result.EarliestDeadline.ShouldBe(China("2026-03-25 09:30"));
        result.RuleKey.ShouldBe("tender.clarification-to-deadline.min-days");
        result.Citation.ShouldBe("《中华人民共和国招标投标法》第二十三条；《中华人民共和国招标投标法实施条例》第二十一条");
        result.Reason.ShouldBe("本次澄清或者修改于 2026-03-10 10:00:00 发出，可能影响投标文件的编制，距原投标截止时间 2026-03-23 09:30:00 不足 15 日，"
            + "投标截止时间顺延至 2026-03-25 09:30:00 或之后（开始当天不计入，最后一日遇法定节假日或休息日顺延）"
            + "（依据：《中华人民共和国招标投标法》第二十三条；《中华人民共和国招标投标法实施条例》第二十一条）。");
    }

    [Theory]
    // Issued 02-05: the 15th day 02-20 is in 春节, so the period ends 02-24, before the deadline 02-27.
    [InlineData("2026-02-05 10:00", false, "2026-02-27 09:30")]
    // Issued 02-13: the 15th day is Saturday 02-28, an adjusted working day, so the deadline moves to it.
    [InlineData("2026-02-13 10:00", true, "2026-02-28 09:30")]
    public void Assess_AroundTheSpringFestival_CountsHolidaysAndAdjustedWorkdays(string issued, bool moves, string earliest)
    {
        var schedule = Tender("2026-01-26 09:00", "2026-02-02 17:00", "2026-02-27 09:30");

        var result = Adjuster.Assess(schedule, China(issued));

        result.MustMove.ShouldBe(moves);
        result.EarliestDeadline.ShouldBe(China(earliest));
    }

    [Theory]
    // Procurement prequalification: 3 days (采购条例 第三十一条); deadline Friday 10-09 09:00.
    [InlineData("2026-09-30 10:00", false, "2026-10-09 09:00")] // 3rd day 10-03 in 国庆节 → 10-08
    [InlineData("2026-10-06 10:00", false, "2026-10-09 09:00")] // 3rd day 10-09
    [InlineData("2026-10-07 10:00", true, "2026-10-10 09:00")] // 3rd day Saturday 10-10, an adjusted working day
    public void Assess_ProcurementPrequalification_UsesThreeDaysAroundNationalDay(string issued, bool moves, string earliest)
    {
        var schedule = Procurement("2026-09-21 09:00", "2026-09-30 17:00", "2026-10-09 09:00", prequalification: true);

        var result = Adjuster.Assess(schedule, China(issued));

        result.MustMove.ShouldBe(moves);
        result.EarliestDeadline.ShouldBe(China(earliest));
        result.RuleKey.ShouldBe("procurement.prequalification-clarification.min-days");
        result.Citation.ShouldBe("《中华人民共和国政府采购法实施条例》第三十一条");
    }

    [Fact]
    public void Assess_ProcurementTender_CitesOrder87()
    {
        var result = Adjuster.Assess(Procurement("2026-03-02 09:00", "2026-03-09 17:00", "2026-03-23 09:30"), China("2026-03-12 10:00"));

        result.MustMove.ShouldBeTrue();
        result.EarliestDeadline.ShouldBe(China("2026-03-27 09:30"));
        result.Reason.ShouldContain("（财政部令第87号）第二十七条");
    }

    [Fact]
    public void Assess_ClarificationNotAffectingPreparation_DoesNotMoveTheDeadline()
    {
        var result = Adjuster.Assess(ValidTender(), China("2026-03-20 10:00"), affectsPreparation: false);

        result.MustMove.ShouldBeFalse();
        result.Reason.ShouldContain("不影响投标文件的编制");
    }

    [Fact]
    public void Assess_AfterTheDeadline_IsRefused() =>
        Should.Throw<BusinessRuleException>(() => Adjuster.Assess(ValidTender(), China("2026-03-23 09:30")))
            .Message.ShouldContain("已过，不能再澄清或者修改招标文件");
}
