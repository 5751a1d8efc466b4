namespace Ggzy.Platform.Blobs;

/// <summary>
/// Content-addressed file storage: a blob's id is the SM3 digest of its bytes, so the same content is stored once
/// and a stored blob can be checked against its id. A local directory by default; a shared store serves several nodes.
/// </summary>
public interface IBlobStore
{
    Task<BlobId> PutAsync(Stream content, CancellationToken ct);

    Task<Stream?> OpenReadAsync(BlobId id, CancellationToken ct);

    Task<bool> ExistsAsync(BlobId id, CancellationToken ct);
}

public readonly record struct BlobId
{
    public BlobId(string value)
    {
        if (value.Length != 64 || !value.All(Uri.IsHexDigit) || value.Any(char.IsUpper))
        {
            throw new FormatException("文件标识应为 64 位小写十六进制 SM3 摘要。");
        }

        Value = value;
    }

    public string Value { get; }

    public override string ToString() => Value;
}
