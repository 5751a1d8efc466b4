using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace Ggzy.Sealing.Archive;

/// <summary>
/// The manifest of an archive package (归档包), <c>ggzy.archive-manifest.v1</c>: which lot and procedure, when the package
/// was built, how long it is kept and on what basis, the fingerprint of the platform key that signs it, and every
/// document with its path, size and SM3 digest. Stored as <c>manifest.json</c>; the platform signs its exact bytes
/// (SM3withSM2) into <c>manifest.sig</c> (docs/archive.md).
/// </summary>
public sealed record ArchiveManifest(
    string Format,
    Guid PackageId,
    DateTimeOffset BuiltAt,
    ArchiveSubject Lot,
    ArchiveSubject Project,
    ArchiveProcedure Procedure,
    ArchiveRetention Retention,
    string KeyFingerprint,
    IReadOnlyList<ArchiveEntry> Entries)
{
    public const string FormatV1 = "ggzy.archive-manifest.v1";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        WriteIndented = true,
    };

    /// <summary>The exact UTF-8 bytes stored as <c>manifest.json</c> and signed.</summary>
    public byte[] ToUtf8() => Encoding.UTF8.GetBytes(JsonSerializer.Serialize(this, Json).Replace("\r\n", "\n", StringComparison.Ordinal) + "\n");

    /// <summary>Reads <c>manifest.json</c>; throws <see cref="ArchiveFormatException"/> when it is not a v1 manifest.</summary>
    public static ArchiveManifest Parse(ReadOnlySpan<byte> utf8)
    {
        ArchiveManifest? manifest;
        try
        {
            manifest = JsonSerializer.Deserialize<ArchiveManifest>(utf8, Json);
        }
        catch (JsonException e)
        {
            throw new ArchiveFormatException(ArchiveErrors.Manifest, $"{ArchivePaths.Manifest} 不是有效的 JSON：{e.Message}");
        }

        if (manifest is null || !string.Equals(manifest.Format, FormatV1, StringComparison.Ordinal))
        {
            throw new ArchiveFormatException(ArchiveErrors.Manifest, $"{ArchivePaths.Manifest} 不是 {FormatV1} 格式（format 字段缺失或不符），请升级 ggzy 工具。");
        }

        if (manifest.Entries is null || manifest.Lot is null || manifest.Project is null || manifest.Procedure is null
            || manifest.Retention is null || manifest.KeyFingerprint is null || manifest.Entries.Any(e => e?.Path is null || e.Sm3 is null))
        {
            throw new ArchiveFormatException(ArchiveErrors.Manifest, $"{ArchivePaths.Manifest} 缺少必填字段（lot、project、procedure、retention、keyFingerprint、entries）。");
        }

        return manifest;
    }
}

/// <summary>A lot or project by its trade code (统一交易标识码) and name.</summary>
public sealed record ArchiveSubject(string Code, string Name);

/// <summary>
/// The procedure archived: its regime (<c>tender</c> 工程招标 or <c>procurement</c> 政府采购), method, how it ended
/// (<c>awarded</c>, <c>failed</c>, <c>terminated</c>) and on which day (China time) — the day the retention counts from.
/// </summary>
public sealed record ArchiveProcedure(string Regime, string Method, string Outcome, DateOnly ClosedOn);

/// <summary>
/// How long the package is kept: the years and the last day, and the basis (the article, or the rule the tenderer or the
/// region applies). <see cref="Years"/> is null where no national rule gives a number and none was configured.
/// </summary>
public sealed record ArchiveRetention(int? Years, DateOnly? Until, string Basis);

/// <summary>One archived document: its path in the package, its kind and title, its size in bytes and SM3 (lowercase hex).</summary>
public sealed record ArchiveEntry(string Path, string Kind, string Title, long Size, string Sm3);

/// <summary>An archive package or its manifest that cannot be built or read; <see cref="Code"/> is stable, the message is Chinese.</summary>
public sealed class ArchiveFormatException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}

/// <summary>Stable error codes of archive packages (docs/archive.md).</summary>
public static class ArchiveErrors
{
    public const string Path = "ARCHIVE_PATH";
    public const string TooLarge = "ARCHIVE_LIMIT";
    public const string Manifest = "ARCHIVE_MANIFEST";
    public const string Output = "ARCHIVE_OUTPUT";
}

/// <summary>The fixed names in a package and the rules for a document's path.</summary>
public static class ArchivePaths
{
    public const string Manifest = "manifest.json";
    public const string Signature = "manifest.sig";
    public const string PublicKey = "platform-key.pem";

    public const int MaxPathLength = 240;

    public static readonly IReadOnlyList<string> Reserved = [Manifest, Signature, PublicKey];

    /// <summary>
    /// Why <paramref name="path"/> cannot name a document, or null: relative, '/'-separated, no empty, "." or ".." segment,
    /// no backslash, colon or control character, NFC-normalised, at most <see cref="MaxPathLength"/> characters, and not one
    /// of the <see cref="Reserved"/> names.
    /// </summary>
    public static string? Problem(string path)
    {
        if (string.IsNullOrEmpty(path) || path.Length > MaxPathLength)
        {
            return $"路径应为 1–{MaxPathLength} 个字符。";
        }

        if (path.Any(c => char.IsControl(c) || c is '\\' or ':' or '*' or '?' or '"' or '<' or '>' or '|'))
        {
            return "路径不得含有控制字符或 \\ : * ? \" < > |。";
        }

        if (!path.IsNormalized(NormalizationForm.FormC))
        {
            return "路径须为 Unicode NFC 规范形式。";
        }

        if (path.Split('/').Any(s => s.Length == 0 || s is "." or ".." || s != s.Trim()))
        {
            return "路径须为相对路径，以 / 分隔，不得有空段、“.”、“..”或首尾空格。";
        }

        return Reserved.Contains(path, StringComparer.OrdinalIgnoreCase) ? $"“{path}”是归档包的保留文件名。" : null;
    }
}
