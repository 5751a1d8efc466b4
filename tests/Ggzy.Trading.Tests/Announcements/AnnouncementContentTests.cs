using Ggzy.Platform.Errors;
using Ggzy.Trading.Contracts;
using Ggzy.Trading.Domain.Announcements;
using Ggzy.Trading.Domain.Schedule;

namespace Ggzy.Trading.Tests.Announcements;

public sealed class AnnouncementContentTests
{
    private static Announcement Empty(AnnouncementKind kind) => new()
    {
        Id = Guid.NewGuid(),
        Kind = kind,
        Title = "",
        ProjectName = "p",
        ProjectTradeCode = "E99010020260000001X",
        RegionCode = "990100",
        Sector = "工程建设",
        TendererName = "t",
        CreatedBy = "agency",
    };

    [Fact]
    public void EmptyTenderNotice_NamesEveryRequiredItem_Citing10号令()
    {
        var errors = AnnouncementContent.Check(Empty(AnnouncementKind.TenderNotice), Regime.Tender);

        errors.Keys.ShouldBe(
            ["Title", "Scope", "Scale", "Funding", "Qualifications", "DocumentsMethod", "SubmissionMethod", "PlatformAddress", "Contacts", "Lots"],
            ignoreOrder: true);
        errors["PlatformAddress"].Single().ShouldContain("网址");
        errors["Scope"].Single().ShouldContain("第10号）第五条");
    }

    [Fact]
    public void EmptyProcurementNotice_Cites87号令第十三条()
    {
        var errors = AnnouncementContent.Check(Empty(AnnouncementKind.ProcurementNotice), Regime.Procurement);

        errors["Qualifications"].Single().ShouldContain("财政部令第87号）第十三条");
    }

    [Fact]
    public void Amendment_NeedsWhatChangesAndWhy_NotTheNoticeContent()
    {
        var amendment = Empty(AnnouncementKind.Amendment);
        amendment.Title = "更正公告";

        var errors = AnnouncementContent.Check(amendment, Regime.Tender);

        errors.Keys.ShouldBe(["Changes", "ChangeReason"], ignoreOrder: true);
        errors["Changes"].Single().ShouldContain("第二十一条");
    }

    [Fact]
    public void PublishedAnnouncement_IsNeverEditable_CitingTheRule()
    {
        var a = Empty(AnnouncementKind.TenderNotice);
        a.MarkPublished(DateTimeOffset.UnixEpoch, "agency");

        var refusal = Should.Throw<BusinessRuleException>(a.EnsureEditable);

        refusal.Message.ShouldContain("更正公告");
        refusal.Citation!.ShouldContain("《招标投标法实施条例》第二十一条");
        Should.Throw<BusinessRuleException>(() => a.Schedule(DateTimeOffset.UnixEpoch.AddDays(1)));
        Should.Throw<BusinessRuleException>(() => a.MarkPublished(DateTimeOffset.UnixEpoch, "agency"));
    }

    [Fact]
    public void ScheduledAnnouncement_IsLocked_UntilUnscheduledBeforeItsTime()
    {
        var a = Empty(AnnouncementKind.TenderNotice);
        var at = DateTimeOffset.UnixEpoch.AddDays(2);
        a.Schedule(at);

        Should.Throw<BusinessRuleException>(a.EnsureEditable);
        Should.Throw<BusinessRuleException>(() => a.Unschedule(at));
        a.Unschedule(at.AddMinutes(-1));
        a.Status.ShouldBe(AnnouncementStatus.Draft);
        a.EnsureEditable();
    }
}
