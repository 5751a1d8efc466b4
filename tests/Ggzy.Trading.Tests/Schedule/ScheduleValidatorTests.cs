using Ggzy.Platform.Errors;
using Ggzy.Platform.Rules;
using Ggzy.Trading.Domain.Schedule;
using static Ggzy.Trading.Tests.Schedule.Schedules;

namespace Ggzy.Trading.Tests.Schedule;

public sealed class ScheduleValidatorTests
{
    [Fact]
    public void Check_TenderMeetingEveryRule_IsPublishable()
    {
        var result = Check(ValidTender());

        result.Violations.ShouldBeEmpty();
        result.IsPublishable.ShouldBeTrue();
        result.Provisional.ShouldBeFalse();
        Should.NotThrow(result.ThrowIfNotPublishable);
    }

    [Theory]
    // Sale from Monday 03-02: the 5th day is Saturday 03-07, so the period runs to Monday 03-09.
    [InlineData("2026-03-02 09:00", "2026-03-06 17:00", "2026-03-09")]
    // Sale from 02-10: the 5th day 02-15 falls in 春节 (02-15..02-23), so the period runs to 02-24.
    [InlineData("2026-02-10 09:00", "2026-02-23 17:00", "2026-02-24")]
    // Sale from 09-28: the 5th day 10-03 falls in 国庆节 (10-01..10-07), so the period runs to 10-08.
    [InlineData("2026-09-28 09:00", "2026-10-07 17:00", "2026-10-08")]
    public void Check_TenderSaleShorterThanFiveDays_NamesTheEarliestEndAndTheArticle(string from, string until, string earliest)
    {
        var result = Check(Tender(from, until, "2026-11-30 09:30"));

        var violation = result.Violations.ShouldHaveSingleItem();
        violation.RuleKey.ShouldBe("tender.documents-sale.min-days");
        violation.Field.ShouldBe(nameof(ProcedureSchedule.DocumentsUntil));
        violation.EarliestAllowed.ShouldBe(Day(earliest));
        violation.Citation.ShouldBe("《中华人民共和国招标投标法实施条例》第十六条");
        violation.Message.ShouldContain("不足 5 日");
        violation.Message.ShouldContain("发售截止日期最早为 " + earliest);
        violation.Message.ShouldEndWith("（依据：《中华人民共和国招标投标法实施条例》第十六条）。");
    }

    [Theory]
    [InlineData("2026-03-02 09:00", "2026-03-09 17:00")]
    [InlineData("2026-02-10 09:00", "2026-02-24 17:00")]
    [InlineData("2026-09-28 09:00", "2026-10-08 17:00")]
    public void Check_TenderSaleEndingOnTheRolledOverDay_IsAllowed(string from, string until) =>
        Check(Tender(from, until, "2026-11-30 09:30")).Violations.ShouldBeEmpty();

    [Theory]
    // 20 days from Monday 03-02 end on Sunday 03-22, so the deadline may be Monday 03-23 at the earliest.
    [InlineData("2026-03-02 09:00", "2026-03-09 17:00", "2026-03-20 09:30", "2026-03-23")]
    // 20 days from 01-27 end on 02-16, inside 春节: the earliest deadline is 02-24.
    [InlineData("2026-01-27 09:00", "2026-02-03 17:00", "2026-02-23 09:30", "2026-02-24")]
    // 20 days from 09-11 end on 10-01, inside 国庆节: the earliest deadline is 10-08.
    [InlineData("2026-09-11 09:00", "2026-09-18 17:00", "2026-10-07 09:30", "2026-10-08")]
    public void Check_TenderDeadlineWithinTwentyDays_IsRefusedWithTheEarliestDeadline(string from, string until, string deadline, string earliest)
    {
        var violation = Check(Tender(from, until, deadline)).Violations.ShouldHaveSingleItem();

        violation.RuleKey.ShouldBe("tender.documents-to-deadline.min-days");
        violation.Field.ShouldBe(nameof(ProcedureSchedule.Deadline));
        violation.EarliestAllowed.ShouldBe(Day(earliest));
        violation.Message.ShouldContain("投标截止日期最早为 " + earliest);
        violation.Message.ShouldContain("《中华人民共和国招标投标法》第二十四条");
    }

    [Theory]
    [InlineData("2026-01-27 09:00", "2026-02-03 17:00", "2026-02-24 09:30")]
    [InlineData("2026-09-11 09:00", "2026-09-18 17:00", "2026-10-08 09:30")]
    public void Check_TenderDeadlineOnTheFirstWorkingDayAfterTheHoliday_IsAllowed(string from, string until, string deadline) =>
        Check(Tender(from, until, deadline)).Violations.ShouldBeEmpty();

