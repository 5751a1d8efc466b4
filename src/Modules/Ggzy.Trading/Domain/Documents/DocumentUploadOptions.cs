namespace Ggzy.Trading.Domain.Documents;

/// <summary>Which files a lot's documents may be (configured by <c>Trading:Documents</c>).</summary>
internal sealed class DocumentUploadOptions
{
    public const string SectionName = "Trading:Documents";

    /// <summary>The largest upload request the page and the API accept; the configured file limit is checked after it.</summary>
    public const long MaxRequestBytes = 110L * 1024 * 1024;

    /// <summary>Allowed extensions with the dot, separated by commas.</summary>
    public string Extensions { get; set; } = ".pdf,.ofd,.zip,.docx,.xlsx";

    /// <summary>The largest file in bytes (100 MB by default).</summary>
    public long MaxBytes { get; set; } = 100L * 1024 * 1024;

    /// <summary>The allowed extensions, lower case.</summary>
    public IReadOnlyList<string> Allowed =>
        [.. Extensions.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(e => e.ToLowerInvariant())];

    /// <summary>Whether a file name has an allowed extension.</summary>
    public bool Allows(string fileName) =>
        Allowed.Contains(Path.GetExtension(fileName).ToLowerInvariant(), StringComparer.Ordinal);
}
