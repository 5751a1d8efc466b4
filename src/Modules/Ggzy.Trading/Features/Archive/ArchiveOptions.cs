namespace Ggzy.Trading.Features.Archive;

/// <summary>Settings of the archive (section <c>Trading:Archive</c>).</summary>
internal sealed class ArchiveOptions
{
    public const string SectionName = "Trading:Archive";

    /// <summary>
    /// Years a 工程招标 package is kept. The national sources give no number (docs/archive.md §2); set it with its
    /// <see cref="TenderRetentionBasis"/> (the provincial or municipal archive rule the platform follows), or leave it
    /// empty and the manifest says that none is fixed nationally.
    /// </summary>
    public int? TenderRetentionYears { get; set; }

    /// <summary>The rule the configured 工程 years come from, as written in the manifest.</summary>
    public string? TenderRetentionBasis { get; set; }

    /// <summary>
    /// Minutes between the lot's closing step and its package: by default one day, so that what the closing day still
    /// brings (an objection answered, a deposit refunded, a correction of the closing) is settled and archived with it.
    /// </summary>
    public int BuildAfterMinutes { get; set; } = 24 * 60;

    /// <summary>Where packages are written while they are built (then moved into the blob store); the system temp directory by default.</summary>
    public string? WorkDirectory { get; set; }
}
