using Ggzy.Trading.Contracts;

namespace Ggzy.Trading.Domain.Projects;

/// <summary>
/// The administrative supervisory department (行政监督管理部门) of a project, recorded at registration from its sector and,
/// for 工程建设, its industry (行业): the department confirms or refuses a 工程 lot's termination
/// (《吉林市公共资源交易平台服务管理细则》第十七条) and is told of what waits for it. The value is the department's sector as
/// the platform's organisations record it (<c>Organization.Sector</c>).
/// </summary>
internal static class SupervisoryDepartments
{
    public const string Housing = "住建";

    public const string Transport = "交通运输";

    public const string WaterResources = "水利";

    public const string Finance = "财政";

    public const string NaturalResources = "自然资源";

    public const string StateAssets = "国资";

    /// <summary>
    /// The division of the supervision of tenders by industry: 各类房屋建筑及其附属设施和市政工程项目 → 建设行政主管部门 (住建);
    /// 水利、交通 … 行业和产业项目 → 水利、交通 … 行政主管部门 (《国务院有关部门实施招标投标活动行政监督的职责分工的意见》
    /// （国办发〔2000〕34号）第三条). The city's rules leave the division to the law (《吉林市公共资源交易平台服务管理细则》第九条
    /// “按照法律法规规定和职责分工”), and the region's name the departments: 城乡建设、交通运输、水利 …
    /// (《武汉市公共资源交易平台服务管理细则（试行）》第四条).
    /// </summary>
    public const string HousingCitation = "《国务院有关部门实施招标投标活动行政监督的职责分工的意见》（国办发〔2000〕34号）第三条";

    /// <summary>The industries (行业) a 工程建设 project is registered with; the first is the default.</summary>
    public const string HousingIndustry = "房屋建筑和市政工程";

    public const string TransportIndustry = "交通运输工程";

    public const string WaterResourcesIndustry = "水利工程";

    /// <summary>The 工程建设 industries the platform knows, with the department that supervises each (34号 第三条).</summary>
    public static readonly IReadOnlyList<(string Industry, string Department)> ConstructionIndustries =
        [(HousingIndustry, Housing), (TransportIndustry, Transport), (WaterResourcesIndustry, WaterResources)];

    /// <summary>The department that supervises a 工程建设 project of this industry, or null for an industry the platform does not know.</summary>
    public static string? OfIndustry(string industry) =>
        ConstructionIndustries.FirstOrDefault(i => i.Industry == industry).Department;

    /// <summary>The 工程建设 industry a department supervises (null for a department of another sector).</summary>
    public static string? IndustryOf(string? department) =>
        ConstructionIndustries.FirstOrDefault(i => i.Department == department).Industry;

    /// <summary>政府采购 → 财政: 各级人民政府财政部门是负责政府采购监督管理的部门 (政府采购法 第十三条).</summary>
    public const string FinanceCitation = "《中华人民共和国政府采购法》第十三条";

    /// <summary>The department that supervises a project of this catalog sector, or null where the platform names none.</summary>
    public static string? Of(string sector) => sector switch
    {
        CatalogNames.Construction => Housing,
        CatalogNames.GovernmentProcurement => Finance,
        CatalogNames.LandUseRights or CatalogNames.MiningRights => NaturalResources,
        CatalogNames.StateOwnedEquity => StateAssets,
        _ => null,
    };

    /// <summary>The provision the department's assignment rests on.</summary>
    public static string Citation(string? department) => department switch
    {
        Housing or Transport or WaterResources => HousingCitation,
        Finance => FinanceCitation,
        _ => "《吉林市公共资源交易平台服务管理细则》第九条（按照法律法规规定和职责分工）",
    };

    /// <summary>The department's name as the pages say it.</summary>
    public static string Label(string? department) => department switch
    {
        Housing => "住房和城乡建设主管部门（住建）",
        Transport => "交通运输主管部门（交通运输）",
        WaterResources => "水行政主管部门（水利）",
        Finance => "财政部门",
        NaturalResources => "自然资源主管部门",
        StateAssets => "国有资产监督管理机构（国资）",
        null => "未确定的行政监督部门",
        _ => department + "主管部门",
    };
}
