using System.Security.Claims;

namespace Ggzy.Trading.Contracts;

/// <summary>
/// A lot's tender documents (招标文件、资格预审文件、采购文件): upload, download by market entities while on sale (no
/// other precondition, 20号令 第二十条), the download log kept secret until the deadline (第二十一条), clarifications
/// sent to every downloader (第二十二条), and objections that pause the lot until answered (实施条例 第二十二条).
/// </summary>
public interface ILotDocuments
{
    /// <summary>Lots whose documents the user may see: published lots of accepted projects, and the user's own drafts.</summary>
    Task<IReadOnlyList<LotSummary>> LotsAsync(ClaimsPrincipal user, CancellationToken ct);

    /// <summary>The lot's documents page as the user may see it.</summary>
    Task<LotDocumentsView> ViewAsync(ClaimsPrincipal user, Guid lotId, CancellationToken ct);

    /// <summary>Uploads a file of the documents while the lot is a draft or announced, before the sale starts.</summary>
    Task<DocumentFileInfo> UploadAsync(ClaimsPrincipal user, Guid lotId, UploadedFile file, CancellationToken ct);

    /// <summary>Downloads a file; a market entity's download is logged and sealed on the Ledger.</summary>
    Task<DocumentContent> DownloadAsync(ClaimsPrincipal user, Guid lotId, Guid documentId, CancellationToken ct);

    /// <summary>Who downloaded, after the deadline only, for the tenderer, the agency, the center and the authorities.</summary>
    Task<DownloadLogInfo> DownloadLogAsync(ClaimsPrincipal user, Guid lotId, CancellationToken ct);

    /// <summary>What a clarification issued now does to the deadline: the date the form proposes, and why.</summary>
    Task<DeadlineProposalInfo> ProposeDeadlineAsync(ClaimsPrincipal user, Guid lotId, CancellationToken ct);

    /// <summary>Publishes a clarification or amendment, moves the deadline as the law requires, notifies every downloader.</summary>
    Task<ClarificationInfo> ClarifyAsync(ClaimsPrincipal user, Guid lotId, ClarificationInput input, IReadOnlyList<UploadedFile> files, CancellationToken ct);

    /// <summary>Raises an objection to the documents; in time, it pauses a tender lot until it is answered.</summary>
    Task<ObjectionInfo> ObjectAsync(ClaimsPrincipal user, Guid lotId, ObjectionInput input, CancellationToken ct);

    /// <summary>Answers an objection: the objector is notified and the lot resumes.</summary>
    Task<ObjectionInfo> AnswerAsync(ClaimsPrincipal user, Guid objectionId, ObjectionAnswerInput input, CancellationToken ct);

    /// <summary>Objections the user may see across lots (the center: all, overdue ones flagged).</summary>
    Task<IReadOnlyList<ObjectionInfo>> ObjectionsAsync(ClaimsPrincipal user, CancellationToken ct);
}

/// <summary>An organisation's inbox of trading notices.</summary>
public interface ITradingNotices
{
    Task<NoticeInbox> InboxAsync(ClaimsPrincipal user, CancellationToken ct);

    Task MarkReadAsync(ClaimsPrincipal user, Guid noticeId, CancellationToken ct);
}

/// <summary>A file as received: its name, length and a way to read it.</summary>
public sealed record UploadedFile(string FileName, long Length, Func<Stream> Open);

/// <summary>A file's content to send back.</summary>
public sealed record DocumentContent(string FileName, string ContentType, Stream Content);

/// <summary>A lot's documents page.</summary>
public sealed record LotDocumentsView(
    Guid LotId,
    string LotTradeCode,
    string LotName,
    string ProjectName,
    string Regime,
    string State,
    string DocumentsName,
    string DeadlineName,
    DateTimeOffset? DocumentsFrom,
    DateTimeOffset? DocumentsUntil,
    DateTimeOffset? Deadline,
    bool RunsProject,
    bool MayUpload,
    bool OnSale,
    bool MayClarify,
    bool MayObject,
    bool DownloadedByMe,
    IReadOnlyList<DocumentFileInfo> Documents,
    IReadOnlyList<ClarificationInfo> Clarifications,
    IReadOnlyList<ObjectionInfo> Objections,
    DownloadLogInfo? DownloadLog,
    string DownloadLogNote);

/// <summary>A lot in the list of documents.</summary>
public sealed record LotSummary(
    Guid LotId, string LotTradeCode, string ProjectName, string LotName, string State, bool OnSale, bool RunsProject,
    DateTimeOffset? DocumentsFrom, DateTimeOffset? DocumentsUntil, DateTimeOffset? Deadline);

/// <summary>A file of a lot.</summary>
public sealed record DocumentFileInfo(Guid Id, string Kind, string FileName, long Size, string Digest, DateTimeOffset UploadedAt, string UploadedBy);

/// <summary>A clarification or amendment with what it did to the deadline and why.</summary>
public sealed record ClarificationInfo(
    Guid Id,
    int Number,
    string Text,
    DateTimeOffset IssuedAt,
    string IssuedBy,
    DateTimeOffset PreviousDeadline,
    DateTimeOffset Deadline,
    bool DeadlineMoved,
    string AdjustmentReason,
    string AdjustmentCitation,
    IReadOnlyList<DocumentFileInfo> Files);

/// <summary>An objection; the objector is named only to its own organisation until the deadline.</summary>
public sealed record ObjectionInfo(
    Guid Id,
    Guid LotId,
    string LotName,
    string? Objector,
    DateTimeOffset RaisedAt,
    string Text,
    DateTimeOffset AnswerBy,
    bool Overdue,
    bool PausedLot,
    string Assessment,
    string? Answer,
    DateTimeOffset? AnsweredAt,
    bool Mine);

/// <summary>One download as the log shows it after the deadline.</summary>
public sealed record DownloadRecordInfo(string OrganizationName, string CreditCode, string UserName, DateTimeOffset At, string FileName, string Digest);

/// <summary>The download log: how many organisations and every download.</summary>
public sealed record DownloadLogInfo(int Organizations, IReadOnlyList<DownloadRecordInfo> Records);

/// <summary>What a clarification issued now does to the deadline.</summary>
public sealed record DeadlineProposalInfo(bool MustMove, DateTimeOffset CurrentDeadline, DateTimeOffset EarliestDeadline, string Reason, string Citation);

/// <summary>A clarification or amendment: its text and, when it moves, the new deadline.</summary>
public sealed class ClarificationInput
{
    public string? Text { get; set; }

    public DateTimeOffset? NewDeadline { get; set; }
}

/// <summary>An objection's matter and reasons.</summary>
public sealed class ObjectionInput
{
    public string? Text { get; set; }
}

/// <summary>The tenderer's answer to an objection.</summary>
public sealed class ObjectionAnswerInput
{
    public string? Answer { get; set; }
}

/// <summary>A notice in the organisation's inbox.</summary>
public sealed record NoticeInfo(Guid Id, Guid LotId, string Kind, string Title, string Body, DateTimeOffset CreatedAt, DateTimeOffset? ReadAt);

/// <summary>The organisation's notices, newest first, and how many are unread.</summary>
public sealed record NoticeInbox(int Unread, IReadOnlyList<NoticeInfo> Notices);
