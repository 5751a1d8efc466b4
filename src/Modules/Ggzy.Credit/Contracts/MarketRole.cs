namespace Ggzy.Credit.Contracts;

/// <summary>What a market entity registers to do on the platform; one registration may want several.</summary>
[Flags]
public enum MarketRole
{
    None = 0,

    /// <summary>招标人/采购人</summary>
    Tenderer = 1,

    /// <summary>招标代理机构</summary>
    Agency = 2,

    /// <summary>投标人/供应商</summary>
    Bidder = 4,

    /// <summary>竞买人（产权交易、土地和矿业权出让）</summary>
    AuctionBuyer = 8,
}
