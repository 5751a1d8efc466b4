using Ggzy.Platform.Identity;
using static Ggzy.Platform.Identity.Roles;

namespace Ggzy.Credit.Contracts;

/// <summary>The Credit module's permissions. Actions on one organisation also require the user to belong to it.</summary>
public static class CreditPermissions
{
    /// <summary>Enter, correct and revoke credit records; import them in bulk (R28).</summary>
    public const string ManageRecords = "credit.records.manage";

    /// <summary>Read records marked confidential by law, which the public does not see.</summary>
    public const string ReadConfidentialRecords = "credit.records.read-confidential";

    /// <summary>Keep the list of trusted certificate authorities and their revocation lists (R32).</summary>
    public const string ManageTrustList = "credit.trust-list.manage";

    /// <summary>Keep one's own organisation's information: performance, qualifications, certificates (R31, R32).</summary>
    public const string ManageOwnEntity = "credit.entity.manage-own";

    /// <summary>Invite staff into one's own organisation; only its administrator may use it (R26).</summary>
    public const string InviteStaff = "credit.staff.invite";

    private static readonly string[] MarketParties = [Tenderer, Agency, Bidder];

    public static readonly IReadOnlyList<Permission> All =
    [
        new(ManageRecords, "录入、更正和撤销信用记录", [Supervisor, Regulator]),
        new(ReadConfidentialRecords, "查阅依法不予公开的信用记录", [Supervisor, Regulator]),
        new(ManageTrustList, "管理数字证书信任列表", [CenterAdministrator]),
        new(ManageOwnEntity, "维护本单位信息（业绩、资质、数字证书）", MarketParties),
        new(InviteStaff, "邀请本单位工作人员", MarketParties),
    ];
}
