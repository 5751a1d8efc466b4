using Ggzy.Platform.Errors;
using Ggzy.Trading.Contracts;

namespace Ggzy.Trading.Domain.Announcements;

/// <summary>
/// A notice of a project's procedure (招标公告, 采购公告, 资格预审公告), an invitation to named invitees (投标邀请书)
/// or an amendment (更正公告) of a published one. A draft may change; once scheduled or published it never changes
/// again (实施条例 第二十一条, 10号令): a change is a new amendment that links to the original and says what changes
/// and why. Published notices (not invitations) are shown on the public portal.
/// </summary>
internal sealed class Announcement
{
    public Guid Id { get; init; }

    public Guid ProjectId { get; init; }

    public AnnouncementKind Kind { get; init; }

    public AnnouncementStatus Status { get; private set; } = AnnouncementStatus.Draft;

    public required string Title { get; set; }

    /// <summary>Copied from the project so the portal filters without reading the registration.</summary>
    public required string ProjectName { get; init; }

    public required string ProjectTradeCode { get; init; }

    public required string RegionCode { get; init; }

    public required string Sector { get; init; }

    public required string TendererName { get; init; }

    public string? AgencyName { get; init; }

    /// <summary>招标范围 / 采购需求: what is bought.</summary>
    public string? Scope { get; set; }

    /// <summary>项目规模 (建设规模、数量).</summary>
    public string? Scale { get; set; }

    /// <summary>资金来源及落实情况.</summary>
    public string? Funding { get; set; }

    /// <summary>投标人（供应商）资格要求.</summary>
    public string? Qualifications { get; set; }

    /// <summary>是否接受联合体投标.</summary>
    public bool ConsortiumAccepted { get; set; }

    /// <summary>获取招标文件（资格预审文件）的方式（the times are the lots' dates）.</summary>
    public string? DocumentsMethod { get; set; }

    /// <summary>投标文件（申请文件）递交方式.</summary>
    public string? SubmissionMethod { get; set; }

    /// <summary>电子招标投标交易平台的网址和访问方法.</summary>
    public string? PlatformAddress { get; set; }

    /// <summary>招标人（采购人）及代理机构的联系人和联系方式.</summary>
    public string? Contacts { get; set; }

    /// <summary>An amendment: the announcement it corrects.</summary>
    public Guid? AmendsId { get; init; }

    /// <summary>An amendment: what changes (更正内容).</summary>
    public string? Changes { get; set; }

    /// <summary>An amendment: why (更正理由).</summary>
    public string? ChangeReason { get; set; }

    /// <summary>The instant the notice is published at; null publishes it when asked.</summary>
    public DateTimeOffset? PublishAt { get; set; }

    public DateTimeOffset? PublishedAt { get; private set; }

    public string? PublishedBy { get; private set; }

    public DateTimeOffset CreatedAt { get; init; }

    public required string CreatedBy { get; init; }

    /// <summary>Increases with every change; a concurrency token (the clock and a person may race to publish).</summary>
    public int Revision { get; private set; }

    public List<AnnouncementLot> Lots { get; init; } = [];

    public List<AnnouncementInvitee> Invitees { get; init; } = [];

    public List<AnnouncementAttachment> Attachments { get; init; } = [];

    public bool IsAmendment => Kind == AnnouncementKind.Amendment;

    public bool IsPublic => Kind != AnnouncementKind.Invitation;

    /// <summary>Refuses any change once the announcement left the draft state.</summary>
    public void EnsureEditable()
    {
        if (Status != AnnouncementStatus.Draft)
        {
            throw new BusinessRuleException(Status == AnnouncementStatus.Published
                    ? "公告已发布，原公告不得修改；如需变更，请发布更正公告，写明更正内容和理由。"
                    : "公告已定时发布，内容已锁定，不得修改；请先撤回定时发布，再修改。",
                AnnouncementErrors.Immutable);
        }
    }

    public void Touch() => Revision++;

    /// <summary>Locks the draft for publication at <see cref="PublishAt"/>.</summary>
    public void Schedule(DateTimeOffset at)
    {
        EnsureEditable();
        PublishAt = at;
        Status = AnnouncementStatus.Scheduled;
        Revision++;
    }

    /// <summary>Takes a scheduled announcement back to the draft state before its time.</summary>
    public void Unschedule(DateTimeOffset now)
    {
        if (Status != AnnouncementStatus.Scheduled || PublishAt <= now)
        {
            throw new BusinessRuleException("只有尚未到发布时间的定时公告可以撤回。");
        }

        Status = AnnouncementStatus.Draft;
        Revision++;
    }

    public void MarkPublished(DateTimeOffset at, string actor)
    {
        if (Status == AnnouncementStatus.Published)
        {
            throw new BusinessRuleException("公告已发布，不能重复发布。", AnnouncementErrors.Immutable);
        }

        Status = AnnouncementStatus.Published;
        PublishedAt = at;
        PublishedBy = actor;
        Revision++;
    }
}

/// <summary>A lot an announcement covers, with the dates it announces (a copy of the lot's schedule at publication).</summary>
internal sealed class AnnouncementLot
{
    public long Id { get; init; }

    public Guid AnnouncementId { get; init; }

    public Guid LotId { get; init; }

    public int LotNumber { get; init; }

    public required string LotName { get; init; }

    public required string LotTradeCode { get; init; }

    public decimal EstimatedAmount { get; init; }

    public DateTimeOffset? AnnouncementEndsAt { get; set; }

    public DateTimeOffset DocumentsFrom { get; set; }

    public DateTimeOffset DocumentsUntil { get; set; }

    public DateTimeOffset Deadline { get; set; }
}

/// <summary>An invitee of a 投标邀请书: a registered market entity.</summary>
internal sealed class AnnouncementInvitee
{
    public long Id { get; init; }

    public Guid AnnouncementId { get; init; }

    public required string CreditCode { get; init; }

    public required string Name { get; init; }

    public Guid OrganizationId { get; init; }
}

/// <summary>A file published with an announcement; downloadable by the public once the announcement is.</summary>
internal sealed class AnnouncementAttachment
{
    public Guid Id { get; init; }

    public Guid AnnouncementId { get; init; }

    public required string FileName { get; init; }

    public required string ContentType { get; init; }

    public long Size { get; init; }

    public required string Digest { get; init; }

    public DateTimeOffset UploadedAt { get; init; }

    public required string UploadedBy { get; init; }
}

/// <summary>
/// The written record of a procurement invited tender's random draw (采购法 第三十四条; 87号令 第十四条): the qualified
/// candidates the purchaser entered, how many were drawn, the result, when and by whom.
/// </summary>
internal sealed class InviteeDraw
{
    public Guid Id { get; init; }

    public Guid AnnouncementId { get; init; }

    /// <summary>The candidates' credit codes and names, one "code name" a line.</summary>
    public required string Candidates { get; init; }

    public int Count { get; init; }

    /// <summary>The drawn invitees, one "code name" a line.</summary>
    public required string Drawn { get; init; }

    /// <summary>The witnesses (at least two of the purchaser's staff).</summary>
    public required string Witnesses { get; init; }

    public DateTimeOffset At { get; init; }

    public required string By { get; init; }
}
