using Ggzy.Platform.Identity;
using static Ggzy.Platform.Identity.Roles;

namespace Ggzy.Trading.Contracts;

/// <summary>The Trading module's permissions.</summary>
public static class TradingPermissions
{
    /// <summary>Draft a new version of the trading catalog and submit it for approval (R1).</summary>
    public const string DraftCatalog = "trading.catalog.draft";

    /// <summary>Approve or reject a submitted catalog version and publish an approved one (R1).</summary>
    public const string ApproveCatalog = "trading.catalog.approve";

    /// <summary>See every catalog version, drafts and pending ones included, with their history.</summary>
    public const string ReadCatalogVersions = "trading.catalog.read-versions";

    /// <summary>Upload a lot's documents, publish clarifications and answer objections (the tenderer's or agency's staff).</summary>
    public const string ManageDocuments = "trading.documents.manage";

    /// <summary>Download a lot's documents while they are on sale (any market entity; 20号令 第二十条).</summary>
    public const string DownloadDocuments = "trading.documents.download";

    /// <summary>Open a lot's documents page: files, clarifications, objections; the download log only after the deadline.</summary>
    public const string ReadDocuments = "trading.documents.read";

    /// <summary>Raise an objection to a lot's documents (实施条例 第二十二条).</summary>
    public const string RaiseObjection = "trading.objection.raise";

    /// <summary>Read the organisation's trading notices (clarifications, answers to objections).</summary>
    public const string ReadNotices = "trading.notices.read";

    public static readonly IReadOnlyList<Permission> All =
    [
        new(DraftCatalog, "起草交易目录新版本并提交审批", [CenterAdministrator, CenterStaff]),
        new(ReadCatalogVersions, "查看交易目录的全部版本（含草稿和待审批版本）", [CenterAdministrator, CenterStaff, Regulator]),
        new(ApproveCatalog, "审批、发布交易目录", [Regulator]),
        new(ManageDocuments, "上传招标（采购）文件、发布澄清或者修改、答复异议", [Tenderer, Agency]),
        new(DownloadDocuments, "下载招标（采购）文件", [Bidder, Tenderer, Agency]),
        new(ReadDocuments, "查看标段的招标文件、澄清和异议（下载记录于投标截止后查看）", [CenterAdministrator, CenterStaff, Regulator, Supervisor, Tenderer, Agency, Bidder]),
        new(RaiseObjection, "对招标（采购）文件提出异议", [Bidder]),
        new(ReadNotices, "查看本单位的交易通知", [Tenderer, Agency, Bidder]),
    ];
}
