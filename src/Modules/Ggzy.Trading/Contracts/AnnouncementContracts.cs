using System.Security.Claims;

namespace Ggzy.Trading.Contracts;

/// <summary>What an announcement is.</summary>
public enum AnnouncementKind
{
    /// <summary>招标公告 (工程建设).</summary>
    TenderNotice = 1,

    /// <summary>采购公告 (政府采购公开招标).</summary>
    ProcurementNotice = 2,

    /// <summary>资格预审公告.</summary>
    PrequalificationNotice = 3,

    /// <summary>投标邀请书 (邀请招标): sent to the invitees, not published on the portal.</summary>
    Invitation = 4,

    /// <summary>更正公告.</summary>
    Amendment = 5,

    /// <summary>终止公告: published by the platform when the tenderer terminates a lot (实施条例 第三十一条; 87号令 第二十九条).</summary>
    Termination = 6,
}

/// <summary>Where an announcement stands.</summary>
public enum AnnouncementStatus
{
    /// <summary>草稿: may change.</summary>
    Draft = 1,

    /// <summary>定时发布: locked, published by the procedure clock at its time.</summary>
    Scheduled = 2,

    /// <summary>已发布: never changes again.</summary>
    Published = 3,
}

/// <summary>Chinese names of the announcement kinds and states.</summary>
public static class AnnouncementNames
{
    public static string Label(this AnnouncementKind kind) => kind switch
    {
        AnnouncementKind.TenderNotice => "招标公告",
        AnnouncementKind.ProcurementNotice => "采购公告",
        AnnouncementKind.PrequalificationNotice => "资格预审公告",
        AnnouncementKind.Invitation => "投标邀请书",
        AnnouncementKind.Amendment => "更正公告",
        AnnouncementKind.Termination => "终止公告",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static string Label(this AnnouncementStatus status) => status switch
    {
        AnnouncementStatus.Draft => "草稿",
        AnnouncementStatus.Scheduled => "定时发布",
        AnnouncementStatus.Published => "已发布",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    /// <summary>The kinds a composer offers (an amendment is made from a published announcement).</summary>
    public static readonly IReadOnlyList<AnnouncementKind> Composable =
        [AnnouncementKind.TenderNotice, AnnouncementKind.ProcurementNotice, AnnouncementKind.PrequalificationNotice, AnnouncementKind.Invitation];

    /// <summary>The kinds the public portal shows.</summary>
    public static readonly IReadOnlyList<AnnouncementKind> Public =
        [AnnouncementKind.TenderNotice, AnnouncementKind.ProcurementNotice, AnnouncementKind.PrequalificationNotice, AnnouncementKind.Amendment,
            AnnouncementKind.Termination];
}

/// <summary>An announcement as composed. Times are 北京时间 (UTC+8) without an offset.</summary>
public sealed class ComposeAnnouncementInput
{
    public Guid ProjectId { get; set; }

    public AnnouncementKind Kind { get; set; }

    public string? Title { get; set; }

    public string? Scope { get; set; }

    public string? Scale { get; set; }

    public string? Funding { get; set; }

    public string? Qualifications { get; set; }

    public bool ConsortiumAccepted { get; set; }

    public string? DocumentsMethod { get; set; }

    public string? SubmissionMethod { get; set; }

    public string? PlatformAddress { get; set; }

    public string? Contacts { get; set; }

    /// <summary>定时发布时间（北京时间）；empty publishes when 发布 is pressed.</summary>
    public DateTime? PublishAt { get; set; }

    public List<AnnouncementLotInput> Lots { get; set; } = [];

    /// <summary>投标邀请书: the invitees' 统一社会信用代码, one a line or separated by commas.</summary>
    public string? Invitees { get; set; }
}

/// <summary>One lot of a composed announcement and its dates (北京时间).</summary>
public sealed class AnnouncementLotInput
{
    public Guid LotId { get; set; }

    public bool Include { get; set; }

    /// <summary>公告期限截止时间 (政府采购).</summary>
    public DateTime? AnnouncementEndsAt { get; set; }

    public DateTime? DocumentsFrom { get; set; }

    public DateTime? DocumentsUntil { get; set; }

    public DateTime? Deadline { get; set; }
}

/// <summary>An amendment (更正公告) of a published announcement.</summary>
public sealed class AmendAnnouncementInput
{
    public string? Title { get; set; }

    public string? Changes { get; set; }

    public string? ChangeReason { get; set; }

    public DateTime? PublishAt { get; set; }
}

/// <summary>The random draw of a procurement invited tender's invitees.</summary>
public sealed class DrawInviteesInput
{
    /// <summary>The qualified candidates' 统一社会信用代码, one a line or separated by commas.</summary>
    public string? Candidates { get; set; }

    public int Count { get; set; } = 3;

    /// <summary>The purchaser's staff who witness the draw (at least two), separated by commas.</summary>
    public string? Witnesses { get; set; }
}

/// <summary>A lot as an announcement shows it.</summary>
public sealed record AnnouncementLotView(
    Guid LotId, int Number, string Name, string TradeCode, decimal EstimatedAmount, string Method, bool Prequalification,
    DateTimeOffset? AnnouncementEndsAt, DateTimeOffset DocumentsFrom, DateTimeOffset DocumentsUntil, DateTimeOffset Deadline);

/// <summary>A link to another announcement (the original of an amendment, or an amendment of the original).</summary>
public sealed record AnnouncementLink(Guid Id, string Title, DateTimeOffset? PublishedAt);

/// <summary>A file published with an announcement.</summary>
public sealed record AnnouncementAttachmentView(Guid Id, string FileName, string ContentType, long Size, string Digest);

/// <summary>An invitee of a 投标邀请书.</summary>
public sealed record InviteeView(string CreditCode, string Name);

/// <summary>The written record of a random draw of invitees.</summary>
public sealed record InviteeDrawView(IReadOnlyList<string> Candidates, int Count, IReadOnlyList<string> Drawn, string Witnesses, DateTimeOffset At, string By);

/// <summary>An announcement with everything the public (or, for a draft, its composer) sees.</summary>
public sealed record AnnouncementView(
    Guid Id, Guid ProjectId, AnnouncementKind Kind, AnnouncementStatus Status, string Title, string ProjectName,
    string ProjectTradeCode, string RegionCode, string Sector, string TendererName, string? AgencyName,
    string? Scope, string? Scale, string? Funding, string? Qualifications, bool ConsortiumAccepted, string? DocumentsMethod,
    string? SubmissionMethod, string? PlatformAddress, string? Contacts, string? Changes, string? ChangeReason,
    DateTimeOffset? PublishAt, DateTimeOffset? PublishedAt, string CreatedBy,
    AnnouncementLink? Amends, IReadOnlyList<AnnouncementLink> Amendments, IReadOnlyList<AnnouncementLotView> Lots,
    IReadOnlyList<AnnouncementAttachmentView> Attachments, IReadOnlyList<InviteeView> Invitees, InviteeDrawView? Draw);

/// <summary>One thing that stops publication: the lot (or null for the content), the field, the message and the rule.</summary>
public sealed record PublicationProblem(string? Lot, string Field, string Message, string? Citation);

/// <summary>An announcement as its composer previews it, with everything that would stop its publication.</summary>
public sealed record AnnouncementPreview(AnnouncementView Announcement, IReadOnlyList<PublicationProblem> Problems, bool CanAct)
{
    public bool Publishable => Problems.Count == 0;
}

/// <summary>A draft lot the composer may cover.</summary>
public sealed record ComposableLot(Guid Id, int Number, string Name, string TradeCode, decimal EstimatedAmount, string Method, bool Invited, bool Prequalification);

/// <summary>What the composer needs of a project.</summary>
public sealed record ComposerContext(
    Guid ProjectId, string ProjectName, string TradeCode, string Regime, string Sector, string TendererName, string? AgencyName,
    string FundingSource, IReadOnlyList<ComposableLot> Lots);

/// <summary>One announcement in a list.</summary>
public sealed record AnnouncementSummary(
    Guid Id, AnnouncementKind Kind, AnnouncementStatus Status, string Title, string ProjectName, string RegionCode, string Sector,
    DateTimeOffset? PublishAt, DateTimeOffset? PublishedAt, IReadOnlyList<string> LotCodes);

/// <summary>A project the user runs, with its announcements, for the composer's start page.</summary>
public sealed record RunProjectSummary(Guid Id, string Name, string TradeCode, bool Accepted, int DraftLots, IReadOnlyList<AnnouncementSummary> Announcements);

/// <summary>
/// The announcement composer (10号令, 87号令): the tenderer or its agency composes a notice for an accepted project's
/// draft lots, previews it with every rule it breaks, publishes it now or at a set time, and amends it once published.
/// </summary>
public interface IAnnouncements
{
    Task<IReadOnlyList<RunProjectSummary>> MineAsync(ClaimsPrincipal user, CancellationToken ct);

    /// <summary>The project and the draft lots a new announcement (or the draft <paramref name="announcementId"/>) may cover.</summary>
    Task<ComposerContext> ComposerAsync(ClaimsPrincipal user, Guid projectId, Guid? announcementId, CancellationToken ct);

    Task<ComposeAnnouncementInput> InputAsync(ClaimsPrincipal user, Guid id, CancellationToken ct);

    Task<Guid> ComposeAsync(ClaimsPrincipal user, ComposeAnnouncementInput input, CancellationToken ct);

    Task UpdateAsync(ClaimsPrincipal user, Guid id, ComposeAnnouncementInput input, CancellationToken ct);

    Task<AnnouncementPreview> PreviewAsync(ClaimsPrincipal user, Guid id, CancellationToken ct);

    /// <summary>Publishes now, or schedules for the set time; refused with every problem when one remains.</summary>
    Task<AnnouncementStatus> PublishAsync(ClaimsPrincipal user, Guid id, CancellationToken ct);

    Task UnscheduleAsync(ClaimsPrincipal user, Guid id, CancellationToken ct);

    Task<Guid> AmendAsync(ClaimsPrincipal user, Guid id, AmendAnnouncementInput input, CancellationToken ct);

    Task AttachAsync(ClaimsPrincipal user, Guid id, string fileName, string contentType, Stream content, CancellationToken ct);

    Task DrawInviteesAsync(ClaimsPrincipal user, Guid id, DrawInviteesInput input, CancellationToken ct);

    /// <summary>The invitations sent to the user's organisation.</summary>
    Task<IReadOnlyList<AnnouncementSummary>> InvitationsAsync(ClaimsPrincipal user, CancellationToken ct);
}

/// <summary>A filter of the public announcement list. Dates are China days.</summary>
public sealed class AnnouncementQuery
{
    public string? Region { get; set; }

    public string? Sector { get; set; }

    /// <summary>公告类型.</summary>
    public AnnouncementKind? Kind { get; set; }

    /// <summary>招标方式: 公开招标 (open) or 邀请招标 (invited, with prequalification).</summary>
    public string? Method { get; set; }

    public DateOnly? From { get; set; }

    public DateOnly? Until { get; set; }

    public int Page { get; set; } = 1;
}

/// <summary>One page of results.</summary>
public sealed record AnnouncementPage(IReadOnlyList<AnnouncementSummary> Items, int Page, int PageSize, int Total)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>
/// The published announcements as the public sees them (the portal's read contract): only published notices and
/// amendments, never drafts, scheduled ones before their time, or invitations.
/// </summary>
public interface IPublishedAnnouncements
{
    Task<AnnouncementPage> SearchAsync(AnnouncementQuery query, CancellationToken ct);

    Task<AnnouncementView?> FindAsync(Guid id, CancellationToken ct);

    /// <summary>A published announcement's attachment and its content, or null.</summary>
    Task<(AnnouncementAttachmentView File, Stream Content)?> OpenAttachmentAsync(Guid id, Guid attachmentId, CancellationToken ct);
}
