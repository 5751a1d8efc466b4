namespace Ggzy.Cli.Bids;

/// <summary>What a submission ended with: the verified receipt, and whether the platform already held this envelope.</summary>
internal sealed record SubmissionResult(LotListing Lot, BidUpload Upload, SignedReceipt Signed, BidReceipt Receipt, bool AlreadySubmitted, long ResumedFrom);

/// <summary>
/// Delivers one envelope: opens (or reopens, by digest) an upload, sends the chunks from where the platform stands,
/// completes it and checks the receipt. After a failure it asks the platform where the upload stands and goes on from
/// there, so a lost request or answer costs a round trip, never a byte out of place or a second bid.
/// </summary>
internal sealed class BidSubmission(BidClient client, Retrier retry)
{
    private const string ChunkOffsetRefused = "BID_CHUNK_OFFSET";
    private const string UploadIncomplete = "BID_UPLOAD_INCOMPLETE";

    public async Task<SubmissionResult> RunAsync(EnvelopeFacts envelope, int chunkBytes, IProgress<long>? progress, CancellationToken ct)
    {
        var lot = await LotLookup.FindAsync(client, retry, envelope.LotCode, ct);
        var verifier = ReceiptVerifier.From(await retry.RunAsync(() => client.ReceiptKeyAsync(ct), ct));
        var upload = await retry.RunAsync(
            () => client.StartUploadAsync(lot.LotId, envelope.Size, envelope.Digest, Path.GetFileName(envelope.Path), ct), ct);
        if (upload.Size != envelope.Size || !string.Equals(upload.Digest, envelope.Digest, StringComparison.OrdinalIgnoreCase))
        {
            throw new CliException($"平台返回的上传（{upload.UploadId}）不是这个文件的（大小或摘要不符）：请联系平台。");
        }

        var alreadySubmitted = upload.Receipt is not null;
        var resumedFrom = upload.Received;
        var completions = 0;
        while (upload.Receipt is null)
        {
            EnsureOpen(upload);
            if (upload.Received < envelope.Size)
            {
                upload = await SendChunksAsync(upload, envelope, chunkBytes, progress, ct);
                continue;
            }

            progress?.Report(upload.Received);
            try
            {
                upload = await client.CompleteAsync(upload.UploadId, ct);
                if (upload.Receipt is null)
                {
                    throw new CliException($"平台确认了上传 {upload.UploadId}，却没有给出回执：请用 ggzy bid status 查询，并联系平台。");
                }
            }
            catch (Exception e) when (e is BidTransientException || (e is BidRefusedException r && r.Code == UploadIncomplete))
            {
                if (++completions > retry.Retries)
                {
                    throw;
                }

                await retry.WaitAsync(completions, ct);
                upload = await retry.RunAsync(() => client.UploadAsync(upload.UploadId, ct), ct);
            }
        }

        var receipt = verifier.VerifyFor(upload.Receipt, envelope, lot.LotId);
        return new SubmissionResult(lot, upload, upload.Receipt, receipt, alreadySubmitted, resumedFrom);
    }

    private async Task<BidUpload> SendChunksAsync(BidUpload upload, EnvelopeFacts envelope, int chunkBytes, IProgress<long>? progress, CancellationToken ct)
    {
        using var file = File.OpenHandle(envelope.Path, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.Asynchronous);
        if (RandomAccess.GetLength(file) != envelope.Size)
        {
            throw new CliException($"投标文件 {envelope.Path} 在递交过程中被改动（大小变了）：请勿在递交时修改文件，重新运行本命令。");
        }

        var buffer = new byte[(int)Math.Min(chunkBytes, envelope.Size)];
        var received = upload.Received;
        var failures = 0;
        var resyncs = 0;
        while (received < envelope.Size)
        {
            CheckPosition(received, envelope.Size);
            progress?.Report(received);
            var length = (int)Math.Min(buffer.Length, envelope.Size - received);
            await ReadExactlyAsync(file, buffer.AsMemory(0, length), received, ct);
            try
            {
                upload = await client.PutChunkAsync(upload.UploadId, received, buffer.AsMemory(0, length), ct);
                failures = 0;
                resyncs = upload.Received > received ? 0 : resyncs + 1;
                received = upload.Received;
                if (resyncs > retry.Retries)
                {
                    throw new CliException($"平台接收了数据块，但已收字节数停在 {received}：请稍后重新运行本命令，或联系平台。");
                }
            }
            catch (BidRefusedException e) when (e.Code == ChunkOffsetRefused)
            {
                // The platform holds a different number of bytes than thought (a lost answer, or another run): go on from there.
                if (++resyncs > retry.Retries)
                {
                    throw;
                }

                upload = await retry.RunAsync(() => client.UploadAsync(upload.UploadId, ct), ct);
                received = e.Received ?? upload.Received;
            }
            catch (BidTransientException) when (failures < retry.Retries)
            {
                await retry.WaitAsync(++failures, ct);
                upload = await retry.RunAsync(() => client.UploadAsync(upload.UploadId, ct), ct);
                EnsureOpen(upload);
                received = upload.Received;
            }
        }

        progress?.Report(received);
        return upload;
    }

    private static void EnsureOpen(BidUpload upload)
    {
        if (upload.Receipt is not null || string.Equals(upload.State, BidUpload.Open, StringComparison.Ordinal))
        {
            return;
        }

        throw new CliException(upload.State switch
        {
            "expired" => $"上传 {upload.UploadId} 在投标截止时仍未完成，已视为撤回投标文件（《电子招标投标办法》第二十七条）：投标截止后不能再递交。",
            "abandoned" => $"上传 {upload.UploadId} 已被放弃：请重新运行本命令开始新的上传。",
            _ => $"上传 {upload.UploadId} 的状态为 {upload.State}，不能继续：请用 ggzy bid status 查询。",
        });
    }

    private static void CheckPosition(long received, long size)
    {
        if (received < 0 || received > size)
        {
            throw new CliException($"平台报告已收到 {received} 字节，超出文件大小 {size} 字节：请联系平台。");
        }
    }

    private static async Task ReadExactlyAsync(Microsoft.Win32.SafeHandles.SafeFileHandle file, Memory<byte> buffer, long offset, CancellationToken ct)
    {
        var done = 0;
        while (done < buffer.Length)
        {
            var read = await RandomAccess.ReadAsync(file, buffer[done..], offset + done, ct);
            if (read == 0)
            {
                throw new CliException("投标文件在递交过程中被截短：请勿在递交时修改文件，重新运行本命令。");
            }

            done += read;
        }
    }
}
