namespace Ggzy.Trading.Contracts;

/// <summary>A filter of the public list of opening records. Dates are China days of the opening (the bid deadline).</summary>
public sealed class PublishedOpeningQuery
{
    /// <summary>Part of a project's or lot's name or trade code, of the tenderer's or agency's name, or of a bidder's name.</summary>
    public string? Keyword { get; set; }

    /// <summary>开标日期自.</summary>
    public DateOnly? From { get; set; }

    /// <summary>开标日期至.</summary>
    public DateOnly? Until { get; set; }

    public int Page { get; set; } = 1;
}

/// <summary>One published opening record in the public list: the lot, when it was opened and published, and what became of its bids.</summary>
public sealed record PublishedOpeningRow(
    Guid LotId, string LotCode, string LotName, string ProjectCode, string ProjectName, string TendererName, DateTimeOffset OpenedAt,
    DateTimeOffset PublishedAt, int Bids, int Decrypted, int Revoked, int Withdrawn);

/// <summary>One page of published opening records.</summary>
public sealed record PublishedOpeningPage(IReadOnlyList<PublishedOpeningRow> Items, int Page, int PageSize, int Total)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>
/// The published opening records as the public finds them (the portal's read contract, 《电子招标投标办法》第三十二条): only
/// openings that were closed — and so published — ever appear; a lot being opened, or not opened for too few bids, never.
/// </summary>
public interface IPublishedOpenings
{
    Task<PublishedOpeningPage> SearchAsync(PublishedOpeningQuery query, CancellationToken ct);

    /// <summary>Those of <paramref name="lotIds"/> whose opening record is published.</summary>
    Task<IReadOnlySet<Guid>> PublishedLotsAsync(IReadOnlyCollection<Guid> lotIds, CancellationToken ct);
}
