using Ggzy.Platform.Blobs;
using Ggzy.Platform.Data;
using Ggzy.Platform.Errors;
using Microsoft.Extensions.Options;

namespace Ggzy.Trading.Features.Bids;

/// <summary>Bound from <c>Trading:Bids</c>.</summary>
internal sealed class BidOptions
{
    public const string SectionName = "Trading:Bids";

    /// <summary>The vault's root; default <c>{data directory}/bids</c>. Several web nodes must share it.</summary>
    public string? Directory { get; set; }

    /// <summary>The largest envelope accepted (bytes); default 2 GiB, the format's limit.</summary>
    public long MaxEnvelopeBytes { get; set; } = 2L << 30;

    /// <summary>The largest chunk (bytes); default 16 MiB.</summary>
    public int MaxChunkBytes { get; set; } = 16 << 20;
}

/// <summary>
/// Where envelopes are kept: <c>{root}/{lotId}/{uploadId}.gse</c>. An upload's file grows chunk by chunk (its length
/// is how much arrived); when the upload completes the file is flushed to disk, and its directory with it, before the
/// bid's record is committed — so a receipted bid is never missing its bytes after a crash.
/// </summary>
internal sealed class BidVault(IOptions<BidOptions> options, IOptions<DatabaseOptions> database) : IDisposable
{
    private const int BufferBytes = 1 << 20;

    /// <summary>
    /// Writes and flushes to disk block the thread that makes them (on Linux there is no asynchronous file I/O), and in
    /// the deadline rush the disk is the bottleneck: hundreds of uploads blocked at once would take every thread of the
    /// pool, and requests that only wait for the database would starve. So only a few file operations block at a time;
    /// the others wait for their turn without holding a thread.
    /// </summary>
    private readonly SemaphoreSlim _blocking = new(Math.Max(4, 2 * Environment.ProcessorCount));

    public string Root { get; } = Path.GetFullPath(options.Value.Directory ?? Path.Combine(database.Value.DataDirectory, "bids"));

    public BidOptions Options => options.Value;

    public string PathOf(Guid lotId, Guid uploadId) => Path.Combine(Root, lotId.ToString("D"), uploadId.ToString("D") + ".gse");

    public void Create(Guid lotId, Guid uploadId)
    {
        var path = PathOf(lotId, uploadId);
        var directory = Path.GetDirectoryName(path)!;
        var isNew = !System.IO.Directory.Exists(directory);
        System.IO.Directory.CreateDirectory(directory);
        using (new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None))
        {
        }

        DurableDirectory.Flush(directory);
        if (isNew)
        {
            DurableDirectory.Flush(Root);
        }
    }

    /// <summary>How many bytes of the upload arrived; 0 when its file is gone.</summary>
    public long Received(Guid lotId, Guid uploadId)
    {
        var file = new FileInfo(PathOf(lotId, uploadId));
        return file.Exists ? file.Length : 0;
    }

    /// <summary>
    /// Appends a chunk that must start at <paramref name="offset"/> and may not pass <paramref name="size"/>. A chunk
    /// that does not fit is refused and leaves the file as it was; one cut off by the network keeps what arrived.
    /// <paramref name="written"/> sees each piece after it was written to the file.
    /// </summary>
    public async Task<long> AppendAsync(
        Guid lotId, Guid uploadId, long offset, long size, Stream chunk, Action<ReadOnlySpan<byte>>? written, CancellationToken ct)
    {
        FileStream file;
        try
        {
            file = new FileStream(PathOf(lotId, uploadId), FileMode.Open, FileAccess.ReadWrite, FileShare.None, 1);
        }
        catch (IOException) when (File.Exists(PathOf(lotId, uploadId)))
        {
            throw Busy();
        }

        await using (file)
        {
            var received = file.Length;
            if (offset != received)
            {
                throw BidRefusals.Conflict(BidErrors.CodeChunkOffset, Format(BidErrors.ChunkOffset, offset, received), received);
            }

            var room = Math.Min(size - received, Options.MaxChunkBytes);
            var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(BufferBytes);
            long count = 0;
            try
            {
                int read;
                while ((read = await chunk.ReadAtLeastAsync(buffer.AsMemory(0, BufferBytes), BufferBytes, throwOnEndOfStream: false, ct)) > 0)
                {
                    if (count + read > room)
                    {
                        file.SetLength(received);
                        throw BidRefusals.Rule(BidErrors.CodeChunkSize,
                            Format(BidErrors.ChunkSize, Options.MaxChunkBytes >> 20, size - received), 413);
                    }

                    await WriteAsync(file, buffer.AsMemory(0, read), received + count, ct);
                    written?.Invoke(buffer.AsSpan(0, read));
                    count += read;
                }
            }
            finally
            {
                System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
            }

            if (count == 0)
            {
                throw BidRefusals.Rule(BidErrors.CodeChunkSize, Format(BidErrors.ChunkSize, Options.MaxChunkBytes >> 20, size - received));
            }

            return received + count;
        }
    }

    /// <summary>Opens a whole upload for completion, exclusively, after flushing it and its directory to disk.</summary>
    public async Task<FileStream> OpenDurableAsync(Guid lotId, Guid uploadId, CancellationToken ct)
    {
        var path = PathOf(lotId, uploadId);
        FileStream file;
        try
        {
            file = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None, BufferBytes, FileOptions.SequentialScan);
        }
        catch (IOException) when (File.Exists(path))
        {
            throw Busy();
        }

        try
        {
            await _blocking.WaitAsync(ct);
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }

        try
        {
            file.Flush(flushToDisk: true);
            DurableDirectory.Flush(Path.GetDirectoryName(path)!);
        }
        finally
        {
            _blocking.Release();
        }

        return file;
    }

    private async Task WriteAsync(FileStream file, ReadOnlyMemory<byte> bytes, long position, CancellationToken ct)
    {
        await _blocking.WaitAsync(ct);
        try
        {
            RandomAccess.Write(file.SafeFileHandle, bytes.Span, position);
        }
        finally
        {
            _blocking.Release();
        }
    }

    public void Dispose() => _blocking.Dispose();

    public FileStream? OpenRead(Guid lotId, Guid uploadId)
    {
        var path = PathOf(lotId, uploadId);
        return File.Exists(path) ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, BufferBytes, FileOptions.SequentialScan) : null;
    }

    public void Delete(Guid lotId, Guid uploadId) => File.Delete(PathOf(lotId, uploadId));

    private static BusinessRuleException Busy() => BidRefusals.Rule(BidErrors.CodeChunkBusy, BidErrors.ChunkBusy, 409);

    private static string Format(string template, params object[] values) =>
        string.Format(System.Globalization.CultureInfo.InvariantCulture, template, values);
}

/// <summary>Refusals with a stable code for API clients.</summary>
internal static class BidRefusals
{
    public static BusinessRuleException Rule(string code, string message, int status = 422, string? citation = null, string? field = null) =>
        new(message, citation, field) { Code = code, Status = status };

    public static BusinessRuleException Conflict(string code, string message, long received) =>
        new(message) { Code = code, Status = 409, Details = new Dictionary<string, object?> { ["received"] = received } };
}
