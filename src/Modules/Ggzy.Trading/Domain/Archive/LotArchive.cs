namespace Ggzy.Trading.Domain.Archive;

/// <summary>
/// A closed lot's archive package (归档包, docs/archive.md), stored once: the row is written in the same transaction as
/// the lot's step to 已归档 and its Ledger entry, after the package is durable in the blob store, so a package is
/// either complete and visible or not there at all (a build interrupted before that commit is rebuilt by the next pass).
/// </summary>
internal sealed class LotArchive
{
    /// <summary>The archived lot; the key, so a second build of the same lot cannot be stored.</summary>
    public Guid LotId { get; init; }

    /// <summary>The manifest's <c>packageId</c>.</summary>
    public Guid PackageId { get; init; }

    /// <summary>SM3 of the package's bytes, its id in the blob store.</summary>
    public required string Digest { get; init; }

    public long Size { get; init; }

    /// <summary>The name the package is downloaded under: <c>{lot code}-归档包.zip</c>.</summary>
    public required string FileName { get; init; }

    public DateTimeOffset BuiltAt { get; init; }

    public ArchiveOutcome Outcome { get; init; }

    /// <summary>The day (China time) the procedure ended; the retention counts from it.</summary>
    public DateOnly ClosedOn { get; init; }

    public int? RetentionYears { get; init; }

    public DateOnly? RetainUntil { get; init; }

    public required string RetentionBasis { get; init; }

    /// <summary>SM3 of the key that signed the manifest.</summary>
    public required string KeyFingerprint { get; init; }

    public int EntryCount { get; init; }

    /// <summary>The manifest exactly as signed, to show the package's contents without opening it.</summary>
    public required string ManifestJson { get; init; }
}
