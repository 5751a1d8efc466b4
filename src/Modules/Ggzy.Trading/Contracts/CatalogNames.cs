namespace Ggzy.Trading.Contracts;

/// <summary>The words of the trading catalog (R1): sectors, the usual project types, and the nationwide scope.</summary>
public static class CatalogNames
{
    /// <summary>The scope of an entry that applies everywhere (national rules), in place of a 行政区划代码.</summary>
    public const string Nationwide = "000000";

    public const string Currency = "CNY";

    public const string Construction = "工程建设";

    public const string GovernmentProcurement = "政府采购";

    public const string LandUseRights = "土地使用权";

    public const string MiningRights = "矿业权";

    public const string StateOwnedEquity = "国有产权";

    public const string Other = "其他";

    public static readonly IReadOnlyList<string> Sectors =
        [Construction, GovernmentProcurement, LandUseRights, MiningRights, StateOwnedEquity, Other];

    public const string Works = "施工";

    public const string Goods = "货物（重要设备、材料）";

    public const string Services = "服务（勘察、设计、监理等）";

    /// <summary>Project types offered on the forms; an entry may name another type.</summary>
    public static readonly IReadOnlyList<string> CommonProjectTypes =
        [Works, Goods, Services, "货物", "服务", "工程", "出让", "转让", "产权转让", "增资扩股", "资产转让"];

    /// <summary>The citation of the national must-tender thresholds.</summary>
    public const string Order16Article5 = "《必须招标的工程项目规定》（国家发展改革委令第16号）第五条";

    public static string RegionName(string code) => code == Nationwide ? "全国" : code;
}
