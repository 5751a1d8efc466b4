namespace Ggzy.Trading.Domain.Schedule;

/// <summary>
/// The statutory dates of one lot's procedure. <see cref="Deadline"/> is the bid deadline, which is also the opening
/// instant; when <see cref="Prequalification"/> is set the documents are 资格预审文件 and it is the deadline for
/// applications. <see cref="AnnouncementEndsAt"/> is the end of the notice period (政府采购公告期限); an invited
/// tender has no public notice unless it prequalifies. Instants are UTC; the law counts China days.
/// </summary>
internal sealed record ProcedureSchedule(
    Regime Regime,
    ProcurementMethod Method,
    bool Prequalification,
    DateTimeOffset AnnouncedAt,
    DateTimeOffset? AnnouncementEndsAt,
    DateTimeOffset DocumentsFrom,
    DateTimeOffset DocumentsUntil,
    DateTimeOffset Deadline,
    int? InviteeCount = null,
    bool InviteesDrawnWithRecord = false)
{
    public bool IsInvited => Method == ProcurementMethod.InvitedTender;

    /// <summary>Whether a notice period applies: an open tender's notice, or a prequalification notice.</summary>
    public bool HasPublicNotice => Method == ProcurementMethod.OpenTender || Prequalification;

    /// <summary>资格预审文件 or 招标文件, as the messages name them.</summary>
    public string DocumentsName => Prequalification ? "资格预审文件" : "招标文件";

    /// <summary>The deadline as the messages name it.</summary>
    public string DeadlineName => Prequalification ? "提交资格预审申请文件截止时间" : "投标截止时间";
}
