using Ggzy.Platform.Errors;
using Ggzy.Trading.Domain.Schedule;
using static Ggzy.Trading.Tests.Schedule.Schedules;

namespace Ggzy.Trading.Tests.Schedule;

public sealed class LotProcedureTests
{
    private static readonly ScheduleValidator Validator = new(National);

    [Fact]
    public void Procedure_FollowingTheSchedule_GoesFromDraftToDeadlinePassed()
    {
        var lot = LotProcedure.Draft(ValidTender());

        lot.Publish(Validator, China("2026-03-02 08:00"));
        lot.OpenDocumentSale(China("2026-03-02 09:00"));
        lot.CloseDocumentSale(China("2026-03-09 17:00"));
        lot.PassDeadline(China("2026-03-23 09:30"));

        lot.State.ShouldBe(LotState.DeadlinePassed);
        lot.History.Select(t => (t.From, t.To)).ShouldBe([
            (LotState.Draft, LotState.Announced),
            (LotState.Announced, LotState.DocumentsOnSale),
            (LotState.DocumentsOnSale, LotState.BiddingOpen),
            (LotState.BiddingOpen, LotState.DeadlinePassed),
        ]);
        lot.Allowed().ShouldBe([LotTrigger.Pause, LotTrigger.Fail, LotTrigger.Terminate, LotTrigger.StartEvaluation]);
    }

    [Fact]
    public void Procedure_AfterTheOpening_GoesThroughEvaluationPublicityAwardAndContractToTheArchive()
    {
        var lot = Opened();

        lot.StartEvaluation(China("2026-03-23 14:00"));
        lot.SubmitReport(China("2026-03-24 17:00"));
        lot.StartPublicity(China("2026-03-25 09:00"));
        lot.Award(China("2026-03-30 09:00"));
        lot.SignContract(China("2026-04-10 10:00"));
        lot.Archive(China("2026-04-20 10:00"));

        lot.State.ShouldBe(LotState.Archived);
        lot.IsFinal.ShouldBeTrue();
        lot.Allowed().ShouldBeEmpty();
        lot.History.Skip(4).Select(t => t.Trigger).ShouldBe([
            LotTrigger.StartEvaluation, LotTrigger.SubmitReport, LotTrigger.StartPublicity, LotTrigger.Award,
            LotTrigger.SignContract, LotTrigger.Archive,
        ]);
        Should.Throw<BusinessRuleException>(() => lot.Terminate("终止", China("2026-04-21 10:00")))
            .Message.ShouldBe("标段处于“已归档”状态，不能终止招标。该标段的程序已结束，不能再进行任何操作。");
    }

    [Fact]
    public void Procedure_OutOfOrderAfterTheOpening_IsRefusedNamingWhatIsAllowed()
    {
        var lot = Opened();

        Should.Throw<BusinessRuleException>(() => lot.SubmitReport(China("2026-03-23 14:00")))
            .Message.ShouldBe("标段处于“投标已截止”状态，不能提交评标报告。当前可以：暂停、宣布招标失败、终止招标、开始评标。");
        lot.StartEvaluation(China("2026-03-23 14:00"));
        Should.Throw<BusinessRuleException>(() => lot.Award(China("2026-03-23 15:00"))).Message.ShouldContain("不能定标并发出中标通知书");
        lot.State.ShouldBe(LotState.Evaluating);
    }

    [Fact]
    public void Procedure_FailedOrTerminatedAfterTheOpening_CanOnlyBeArchived()
    {
        var failed = Opened();
        failed.StartEvaluation(China("2026-03-23 14:00"));
        failed.Fail("评标委员会否决全部投标", China("2026-03-23 16:00"));
        failed.Allowed().ShouldBe([LotTrigger.Archive]);

        var terminated = Opened();
        terminated.StartEvaluation(China("2026-03-23 14:00"));
        terminated.SubmitReport(China("2026-03-24 17:00"));
        terminated.Terminate("项目取消", China("2026-03-25 09:00"));
        terminated.Archive(China("2026-03-26 09:00"));
        terminated.State.ShouldBe(LotState.Archived);
    }

