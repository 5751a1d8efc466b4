using System.Buffers;
using System.Diagnostics;
using Ggzy.Sealing;
using Ggzy.TestKit.Bidders;

namespace Ggzy.Bench;

/// <summary>One baseline run: how long, how many bytes, this process's CPU time and the machine's.</summary>
internal sealed record BaselineRun(TimeSpan Elapsed, long Bytes, double CpuSeconds, MachineCpu Machine)
{
    public double MBps => Bytes / 1e6 / Elapsed.TotalSeconds;
}

/// <summary>
/// The machine's limit for the rush, measured in the same run: the same envelope files, read in the same chunks by as
/// many concurrent tasks as there are bidders, each written to a file of its own in a directory on the same filesystem
/// as the platform's data directory, SM3 computed over every byte, the file flushed to disk (<c>Flush(true)</c>, fsync)
/// before the task ends. No HTTP, no database, no envelope parsing: what storing a bid durably and digesting it costs
/// at the least.
/// </summary>
internal static class BidRushBaseline
{
    public static async Task<BaselineRun> RunAsync(IReadOnlyList<BidEnvelope> envelopes, string directory, int chunkBytes)
    {
        Directory.CreateDirectory(directory);
        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var tasks = envelopes.Select(envelope => Task.Run(async () =>
        {
            await go.Task;
            return await CopyAsync(envelope, Path.Combine(directory, Path.GetFileName(envelope.Path)), chunkBytes);
        })).ToArray();
        var machine = MachineCpu.Read();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var started = Stopwatch.GetTimestamp();
        go.SetResult();
        await Task.WhenAll(tasks);
        var elapsed = Stopwatch.GetElapsedTime(started);
        var run = new BaselineRun(elapsed, envelopes.Sum(e => e.Size), (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds,
            MachineCpu.Read() - machine);
        Directory.Delete(directory, recursive: true);
        return run;
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

    /// <summary>Single-core SM3 throughput over data in memory (best of three passes over 256 MiB), MB/s.</summary>
    public static double Sm3MBps()
    {
        var data = new byte[256 << 20];
        System.Security.Cryptography.RandomNumberGenerator.Fill(data);
        var best = TimeSpan.MaxValue;
        for (var i = 0; i < 3; i++)
        {
            var started = Stopwatch.GetTimestamp();
            Sm3.Hash(data);
            var elapsed = Stopwatch.GetElapsedTime(started);
            best = elapsed < best ? elapsed : best;
        }

        return data.Length / 1e6 / best.TotalSeconds;
    }
}
