namespace Ggzy.Trading.Domain.Archive;

/// <summary>
/// 重新招标: a new lot created from a failed one (招标投标法 第二十八条、第四十二条; 实施条例 第四十四条; 87号令 第四十一条、
/// 第四十三条), carrying its name, estimate and method. The link is shown on both lots.
/// </summary>
internal sealed class LotRetender
{
    /// <summary>The new lot.</summary>
    public Guid LotId { get; init; }

    /// <summary>The failed lot it replaces.</summary>
    public Guid PredecessorId { get; init; }

    /// <summary>Why the predecessor failed, as stated when it failed.</summary>
    public required string Reason { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public required string CreatedBy { get; init; }
}