    [Fact]
    public void Check_TenderBreakingBothTimings_ReturnsEveryViolation()
    {
        var result = Check(Tender("2026-03-02 09:00", "2026-03-04 17:00", "2026-03-16 09:30"));

        result.Violations.Select(v => v.RuleKey).ShouldBe(["tender.documents-sale.min-days", "tender.documents-to-deadline.min-days"]);
        var ex = Should.Throw<InputValidationException>(result.ThrowIfNotPublishable);
        ex.Errors.Keys.ShouldBe([nameof(ProcedureSchedule.DocumentsUntil), nameof(ProcedureSchedule.Deadline)], ignoreOrder: true);
        ex.Errors[nameof(ProcedureSchedule.Deadline)].ShouldHaveSingleItem().ShouldContain("第二十四条");
    }

    [Theory]
    // Prequalification: applications at least 5 days after the sale ends (实施条例 第十七条); 20 days do not apply.
    [InlineData("2026-03-09 17:00", "2026-03-13 09:00", "2026-03-16")] // 03-14 is Saturday → Monday 03-16
    [InlineData("2026-02-10 17:00", "2026-02-14 09:00", "2026-02-24")] // 02-15 in 春节 → 02-24
    public void Check_TenderPrequalificationApplicationsTooSoon_IsRefused(string until, string deadline, string earliest)
    {
        var schedule = Tender("2026-02-02 09:00", until, deadline, prequalification: true);

        var violation = Check(schedule).Violations.ShouldHaveSingleItem();

        violation.RuleKey.ShouldBe("tender.prequalification-application.min-days");
        violation.EarliestAllowed.ShouldBe(Day(earliest));
        violation.Message.ShouldContain("提交资格预审申请文件截止日期最早为 " + earliest);
        violation.Message.ShouldContain("实施条例》第十七条");
        Check(schedule with { Deadline = China(earliest + " 09:00") }).Violations.ShouldBeEmpty();
    }

    [Theory]
    // 5 working days from Wednesday 02-11: 02-12, 02-13, Saturday 02-14 (调休上班), then 春节 to 02-23, 02-24, 02-25.
    [InlineData("2026-02-11 09:00", "2026-02-24 17:00", "2026-02-25")]
    // From Monday 09-28: 09-29, 09-30, 国庆节, 10-08, 10-09 and Saturday 10-10 (调休上班).
    [InlineData("2026-09-28 09:00", "2026-10-09 17:00", "2026-10-10")]
    // From Monday 03-02 an ordinary week: Tuesday to Friday and the next Monday.
    [InlineData("2026-03-02 09:00", "2026-03-06 17:00", "2026-03-09")]
    public void Check_ProcurementProvisionShorterThanFiveWorkingDays_IsRefused(string from, string until, string earliest)
    {
        var violations = Check(Procurement(from, until, "2026-11-30 09:30")).Violations;

        // The notice here ends when provision ends, so the 5-working-day notice period is broken on the same day.
        violations.Select(v => v.RuleKey).ShouldBe(
            ["procurement.notice-period.min-working-days", "procurement.documents-provision.min-working-days"], ignoreOrder: true);
        violations.ShouldAllBe(v => v.EarliestAllowed == Day(earliest));
        var provision = violations.Single(v => v.RuleKey == "procurement.documents-provision.min-working-days");
        provision.Message.ShouldContain("不足 5 个工作日");
        provision.Message.ShouldContain("只计工作日");
        provision.Citation.ShouldBe("《政府采购货物和服务招标投标管理办法》（财政部令第87号）第十八条");
        violations.Single(v => v.RuleKey == "procurement.notice-period.min-working-days").Citation.ShouldEndWith("第十六条");

        Check(Procurement(from, earliest + " 17:00", "2026-11-30 09:30")).Violations.ShouldBeEmpty();
    }

    [Fact]
    public void Check_ProcurementDeadlineWithinTwentyDays_CitesTheProcurementLaw()
    {
        // 20 days from 09-28 end on Sunday 10-18: the earliest deadline is Monday 10-19.
        var violation = Check(Procurement("2026-09-28 09:00", "2026-10-10 17:00", "2026-10-16 09:30")).Violations.ShouldHaveSingleItem();

        violation.RuleKey.ShouldBe("procurement.documents-to-deadline.min-days");
        violation.EarliestAllowed.ShouldBe(Day("2026-10-19"));
        violation.Citation.ShouldBe("《中华人民共和国政府采购法》第三十五条");
        Check(Procurement("2026-09-28 09:00", "2026-10-10 17:00", "2026-10-19 09:30")).Violations.ShouldBeEmpty();
    }

