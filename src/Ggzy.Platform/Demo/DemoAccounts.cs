using static Ggzy.Platform.Identity.Roles;

namespace Ggzy.Platform.Demo;

/// <summary>The demo's organisations and accounts (all fictional). The README lists the accounts and the password.</summary>
public static class DemoAccounts
{
    public const string Password = "Ggzy@2026";
    public const string CityRegion = "990100";

    public static readonly IReadOnlyList<DemoOrganization> Organizations =
    [
        new("center", "安和市公共资源交易中心", Identity.OrganizationKind.TradingCenter, CityRegion, null, null, null),
        new("east", "安和市公共资源交易中心东湖分中心", Identity.OrganizationKind.BranchCenter, "990102", "center", null, null),
        new("west", "安和市公共资源交易中心西山分中心", Identity.OrganizationKind.BranchCenter, "990103", "center", null, null),
        new("regulator", "安和市公共资源交易管理委员会办公室", Identity.OrganizationKind.Regulator, CityRegion, null, null, null),
        new("housing", "安和市住房和城乡建设局", Identity.OrganizationKind.SupervisoryDepartment, CityRegion, null, null, "住建"),
        new("finance", "安和市财政局", Identity.OrganizationKind.SupervisoryDepartment, CityRegion, null, null, "财政"),
        new("transport", "安和市交通运输局", Identity.OrganizationKind.SupervisoryDepartment, CityRegion, null, null, "交通运输"),
        new("water", "安和市水利局", Identity.OrganizationKind.SupervisoryDepartment, CityRegion, null, null, "水利"),
        new("owner", "安和城市建设投资集团有限公司", Identity.OrganizationKind.MarketEntity, CityRegion, null, "MA1C3K7P", null),
        new("agency", "安和明信工程咨询有限公司", Identity.OrganizationKind.MarketEntity, CityRegion, null, "MA2D4L8Q", null),
        new("bidder1", "安和宏远建筑工程有限公司", Identity.OrganizationKind.MarketEntity, "990102", null, "MA3E5M9R", null),
        new("bidder2", "安和恒泰建设集团有限公司", Identity.OrganizationKind.MarketEntity, "990103", null, "MA4F6N0T", null),
        new("bidder3", "安和鼎盛建设有限公司", Identity.OrganizationKind.MarketEntity, CityRegion, null, "MA6H8Q2W", null),
        new("shunda", "安和顺达建材有限公司", Identity.OrganizationKind.MarketEntity, CityRegion, null, "MA5G7P1U", null),
    ];

    public static readonly IReadOnlyList<DemoAccount> Accounts =
    [
        new("admin", "王建国", CenterAdministrator, "center"),
        new("clerk", "李晓梅", CenterStaff, "center"),
        new("clerk.east", "陈志强", CenterStaff, "east"),
        new("regulator", "赵立新", Regulator, "regulator"),
        new("supervisor.housing", "孙海燕", Supervisor, "housing"),
        new("supervisor.finance", "周文博", Supervisor, "finance"),
        new("supervisor.transport", "钱卫东", Supervisor, "transport"),
        new("supervisor.water", "汪海涛", Supervisor, "water"),
        new("tenderer", "吴国平", Tenderer, "owner"),
        new("agency", "郑丽华", Agency, "agency"),
        new("bidder", "冯志远", Bidder, "bidder1"),
        new("bidder2", "何永康", Bidder, "bidder2"),
        new("bidder3", "许文杰", Bidder, "bidder3"),
        new("expert", "林振华", Expert, null),

        // Six more experts of the pool with accounts, so that a seven-member committee can sign in (the Experts demo links them).
        new("expert2", "程思远", Expert, null),
        new("expert3", "范雅琴", Expert, null),
        new("expert4", "邱建明", Expert, null),
        new("expert5", "蒋慧敏", Expert, null),
        new("expert6", "沈国栋", Expert, null),
        new("expert7", "韦丽君", Expert, null),
        new("observer", "高秀英", SocialSupervisor, null),

        // A member of 宏远's staff who joined by its administrator's invitation (the Credit demo records the invitation).
        new("bidder.staff", "冯晓东", Bidder, "bidder1"),
    ];
}

public sealed record DemoOrganization(string Key, string Name, Identity.OrganizationKind Kind, string RegionCode,
    string? ParentKey, string? OrganizationCodeBody, string? Sector)
{
    /// <summary>The market entity's 统一社会信用代码 (a company registered by 工商, 91…), or null for the center and authorities.</summary>
    public string? CreditCode => OrganizationCodeBody is null ? null : CodeOf(RegionCode, OrganizationCodeBody);

    private static string CodeOf(string region, string body)
    {
        var first17 = "91" + region + body + Identity.CreditCode.OrganizationCheckCharacter(body);
        return first17 + Identity.CreditCode.CheckCharacter(first17);
    }
}

public sealed record DemoAccount(string UserName, string DisplayName, string Role, string? OrganizationKey);
