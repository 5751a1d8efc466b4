using Ggzy.Trading.Contracts;
using Ggzy.Trading.Domain.Schedule;

namespace Ggzy.Trading.Domain.Announcements;

/// <summary>
/// The content the law requires of a notice (10号令 第五条; 87号令 第十三条): the project's name, scope, scale and
/// funding; the bidders' qualifications and whether consortia are accepted; how and when the documents are obtained;
/// the deadline and how bids are submitted; the platform's address; the contacts. An amendment says what changes and
/// why. Returns every missing item by field, each message citing the provision.
/// </summary>
internal static class AnnouncementContent
{
    public const int LongText = 4000;
    public const int ShortText = 500;

    public static Dictionary<string, string[]> Check(Announcement a, Regime regime)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var basis = regime == Regime.Procurement ? AnnouncementErrors.ProcurementContent : AnnouncementErrors.TenderContent;
        Text(errors, nameof(a.Title), a.Title, 200, "请填写公告标题（1–200 字）", basis);
        if (a.IsAmendment)
        {
            Text(errors, nameof(a.Changes), a.Changes, LongText, "请写明更正内容：原公告的哪一项改为什么", AnnouncementErrors.Amendment);
            Text(errors, nameof(a.ChangeReason), a.ChangeReason, ShortText, "请写明更正理由", AnnouncementErrors.Amendment);
            return errors;
        }

        var what = a.Kind == AnnouncementKind.PrequalificationNotice ? "资格预审文件" : "招标文件";
        Text(errors, nameof(a.Scope), a.Scope, LongText, "请填写招标范围（采购需求）：招标（采购）的内容", basis);
        Text(errors, nameof(a.Scale), a.Scale, ShortText, "请填写项目规模（建设规模或采购数量）", basis);
        Text(errors, nameof(a.Funding), a.Funding, ShortText, "请填写资金来源及落实情况", basis);
        Text(errors, nameof(a.Qualifications), a.Qualifications, LongText, "请填写投标人（供应商）的资格要求", basis);
        Text(errors, nameof(a.DocumentsMethod), a.DocumentsMethod, ShortText, $"请填写获取{what}的方式（获取的时间按各标段填写）", basis);
        Text(errors, nameof(a.SubmissionMethod), a.SubmissionMethod, ShortText, "请填写投标文件（申请文件）的递交方式", basis);
        Text(errors, nameof(a.PlatformAddress), a.PlatformAddress, ShortText, "请填写电子招标投标交易平台的网址和访问方法", basis);
        Text(errors, nameof(a.Contacts), a.Contacts, ShortText, "请填写招标人（采购人）及代理机构的联系人和联系方式", basis);
        if (a.Lots.Count == 0)
        {
            errors[nameof(a.Lots)] = [AnnouncementErrors.NoLots];
        }

        return errors;
    }

    private static void Text(Dictionary<string, string[]> errors, string field, string? value, int max, string missing, string basis)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors[field] = [$"{missing}（依据：{basis}）。"];
        }
        else if (value.Trim().Length > max)
        {
            errors[field] = [$"{missing}，不超过 {max} 字，现有 {value.Trim().Length} 字（依据：{basis}）。"];
        }
    }
}
