namespace Ggzy.Platform.Identity;

/// <summary>The roles of the platform (glossary: Parties). A user holds one or more.</summary>
public static class Roles
{
    public const string CenterAdministrator = "CenterAdministrator";
    public const string CenterStaff = "CenterStaff";
    public const string Regulator = "Regulator";
    public const string Supervisor = "Supervisor";
    public const string Tenderer = "Tenderer";
    public const string Agency = "Agency";
    public const string Bidder = "Bidder";
    public const string Expert = "Expert";
    public const string SocialSupervisor = "SocialSupervisor";

    public static readonly IReadOnlyList<RoleInfo> All =
    [
        new(CenterAdministrator, "交易中心管理员"),
        new(CenterStaff, "交易中心工作人员"),
        new(Regulator, "公管办"),
        new(Supervisor, "行政监督部门"),
        new(Tenderer, "招标人/采购人"),
        new(Agency, "招标代理机构"),
        new(Bidder, "投标人/供应商"),
        new(Expert, "评标专家"),
        new(SocialSupervisor, "社会监督员"),
    ];

    public static string DisplayName(string role) =>
        All.FirstOrDefault(r => r.Name == role)?.DisplayName ?? role;
}

public sealed record RoleInfo(string Name, string DisplayName);
