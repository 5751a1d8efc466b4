using static Ggzy.Platform.Identity.Roles;

namespace Ggzy.Platform.Identity;

public static class PlatformPermissions
{
    public const string Workbench = "platform.workbench";
    public const string ManageOwnAccount = "platform.account.manage-own";
    public const string ReadLedger = "platform.ledger.read";
    public const string ManageCalendar = "platform.calendar.manage";
    public const string ManageRules = "platform.rules.manage";
    public const string ManageUsers = "platform.users.manage";
    public const string ReadAlerts = "platform.alerts.read";
    public const string ManageApiTokens = "platform.tokens.manage";

    private static readonly string[] Everyone =
        [CenterAdministrator, CenterStaff, Regulator, Supervisor, Tenderer, Agency, Bidder, Expert, SocialSupervisor];

    public static readonly IReadOnlyList<Permission> All =
    [
        new(Workbench, "进入工作台", Everyone),
        new(ManageOwnAccount, "管理本人账户（密码、动态口令）", Everyone),

        // Experts act only from a signed-in session at the evaluation site, and social supervisors only watch:
        // neither has a system to connect, so neither may issue tokens.
        new(ManageApiTokens, "签发和撤销本人的接口令牌", [CenterAdministrator, CenterStaff, Regulator, Supervisor, Tenderer, Agency, Bidder]),
        new(ReadLedger, "查阅交易记录账本", [Regulator, Supervisor, CenterAdministrator]),
        new(ManageCalendar, "维护工作日历", [Regulator]),
        new(ManageRules, "维护法定规则的地方设定", [Regulator]),
        new(ManageUsers, "管理交易中心工作人员账户", [CenterAdministrator]),
        new(ReadAlerts, "查看平台预警", [Regulator, CenterAdministrator]),
    ];
}
