using Ggzy.Sealing;

namespace Ggzy.Platform.Blobs;

/// <summary>
/// Blobs under <c>{root}/ab/cd/abcd…</c>. A blob is written to a temporary file, flushed to disk and then renamed into
/// place, so a crash never leaves a partial blob under its id.
/// </summary>
public sealed class FileSystemBlobStore(string root) : IBlobStore
{
    public async Task<BlobId> PutAsync(Stream content, CancellationToken ct)
    {
        Directory.CreateDirectory(root);
        var temp = Path.Combine(root, $".incoming-{Guid.NewGuid():N}");
        var sm3 = new Sm3();
        try
        {
            await using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous))
            {
                var buffer = new byte[81920];
                int read;
                while ((read = await content.ReadAsync(buffer, ct)) > 0)
                {
                    sm3.Append(buffer.AsSpan(0, read));
                    await file.WriteAsync(buffer.AsMemory(0, read), ct);
                }

                file.Flush(flushToDisk: true);
            }

            var id = new BlobId(Convert.ToHexStringLower(sm3.Finish()));
            var path = PathOf(id);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            if (File.Exists(path))
            {
                File.Delete(temp);
            }
            else
            {
                File.Move(temp, path, overwrite: true);
                DurableDirectory.Flush(Path.GetDirectoryName(path)!);
            }

            return id;
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
    }

    public Task<Stream?> OpenReadAsync(BlobId id, CancellationToken ct)
    {
        var path = PathOf(id);
        Stream? stream = File.Exists(path)
            ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.Asynchronous)
            : null;
        return Task.FromResult(stream);
    }

    public Task<bool> ExistsAsync(BlobId id, CancellationToken ct) => Task.FromResult(File.Exists(PathOf(id)));

    private string PathOf(BlobId id) => Path.Combine(root, id.Value[..2], id.Value[2..4], id.Value);
}
