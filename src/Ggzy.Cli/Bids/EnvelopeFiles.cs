using Ggzy.Sealing.Envelope;

namespace Ggzy.Cli.Bids;

/// <summary>What the tool needs to know of an envelope file before it sends it.</summary>
internal sealed record EnvelopeFacts(string Path, string LotCode, string BidderCreditCode, string Digest, long Size, EnvelopeHeader Header);

/// <summary>
/// Reads an envelope file once, in bounded memory, and checks it as the platform will (structure, certificate,
/// signature, ciphertext digests), so that a damaged file is refused here rather than after its upload. Its digest is
/// SM3(header bytes ‖ signature) as docs/bid-submission.md defines it.
/// </summary>
internal static class EnvelopeFiles
{
    public static EnvelopeFacts Describe(string path)
    {
        EnvelopeInspection inspection;
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
            inspection = SealedEnvelope.Inspect(stream);
        }
        catch (EnvelopeException e)
        {
            throw new CliException($"{path} 不是有效的密封投标文件（{e.Code}）：{e.Message}");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"无法读取投标文件 {path}：{e.Message}");
        }

        if (inspection.Verify() is { IsValid: false } invalid)
        {
            throw new CliException($"{path} 未通过校验（{invalid.Code}）：{invalid.Reason} 请用 ggzy bid seal 重新密封。");
        }

        var header = inspection.Header;
        return new EnvelopeFacts(path, header.LotCode, header.BidderCreditCode, inspection.Digest, inspection.Length, header);
    }
}
