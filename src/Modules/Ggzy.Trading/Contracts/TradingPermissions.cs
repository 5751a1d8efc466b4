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

    /// <summary>State a lot's bid security terms (amount, forms, custody account, validity) with the tender documents (R12).</summary>
    public const string SecurityTerms = "trading.security.terms";

    /// <summary>Hold bid securities in custody: import bank receipts, match deposits, see every security, record refunds (R12).</summary>
    public const string SecurityCustody = "trading.security.custody";

    /// <summary>Register an electronic guarantee for a lot and see one's own deposits and guarantees.</summary>
    public const string SecurityGuarantee = "trading.security.guarantee";

    public static readonly IReadOnlyList<Permission> All =
    [
        new(DraftCatalog, "起草交易目录新版本并提交审批", [CenterAdministrator, CenterStaff]),
        new(ReadCatalogVersions, "查看交易目录的全部版本（含草稿和待审批版本）", [CenterAdministrator, CenterStaff, Regulator]),
        new(ApproveCatalog, "审批、发布交易目录", [Regulator]),
        new(SecurityTerms, "设定标段的投标保证金要求（金额、形式、托管账户、有效期）", [Tenderer, Agency]),
        new(SecurityCustody, "托管投标保证金：导入银行回单、匹配保证金、查看全部保证金和保函、登记退还", [CenterStaff, CenterAdministrator]),
        new(SecurityGuarantee, "为标段登记电子保函，查看本单位的保证金和保函", [Bidder]),
    ];
}
