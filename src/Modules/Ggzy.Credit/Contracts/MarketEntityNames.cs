namespace Ggzy.Credit.Contracts;

/// <summary>Chinese names of the Credit contract's enumerations, for pages and messages.</summary>
public static class MarketEntityNames
{
    public static readonly IReadOnlyList<MarketRole> Roles = [MarketRole.Tenderer, MarketRole.Agency, MarketRole.Bidder, MarketRole.AuctionBuyer];

    public static readonly IReadOnlyList<MarketEntityKind> Kinds =
        [MarketEntityKind.LegalPerson, MarketEntityKind.UnincorporatedOrganization, MarketEntityKind.IndividualBusiness];

    public static string Of(MarketEntityKind kind) => kind switch
    {
        MarketEntityKind.LegalPerson => "法人",
        MarketEntityKind.UnincorporatedOrganization => "非法人组织",
        MarketEntityKind.IndividualBusiness => "个体工商户",
        _ => kind.ToString(),
    };

    public static string Of(MarketRole role) => role switch
    {
        MarketRole.Tenderer => "招标人/采购人",
        MarketRole.Agency => "招标代理机构",
        MarketRole.Bidder => "投标人/供应商",
        MarketRole.AuctionBuyer => "竞买人",
        _ => string.Join("、", Roles.Where(r => role.HasFlag(r)).Select(Of)),
    };
}
