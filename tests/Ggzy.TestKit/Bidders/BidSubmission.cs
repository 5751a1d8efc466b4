using System.Buffers;
using System.Diagnostics;

namespace Ggzy.TestKit.Bidders;

/// <summary>How far a submission has come, as its client knows it.</summary>
public enum SubmissionStage
{
    /// <summary>The upload exists; no byte acknowledged yet.</summary>
    Begun,

    /// <summary>A chunk was acknowledged; the upload is part way.</summary>
    ChunkAcknowledged,

    /// <summary>Every byte was acknowledged and the complete call is on its way: the answer may yet be lost.</summary>
    Completing,

    /// <summary>The receipt arrived.</summary>
    Receipted,
}

/// <summary>A bid that got its receipt, with the client's timestamps (<see cref="Stopwatch.GetTimestamp"/>).</summary>
public sealed record SubmittedBid(BidEnvelope Envelope, Guid UploadId, BidReceipt Receipt, long StartedAt, long LastChunkAt, long ReceiptAt)
{
    /// <summary>From the answer to the last chunk to the receipt: what the platform takes to make the bid durable and sign for it.</summary>
    public TimeSpan LastByteToReceipt => Stopwatch.GetElapsedTime(LastChunkAt, ReceiptAt);
}

/// <summary>One envelope through the chunked upload: begin, PUT each chunk at its offset, complete.</summary>
public static class BidSubmission
{
    public const int DefaultChunkBytes = 8 << 20;

    public static async Task<SubmittedBid> SubmitAsync(
        BidClient client, string token, Guid lotId, BidEnvelope envelope, int chunkBytes = DefaultChunkBytes,
        Action<BidUpload, SubmissionStage>? observe = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(envelope);
        var started = Stopwatch.GetTimestamp();
        var upload = await client.BeginAsync(token, lotId, envelope.Size, envelope.Digest, Path.GetFileName(envelope.Path), ct);
        observe?.Invoke(upload, SubmissionStage.Begun);
        var buffer = ArrayPool<byte>.Shared.Rent(chunkBytes);
        try
        {
            using var file = File.OpenHandle(envelope.Path, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.Asynchronous);
            var offset = upload.Received;
            while (offset < envelope.Size)
            {
                var count = (int)Math.Min(chunkBytes, envelope.Size - offset);
                var read = 0;
                while (read < count)
                {
                    read += await RandomAccess.ReadAsync(file, buffer.AsMemory(read, count - read), offset + read, ct);
                }

                upload = await client.PutChunkAsync(token, upload.UploadId, offset, buffer, count, ct);
                offset = upload.Received;
                observe?.Invoke(upload, SubmissionStage.ChunkAcknowledged);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        var lastChunk = Stopwatch.GetTimestamp();
        observe?.Invoke(upload, SubmissionStage.Completing);
        var completed = await client.CompleteAsync(token, upload.UploadId, ct);
        var receipted = Stopwatch.GetTimestamp();
        var receipt = completed.Receipt ?? throw new InvalidOperationException($"Upload {upload.UploadId} completed without a receipt.");
        observe?.Invoke(completed, SubmissionStage.Receipted);
        return new SubmittedBid(envelope, upload.UploadId, receipt, started, lastChunk, receipted);
    }
}
