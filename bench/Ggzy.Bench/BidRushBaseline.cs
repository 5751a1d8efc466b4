using System.Buffers;
using System.Diagnostics;
using Ggzy.Sealing;
using Ggzy.TestKit.Bidders;

namespace Ggzy.Bench;

/// <summary>
/// The machine's limit for the rush, measured in the same run: the same envelope files, read in the same chunks by as
/// many concurrent tasks as there are bidders, each written to a file of its own in a directory on the same filesystem
/// as the platform's data directory, SM3 computed over every byte, the file flushed to disk (<c>Flush(true)</c>, fsync)
/// before the task ends. No HTTP, no database, no envelope parsing: what storing a bid durably and digesting it costs
/// at the least.
/// </summary>
internal static class BidRushBaseline
{
    public static async Task<(TimeSpan Elapsed, long Bytes)> RunAsync(IReadOnlyList<BidEnvelope> envelopes, string directory, int chunkBytes)
    {
        Directory.CreateDirectory(directory);
        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var tasks = envelopes.Select(envelope => Task.Run(async () =>
        {
            await go.Task;
            return await CopyAsync(envelope, Path.Combine(directory, Path.GetFileName(envelope.Path)), chunkBytes);
        })).ToArray();
        var started = Stopwatch.GetTimestamp();
        go.SetResult();
        await Task.WhenAll(tasks);
        var elapsed = Stopwatch.GetElapsedTime(started);
        Directory.Delete(directory, recursive: true);
        return (elapsed, envelopes.Sum(e => e.Size));
    }

    private static async Task<byte[]> CopyAsync(BidEnvelope envelope, string target, int chunkBytes)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(chunkBytes);
        try
        {
            var sm3 = new Sm3();
            await using var source = new FileStream(envelope.Path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.Asynchronous);
            await using var output = new FileStream(target, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.Asynchronous);
            int read;
            while ((read = await ReadChunkAsync(source, buffer, chunkBytes)) > 0)
            {
                sm3.Append(buffer.AsSpan(0, read));
                await output.WriteAsync(buffer.AsMemory(0, read));
            }

            output.Flush(flushToDisk: true);
            return sm3.Finish();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static async Task<int> ReadChunkAsync(Stream source, byte[] buffer, int count)
    {
        var total = 0;
        int read;
        while (total < count && (read = await source.ReadAsync(buffer.AsMemory(total, count - total))) > 0)
        {
            total += read;
        }

        return total;
    }
}
