using Ggzy.Platform.Identity;
using static Ggzy.Platform.Identity.Roles;

namespace Ggzy.Experts.Contracts;

/// <summary>
/// The Experts module's permissions (ADR 0021: who sees what). The pool and its details are confidential
/// (1117号 (十四)): market parties and the public have none of them.
/// </summary>
public static class ExpertPermissions
{
    /// <summary>See the pool by pseudonym: specialties, titles, regions, status; no identity.</summary>
    public const string ReadPool = "experts.pool.read";

    /// <summary>Add experts and keep their records: specialties, title, employment, region, contact.</summary>
    public const string ManagePool = "experts.pool.manage";

    /// <summary>Read an expert's identity (name, ID number, mobile, employer); every read is on the Ledger.</summary>
    public const string ReadIdentities = "experts.identity.read";

    /// <summary>Suspend an expert from draws for a period, and lift a suspension (Hubei (6): 动态考评).</summary>
    public const string Suspend = "experts.status.suspend";

    /// <summary>Blacklist an expert, and lift a blacklisting (Hubei (12): 专家黑名单制度, by the supervising authorities).</summary>
    public const string Blacklist = "experts.status.blacklist";

    /// <summary>See the suspended and blacklisted experts with periods and reasons (R24).</summary>
    public const string ReadSanctions = "experts.sanctions.read";

    /// <summary>Keep one's own expert profile: contact, employment, relatives, leave.</summary>
    public const string ManageOwnProfile = "experts.profile.manage-own";

    /// <summary>一标一评: rate the experts who served on a lot, once, after the evaluation (R24, Wuhan §11).</summary>
    public const string Rate = "experts.ratings.rate";

    public static readonly IReadOnlyList<Permission> All =
    [
        new(ReadPool, "查看专家库（以专家编号显示）", [CenterAdministrator, CenterStaff, Regulator]),
        new(ManagePool, "维护专家库（新增、修改专家信息）", [CenterAdministrator, CenterStaff]),
        new(ReadIdentities, "查看专家身份信息（每次查看记入账本）", [CenterAdministrator, CenterStaff]),
        new(Suspend, "暂停专家抽取资格及恢复", [CenterAdministrator, Regulator]),
        new(Blacklist, "将专家列入或移出黑名单", [Regulator, Supervisor]),
        new(ReadSanctions, "查看暂停和黑名单专家", [CenterAdministrator, CenterStaff, Regulator, Supervisor]),
        new(ManageOwnProfile, "维护本人专家信息和请假", [Expert]),
        new(Rate, "一标一评：评价参加本标段评标的专家", [CenterAdministrator, CenterStaff, Tenderer]),
    ];
}
