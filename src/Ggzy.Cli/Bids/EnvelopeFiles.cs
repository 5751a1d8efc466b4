using Ggzy.Sealing;
using Ggzy.Sealing.Envelope;

namespace Ggzy.Cli.Bids;

/// <summary>What the tool needs to know of an envelope file before it sends it.</summary>
internal sealed record EnvelopeFacts(string Path, string LotCode, string BidderCreditCode, string Digest, long Size, EnvelopeHeader Header);

/// <summary>
/// Reads an envelope file's header and its digest, SM3(header bytes ‖ signature) as docs/bid-submission.md defines it.
/// The one place that computes the digest, to be replaced by the Sealing library's own once it has one.
/// </summary>
internal static class EnvelopeFiles
{
    public static EnvelopeFacts Describe(string path)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
            var envelope = SealedEnvelope.Read(stream);
            return new EnvelopeFacts(path, envelope.Header.LotCode, envelope.Header.BidderCreditCode,
                Digest(envelope.HeaderBytes, envelope.Signature), stream.Length, envelope.Header);
        }
        catch (EnvelopeException e)
        {
            throw new CliException($"{path} 不是有效的密封投标文件（{e.Code}）：{e.Message}");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"无法读取投标文件 {path}：{e.Message}");
        }
    }

    private static string Digest(byte[] headerBytes, byte[] signature)
    {
        var sm3 = new Sm3();
        sm3.Append(headerBytes);
        sm3.Append(signature);
        return Convert.ToHexStringLower(sm3.Finish());
    }
}
