namespace Ggzy.Platform.Rules;

/// <summary>A region's stricter value for a statutory rule, with the local provision it rests on.</summary>
public sealed class RuleOverride
{
    public Guid Id { get; set; }

    public required string RuleKey { get; set; }

    /// <summary>行政区划代码 of the region the override applies to (and below it).</summary>
    public required string RegionCode { get; set; }

    public decimal Value { get; set; }

    /// <summary>The local provision, e.g. 《某市公共资源交易管理办法》第十二条.</summary>
    public required string Basis { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public required string CreatedBy { get; set; }

    public DateTimeOffset? RetiredAt { get; set; }
}
