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

    public static readonly IReadOnlyList<Permission> All =
    [
        new(DraftCatalog, "起草交易目录新版本并提交审批", [CenterAdministrator, CenterStaff]),
        new(ReadCatalogVersions, "查看交易目录的全部版本（含草稿和待审批版本）", [CenterAdministrator, CenterStaff, Regulator]),
        new(ApproveCatalog, "审批、发布交易目录", [Regulator]),
    ];
}
