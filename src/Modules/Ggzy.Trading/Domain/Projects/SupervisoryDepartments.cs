using Ggzy.Trading.Contracts;

namespace Ggzy.Trading.Domain.Projects;

/// <summary>
/// The administrative supervisory department (行政监督管理部门) of a project, recorded at registration from its sector: the
/// department confirms or refuses a 工程 lot's termination (《吉林市公共资源交易平台服务管理细则》第十七条) and is told of what
/// waits for it. The value is the department's sector as the platform's organisations record it (<c>Organization.Sector</c>).
/// </summary>
internal static class SupervisoryDepartments
{
    public const string Housing = "住建";

    public const string Finance = "财政";

    public const string NaturalResources = "自然资源";

    public const string StateAssets = "国资";

    /// <summary>
    /// 房屋建筑和市政工程 → 住建: 《国务院有关部门实施招标投标活动行政监督的职责分工的意见》（国办发〔2000〕34号）第三条. The platform's
    /// 工程建设 catalog sector is the city's 房屋建筑和市政工程; 交通、水利 … projects would name their department at registration.
    /// </summary>
    public const string HousingCitation = "《国务院有关部门实施招标投标活动行政监督的职责分工的意见》（国办发〔2000〕34号）第三条";

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
        Housing => HousingCitation,
        Finance => FinanceCitation,
        _ => "《吉林市公共资源交易平台服务管理细则》第九条（按照法律法规规定和职责分工）",
    };

    /// <summary>The department's name as the pages say it.</summary>
    public static string Label(string? department) => department switch
    {
        Housing => "住房和城乡建设主管部门（住建）",
        Finance => "财政部门",
        NaturalResources => "自然资源主管部门",
        StateAssets => "国有资产监督管理机构（国资）",
        null => "未确定的行政监督部门",
        _ => department + "主管部门",
    };
}
