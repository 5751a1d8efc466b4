namespace Ggzy.Trading.Contracts;

/// <summary>Where a catalog version stands: drafted, submitted, then approved or rejected, published, superseded.</summary>
public enum CatalogVersionStatus
{
    Draft = 1,
    Submitted = 2,
    Approved = 3,
    Rejected = 4,
    Published = 5,
    Superseded = 6,
}

/// <summary>What the catalog says about one project (R1–R3).</summary>
public enum CatalogVerdict
{
    /// <summary>In the catalog and at or above its threshold: must trade on the platform (R1).</summary>
    MustEnter = 1,

    /// <summary>In the catalog but below its threshold: may enter voluntarily; open tender below it still uses the platform (R3).</summary>
    MayEnterVoluntarily = 2,

    /// <summary>No entry of the catalog covers the sector and type in that region; may still enter voluntarily (R3).</summary>
    NotInCatalog = 3,
}

/// <summary>The trading center or branch center that takes a project (R2).</summary>
public sealed record HandlingCenter(Guid OrganizationId, string Name, string RegionCode, bool IsBranch);

/// <summary>One item of a catalog version.</summary>
public sealed record CatalogEntryInfo(
    Guid Id, string Sector, string ProjectType, decimal ThresholdAmount, string Currency, string RegionCode,
    Guid? HandlingCenterId, string? HandlingCenterName, string Citation);

/// <summary>A catalog version with its entries and its history.</summary>
public sealed record CatalogVersionInfo(
    Guid Id, int Number, CatalogVersionStatus Status, string Basis, DateTimeOffset? EffectiveFrom,
    DateTimeOffset DraftedAt, string DraftedBy, DateTimeOffset? SubmittedAt, string? SubmittedBy,
    DateTimeOffset? DecidedAt, string? DecidedBy, string? RejectionReason,
    DateTimeOffset? PublishedAt, string? PublishedBy, bool IsCurrent, IReadOnlyList<CatalogEntryInfo> Entries);

/// <summary>The catalog's answer for one project: the verdict, the entry and citation it rests on, and the center.</summary>
public sealed record CatalogClassification(
    CatalogVerdict Verdict, string Explanation, int? CatalogVersion, CatalogEntryInfo? Entry, string? Citation,
    HandlingCenter? Center);

/// <summary>A project the catalog is asked about.</summary>
public sealed class ClassifyProjectInput
{
    public string? Sector { get; set; }

    public string? ProjectType { get; set; }

    /// <summary>估算价 in 元.</summary>
    public decimal? EstimatedAmount { get; set; }

    /// <summary>行政区划代码 of the project's place.</summary>
    public string? RegionCode { get; set; }
}

/// <summary>An entry to add to a draft.</summary>
public sealed class CatalogEntryInput
{
    public string? Sector { get; set; }

    public string? ProjectType { get; set; }

    /// <summary>限额 in 元.</summary>
    public decimal? ThresholdAmount { get; set; }

    public string? RegionCode { get; set; }

    /// <summary>The center or branch center that takes these projects; empty: routed by region.</summary>
    public Guid? HandlingCenterId { get; set; }

    public string? Citation { get; set; }
}

/// <summary>A draft's basis (the local document it rests on), set when drafting or editing.</summary>
public sealed class CatalogDraftInput
{
    public string? Basis { get; set; }
}

/// <summary>The Regulator's decision on a submitted version.</summary>
public sealed class CatalogDecisionInput
{
    public bool Approve { get; set; }

    /// <summary>Required when rejecting.</summary>
    public string? Reason { get; set; }
}

/// <summary>Publication of an approved version.</summary>
public sealed class CatalogPublishInput
{
    /// <summary>The day (China time) the version takes effect; today or later.</summary>
    public DateOnly? EffectiveFrom { get; set; }
}

/// <summary>
/// The trading catalog (R1–R3), for pages and for the modules that register projects: "must this project enter, and
/// which center takes it?" Reads are open to everyone.
/// </summary>
public interface ITradingCatalog
{
    /// <summary>Classifies a project against the version current at <paramref name="at"/>. Bad input: InputValidationException.</summary>
    Task<CatalogClassification> ClassifyAsync(
        string? sector, string? projectType, decimal? estimatedAmount, string? regionCode, DateTimeOffset at, CancellationToken ct);

    /// <summary>The version published and in effect at <paramref name="at"/>, or null.</summary>
    Task<CatalogVersionInfo?> CurrentAsync(DateTimeOffset at, CancellationToken ct);

    /// <summary>The centers and branch centers projects can be routed to.</summary>
    Task<IReadOnlyList<HandlingCenter>> CentersAsync(CancellationToken ct);
}

/// <summary>Drafting, approving and publishing catalog versions (R1). Each step is on the Ledger.</summary>
public interface ICatalogAdministration
{
    Task<IReadOnlyList<CatalogVersionInfo>> VersionsAsync(CancellationToken ct);

    Task<CatalogVersionInfo> VersionAsync(Guid id, CancellationToken ct);

    /// <summary>Drafts the next version as a copy of the current one; only one draft or submission may be open.</summary>
    Task<CatalogVersionInfo> DraftAsync(string actor, CatalogDraftInput input, CancellationToken ct);

    Task<CatalogEntryInfo> AddEntryAsync(string actor, Guid versionId, CatalogEntryInput input, CancellationToken ct);

    Task RemoveEntryAsync(string actor, Guid versionId, Guid entryId, CancellationToken ct);

    Task SubmitAsync(string actor, Guid versionId, CancellationToken ct);

    Task DecideAsync(string actor, Guid versionId, CatalogDecisionInput input, CancellationToken ct);

    Task PublishAsync(string actor, Guid versionId, CatalogPublishInput input, CancellationToken ct);
}
