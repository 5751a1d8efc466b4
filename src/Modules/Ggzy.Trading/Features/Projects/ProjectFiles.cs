using Ggzy.Trading.Domain.Projects;

namespace Ggzy.Trading.Features.Projects;

/// <summary>The limits on a registration's scanned files (configuration section <c>Trading:ProjectFiles</c>).</summary>
internal sealed class ProjectFileOptions
{
    public const string SectionName = "Trading:ProjectFiles";

    /// <summary>The largest file accepted, 20 MB unless configured.</summary>
    public long MaxFileBytes { get; set; } = 20 * 1024 * 1024;
}

/// <summary>A file uploaded with a registration or an exemption, not yet stored.</summary>
internal sealed record ProjectUpload(ProjectFileKind Kind, string FileName, string ContentType, long Length, Func<Stream> Open);

/// <summary>Which scans are accepted: PDF, OFD, JPG and PNG, recognised by their extension and their first bytes.</summary>
internal static class ScanFormats
{
    private static readonly Dictionary<string, (string ContentType, byte[] Magic)> Formats = new(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = ("application/pdf", "%PDF"u8.ToArray()),
        [".ofd"] = ("application/ofd", [0x50, 0x4B, 0x03, 0x04]),
        [".jpg"] = ("image/jpeg", [0xFF, 0xD8, 0xFF]),
        [".jpeg"] = ("image/jpeg", [0xFF, 0xD8, 0xFF]),
        [".png"] = ("image/png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]),
    };

    /// <summary>The content type to store for an accepted file, or null when the name or the content is not a scan format.</summary>
    public static async Task<string?> RecognizeAsync(ProjectUpload file, CancellationToken ct)
    {
        if (!Formats.TryGetValue(Path.GetExtension(file.FileName), out var format))
        {
            return null;
        }

        var head = new byte[format.Magic.Length];
        await using var stream = file.Open();
        var read = await stream.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, ct);
        return read == head.Length && head.AsSpan().SequenceEqual(format.Magic) ? format.ContentType : null;
    }

    /// <summary>The file name as stored: no directories, at most 200 characters.</summary>
    public static string SafeName(string name)
    {
        var bare = Path.GetFileName(name.Replace('\\', '/')).Trim();
        if (bare.Length <= 200)
        {
            return bare;
        }

        var extension = Path.GetExtension(bare);
        return bare[..(200 - extension.Length)] + extension;
    }
}