    [Fact]
    public void Pause_DuringThePublicity_ResumesThePublicity()
    {
        var lot = Opened();
        lot.StartEvaluation(China("2026-03-23 14:00"));
        lot.SubmitReport(China("2026-03-24 17:00"));
        lot.StartPublicity(China("2026-03-25 09:00"));

        lot.Pause("对评标结果的异议待答复", China("2026-03-26 09:00"));
        Should.Throw<BusinessRuleException>(() => lot.Award(China("2026-03-27 09:00")));
        lot.Resume("异议已答复", China("2026-03-27 10:00"));

        lot.State.ShouldBe(LotState.Publicity);
    }

    [Fact]
    public void Publish_ScheduleBreakingARule_IsRefusedCitingItAndStaysDraft()
    {
        var lot = LotProcedure.Draft(Tender("2026-03-02 09:00", "2026-03-09 17:00", "2026-03-20 09:30"));

        var ex = Should.Throw<InputValidationException>(() => lot.Publish(Validator, China("2026-03-02 08:00")));

        ex.Errors[nameof(ProcedureSchedule.Deadline)].ShouldHaveSingleItem().ShouldContain("《中华人民共和国招标投标法》第二十四条");
        lot.State.ShouldBe(LotState.Draft);
        lot.History.ShouldBeEmpty();
    }

    [Fact]
    public void Pause_ForAnObjection_ResumesInTheStatePausedFrom()
    {
        var lot = OnSale();
        var objection = new ObjectionWindow(National).Assess(lot.Schedule, China("2026-03-05 10:00"));

        lot.Pause(objection.Message, China("2026-03-05 10:00"));

        lot.State.ShouldBe(LotState.Paused);
        lot.PausedFrom.ShouldBe(LotState.DocumentsOnSale);
        Should.Throw<BusinessRuleException>(() => lot.CloseDocumentSale(China("2026-03-09 17:00")))
            .Message.ShouldBe("标段处于“已暂停”状态，不能结束文件发售。当前可以：恢复、终止招标。");
        Should.Throw<BusinessRuleException>(() => lot.Pause("再次暂停", China("2026-03-06 10:00"))).Message.ShouldContain("不能重复暂停");

        lot.Resume("招标人已于 2026-03-06 答复异议", China("2026-03-06 10:00"));

        lot.State.ShouldBe(LotState.DocumentsOnSale);
        lot.PausedFrom.ShouldBeNull();
        lot.History[^2].Reason.ShouldBe(objection.Message);
        lot.History[^1].Trigger.ShouldBe(LotTrigger.Resume);
    }

    [Theory]
    [InlineData("Draft", "OpenDocumentSale", "标段处于“草稿”状态，不能开始发售文件。当前可以：发布公告。")]
    [InlineData("Announced", "PassDeadline", "标段处于“已发布公告”状态，不能截止投标。当前可以：开始发售文件、暂停、终止招标。")]
    [InlineData("BiddingOpen", "Fail", "标段处于“投标中”状态，不能宣布招标失败。当前可以：截止投标、暂停、终止招标。")]
    [InlineData("DocumentsOnSale", "Resume", "标段处于“文件发售中”状态，不能恢复。当前可以：结束文件发售、暂停、终止招标。")]
    [InlineData("Terminated", "Pause", "标段处于“已终止”状态，不能暂停。该标段的程序已结束，不能再进行任何操作。")]
    [InlineData("Failed", "Terminate", "标段处于“招标失败”状态，不能终止招标。该标段的程序已结束，不能再进行任何操作。")]
    [InlineData("Draft", "Terminate", "标段处于“草稿”状态，不能终止招标。当前可以：发布公告。")]
    public void Trigger_NotAllowedInTheState_IsRefusedInChinese(string stateName, string triggerName, string message)
    {
        var state = Enum.Parse<LotState>(stateName);
        var trigger = Enum.Parse<LotTrigger>(triggerName);
        var lot = LotProcedure.Restore(state, null, ValidTender());
        var at = China("2026-12-01 09:00");

        Action act = trigger switch
        {
            LotTrigger.OpenDocumentSale => () => lot.OpenDocumentSale(at),
            LotTrigger.PassDeadline => () => lot.PassDeadline(at),
            LotTrigger.Fail => () => lot.Fail("投标人不足 3 个", at),
            LotTrigger.Resume => () => lot.Resume("已答复", at),
            LotTrigger.Pause => () => lot.Pause("异议", at),
            LotTrigger.Terminate => () => lot.Terminate("项目取消", at),
            _ => throw new ArgumentOutOfRangeException(nameof(triggerName)),
        };

        Should.Throw<BusinessRuleException>(act).Message.ShouldBe(message);
        lot.State.ShouldBe(state);
        lot.History.ShouldBeEmpty();
    }