    [Fact]
    public void Check_ProcurementPrequalification_CountsApplicationsInWorkingDaysFromTheNotice()
    {
        // Notice on Monday 02-09: 02-10, 02-11, 02-12, 02-13 and Saturday 02-14 (调休上班) are the 5 working days.
        var tooSoon = Procurement("2026-02-09 09:00", "2026-02-12 17:00", "2026-02-13 09:00", prequalification: true, noticeEnds: "2026-02-14 17:00");

        var violation = Check(tooSoon).Violations.ShouldHaveSingleItem();

        violation.RuleKey.ShouldBe("procurement.prequalification-application.min-working-days");
        violation.EarliestAllowed.ShouldBe(Day("2026-02-14"));
        violation.Citation.ShouldBe("《中华人民共和国政府采购法实施条例》第二十一条");
        Check(tooSoon with { Deadline = China("2026-02-14 09:00") }).Violations.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(false, 2, "tender.invitation.min-invitees", "《中华人民共和国招标投标法》第十七条")]
    [InlineData(true, 2, "procurement.invitation.min-invitees", "《中华人民共和国政府采购法》第三十四条；《政府采购货物和服务招标投标管理办法》（财政部令第87号）第十四条")]
    public void Check_InvitedTenderWithTooFewInvitees_IsRefused(bool procurement, int invitees, string key, string citation)
    {
        var schedule = Invited(procurement ? Regime.Procurement : Regime.Tender, invitees);

        var violation = Check(schedule).Violations.ShouldHaveSingleItem();

        violation.RuleKey.ShouldBe(key);
        violation.Field.ShouldBe(nameof(ProcedureSchedule.InviteeCount));
        violation.Message.ShouldContain("不少于 3 个特定对象发出投标邀请书，现只有 2 个");
        violation.Citation.ShouldBe(citation);
        Check(schedule with { InviteeCount = 3 }).Violations.ShouldBeEmpty();
    }

    [Fact]
    public void Check_ProcurementInvitationWithoutARecordedDraw_IsRefused()
    {
        var violation = Check(Invited(Regime.Procurement, 5) with { InviteesDrawnWithRecord = false }).Violations.ShouldHaveSingleItem();

        violation.RuleKey.ShouldBe("procurement.invitation.min-invitees");
        violation.Field.ShouldBe(nameof(ProcedureSchedule.InviteesDrawnWithRecord));
        violation.Message.ShouldContain("随机抽取");
        violation.Message.ShouldContain("书面记录");
    }

    [Fact]
    public void Check_RegionalOverrideThatTightens_ChangesTheResultAndCitesTheLocalRule()
    {
        const string Basis = "《安和市公共资源交易管理办法》第十二条";
        var national = StatutoryRules.TenderDocumentsToDeadline;
        var local = National.With(new EffectiveRule(national, 25, Basis, new RuleOverride
        {
            RuleKey = national.Key,
            RegionCode = "990100",
            Value = 25,
            Basis = Basis,
            CreatedBy = "regulator",
        }));

        Check(ValidTender()).Violations.ShouldBeEmpty();
        var violation = Check(ValidTender(), local).Violations.ShouldHaveSingleItem();

        // 25 days from Monday 03-02 end on Friday 03-27.
        violation.RuleKey.ShouldBe(national.Key);
        violation.EarliestAllowed.ShouldBe(Day("2026-03-27"));
        violation.Message.ShouldContain("不足 25 日");
        violation.Citation.ShouldBe(Basis);
        violation.Message.ShouldEndWith($"（依据：{Basis}）。");
    }

    [Fact]
    public void Check_DatesOutOfOrder_AreReportedWithoutTimingChecks()
    {
        var schedule = ValidTender() with
        {
            DocumentsFrom = China("2026-03-01 09:00"),
            DocumentsUntil = China("2026-02-28 09:00"),
            Deadline = China("2026-02-27 09:00"),
        };

        var result = Check(schedule);

        result.Violations.Select(v => v.Field).ShouldBe(
            [nameof(ProcedureSchedule.DocumentsFrom), nameof(ProcedureSchedule.DocumentsUntil), nameof(ProcedureSchedule.Deadline)]);
        result.Violations.ShouldAllBe(v => v.RuleKey == null);
    }

    [Fact]
    public void Check_ProcurementWithoutNoticePeriod_AsksForIt()
    {
        var schedule = Procurement("2026-03-02 09:00", "2026-03-09 17:00", "2026-03-23 09:30") with { AnnouncementEndsAt = null };

        Check(schedule).Violations.ShouldHaveSingleItem().Field.ShouldBe(nameof(ProcedureSchedule.AnnouncementEndsAt));
    }

    [Fact]
    public void Check_YearNotInTheCalendar_IsProvisional()
    {
        var result = Check(Tender("2027-03-01 09:00", "2027-03-08 17:00", "2027-03-22 09:30"));

        result.IsPublishable.ShouldBeTrue();
        result.Provisional.ShouldBeTrue();
        result.UnknownYears.ShouldBe([2027]);
    }

    private static ProcedureSchedule Invited(Regime regime, int invitees) => new(
        regime, ProcurementMethod.InvitedTender, false, China("2026-03-02 09:00"), null,
        China("2026-03-02 09:00"), China("2026-03-09 17:00"), China("2026-03-23 09:30"), invitees, InviteesDrawnWithRecord: true);
}
