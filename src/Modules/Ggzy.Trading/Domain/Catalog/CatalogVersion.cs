using Ggzy.Trading.Contracts;

namespace Ggzy.Trading.Domain.Catalog;

/// <summary>
/// One version of the trading catalog (R1): drafted by the center, approved by the Regulator, published with the day it
/// takes effect. Only a draft changes; published versions are kept as they were.
/// </summary>
internal sealed class CatalogVersion
{
    public Guid Id { get; init; }

    public int Number { get; init; }

    public CatalogVersionStatus Status { get; set; }

    /// <summary>The document the version rests on (the national rule, or the local catalog's 文号).</summary>
    public required string Basis { get; set; }

    /// <summary>Start of the day (China time) the version takes effect; set on publication.</summary>
    public DateTimeOffset? EffectiveFrom { get; set; }

    public DateTimeOffset DraftedAt { get; init; }

    public required string DraftedBy { get; init; }

    public DateTimeOffset? SubmittedAt { get; set; }

    public string? SubmittedBy { get; set; }

    public DateTimeOffset? DecidedAt { get; set; }

    public string? DecidedBy { get; set; }

    public string? RejectionReason { get; set; }

    public DateTimeOffset? PublishedAt { get; set; }

    public string? PublishedBy { get; set; }

    public List<CatalogEntry> Entries { get; init; } = [];

    public bool IsPublished => Status is CatalogVersionStatus.Published or CatalogVersionStatus.Superseded;

    /// <summary>A draft, or a rejected version sent back for changes, may be edited.</summary>
    public bool IsEditable => Status is CatalogVersionStatus.Draft or CatalogVersionStatus.Rejected;
}

/// <summary>One item of a catalog version: which projects must enter, above which amount, where, and who takes them.</summary>
internal sealed class CatalogEntry
{
    public Guid Id { get; init; }

    public Guid VersionId { get; init; }

    public required string Sector { get; init; }

    public required string ProjectType { get; init; }

    /// <summary>限额 in 元: a project at or above it must enter.</summary>
    public decimal ThresholdAmount { get; init; }

    public string Currency { get; init; } = CatalogNames.Currency;

    /// <summary>行政区划代码 the entry applies in (and below), or <see cref="CatalogNames.Nationwide"/>.</summary>
    public required string RegionCode { get; init; }

    /// <summary>The platform organisation (center or branch center) that takes these projects; null: routed by region.</summary>
    public Guid? HandlingCenterId { get; init; }

    public required string Citation { get; init; }

    public CatalogEntry CopyTo(Guid versionId, Guid id) => new()
    {
        Id = id,
        VersionId = versionId,
        Sector = Sector,
        ProjectType = ProjectType,
        ThresholdAmount = ThresholdAmount,
        Currency = Currency,
        RegionCode = RegionCode,
        HandlingCenterId = HandlingCenterId,
        Citation = Citation,
    };
}