    [Fact]
    public void Triggers_BeforeTheirScheduledTime_AreRefused()
    {
        var lot = LotProcedure.Draft(ValidTender());
        lot.Publish(Validator, China("2026-03-01 08:00"));

        Should.Throw<BusinessRuleException>(() => lot.OpenDocumentSale(China("2026-03-02 08:59")))
            .Message.ShouldBe("按公告的时间安排，招标文件的发售时间为 2026-03-02 09:00:00，现在（2026-03-02 08:59:00）还不能进行。");
        lot.OpenDocumentSale(China("2026-03-02 09:00"));
        lot.CloseDocumentSale(China("2026-03-09 17:00"));
        Should.Throw<BusinessRuleException>(() => lot.PassDeadline(China("2026-03-23 09:29"))).Message.ShouldContain("投标截止时间");
        lot.State.ShouldBe(LotState.BiddingOpen);
    }

    [Fact]
    public void Fail_AfterTheDeadline_EndsTheProcedure()
    {
        var lot = LotProcedure.Restore(LotState.DeadlinePassed, null, ValidTender());

        lot.Fail("投标人少于 3 个，不得开标（《中华人民共和国招标投标法》第二十八条）", China("2026-03-23 09:31"));

        lot.State.ShouldBe(LotState.Failed);
        lot.IsFinal.ShouldBeTrue();
        lot.Allowed().ShouldBe([LotTrigger.Archive]);
    }

    [Fact]
    public void Terminate_WhilePaused_ForgetsThePause()
    {
        var lot = LotProcedure.Restore(LotState.Paused, LotState.BiddingOpen, ValidTender());

        lot.Terminate("项目取消", China("2026-03-12 09:00"));

        lot.State.ShouldBe(LotState.Terminated);
        lot.PausedFrom.ShouldBeNull();
    }

    [Fact]
    public void MoveDeadline_AfterALateClarification_AcceptsOnlyTheEarliestOrLater()
    {
        var lot = OnSale();
        var adjustment = new DeadlineAdjuster(National).Assess(lot.Schedule, China("2026-03-10 10:00"));

        var ex = Should.Throw<BusinessRuleException>(() => lot.MoveDeadline(adjustment, China("2026-03-24 09:30")));
        ex.Message.ShouldStartWith("新的投标截止时间 2026-03-24 09:30:00 早于允许的最早时间 2026-03-25 09:30:00。");
        ex.Citation.ShouldBe(adjustment.Citation);

        lot.MoveDeadline(adjustment, China("2026-03-25 09:30"));
        lot.Schedule.Deadline.ShouldBe(China("2026-03-25 09:30"));
    }

    [Fact]
    public void Reschedule_AfterPublishing_IsRefused()
    {
        var lot = LotProcedure.Draft(ValidTender());
        lot.Reschedule(Tender("2026-03-03 09:00", "2026-03-10 17:00", "2026-03-24 09:30"));
        lot.Publish(Validator, China("2026-03-03 08:00"));

        Should.Throw<BusinessRuleException>(() => lot.Reschedule(ValidTender())).Message.ShouldContain("请发布澄清或者修改公告");
    }

    [Fact]
    public void Restore_PausedWithoutTheStatePausedFrom_IsNotAState() =>
        Should.Throw<ArgumentException>(() => LotProcedure.Restore(LotState.Paused, null, ValidTender()));

    private static LotProcedure OnSale()
    {
        var lot = LotProcedure.Draft(ValidTender());
        lot.Publish(Validator, China("2026-03-02 08:00"));
        lot.OpenDocumentSale(China("2026-03-02 09:00"));
        return lot;
    }

    private static LotProcedure Opened()
    {
        var lot = OnSale();
        lot.CloseDocumentSale(China("2026-03-09 17:00"));
        lot.PassDeadline(China("2026-03-23 09:30"));
        return lot;
    }
}
