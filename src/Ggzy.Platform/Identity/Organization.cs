namespace Ggzy.Platform.Identity;

/// <summary>
/// An organisation users belong to: a trading center (or branch center), the Regulator, a supervisory
/// department, or a market entity. Market entities gain their full record in the Credit module.
/// </summary>
public sealed class Organization
{
    public Guid Id { get; set; }

    public required string Name { get; set; }

    public OrganizationKind Kind { get; set; }

    /// <summary>The city center a branch center belongs to.</summary>
    public Guid? ParentId { get; set; }

    /// <summary>行政区划代码 (GB/T 2260), six digits.</summary>
    public required string RegionCode { get; set; }

    /// <summary>统一社会信用代码, where the organisation has one.</summary>
    public string? CreditCode { get; set; }

    /// <summary>The sector a supervisory department oversees (住建, 财政, 交通 …).</summary>
    public string? Sector { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

public enum OrganizationKind
{
    TradingCenter = 1,
    BranchCenter = 2,
    Regulator = 3,
    SupervisoryDepartment = 4,
    MarketEntity = 5,
}
