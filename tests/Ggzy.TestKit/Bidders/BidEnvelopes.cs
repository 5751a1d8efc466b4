using System.Globalization;
using Ggzy.Sealing;
using Ggzy.Sealing.Envelope;

namespace Ggzy.TestKit.Bidders;

/// <summary>A sealed bid on disk: whose it is, where, how large, and its digest SM3(header ‖ signature).</summary>
public sealed record BidEnvelope(int BidderNumber, string Path, long Size, string Digest);

/// <summary>Real <c>ggzy.sealed-envelope.v1</c> envelopes for test bidders.</summary>
public static class BidEnvelopes
{
    /// <summary>The price sheet's plaintext length (开标一览表, about 1 KB).</summary>
    public const int PriceSheetBytes = 1024;

    /// <summary>
    /// What an envelope adds around its plaintexts (magic, lengths, a header carrying an SM2 certificate, the signature,
    /// padding): enough to aim at a total size within a few kilobytes.
    /// </summary>
    private const int Overhead = 3 * 1024;

    /// <summary>
    /// A structured price sheet (<c>ggzy.price-sheet.v1</c>, docs/bid-opening.md) of <paramref name="totalPrice"/> 元 with
    /// the usual read-out items, padded with a 备注 item to about <paramref name="length"/> bytes when that is given.
    /// </summary>
    public static byte[] PriceSheet(string lotCode, string creditCode, string totalPrice, int length = 0, string? remark = null)
    {
        string Json(string note) => System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["format"] = "ggzy.price-sheet.v1",
            ["lotCode"] = lotCode,
            ["bidderCreditCode"] = creditCode,
            ["totalPrice"] = totalPrice,
            ["items"] = new Dictionary<string, string>(StringComparer.Ordinal) { ["工期"] = "365日历天", ["质量"] = "合格", ["备注"] = note },
        });
        var note = remark ?? "";
        var json = Json(note);
        return System.Text.Encoding.UTF8.GetBytes(json.Length >= length ? json : Json(note + new string('0', length - json.Length)));
    }

    /// <summary>How many document plaintext bytes make an envelope of about <paramref name="envelopeBytes"/> in all.</summary>
    public static int DocumentBytesFor(long envelopeBytes) =>
        (int)Math.Max(1, envelopeBytes - PriceSheetBytes - Overhead);

    /// <summary>
    /// Seals a price sheet and the first <paramref name="documentLength"/> bytes of <paramref name="documents"/> for
    /// <paramref name="bidder"/> and <paramref name="lotCode"/> with the bidder's certificate, and writes the envelope to
    /// <paramref name="path"/> (through a temporary name, so a file at <paramref name="path"/> is always whole). Each
    /// seal draws a fresh content key and IVs, so the same plaintext gives a different envelope and digest every time.
    /// </summary>
    public static BidEnvelope Seal(string path, string lotCode, BidderIdentity bidder, byte[] priceSheet, byte[] documents, int documentLength)
    {
        ArgumentNullException.ThrowIfNull(bidder);
        var number = bidder.Number.ToString("D6", CultureInfo.InvariantCulture);
        var tool = new ToolFingerprint("ggzy-bid 1.0.0", Sm3.HashHex(System.Text.Encoding.UTF8.GetBytes(bidder.CreditCode))[..32],
            $"02:42:ac:{number[..2]}:{number[2..4]}:{number[4..]}");
        var temporary = path + ".partial";
        using (var output = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20))
        {
            SealedEnvelope.Seal(lotCode, bidder.CreditCode, tool,
            [
                new SectionInput(SealedEnvelope.PriceSheet, "开标一览表.pdf", new MemoryStream(priceSheet, writable: false)),
                new SectionInput("documents", "投标文件.zip", new MemoryStream(documents, 0, documentLength, writable: false)),
            ], bidder.Certificate.Certificate, bidder.Certificate.Key, output);
        }

        File.Move(temporary, path, overwrite: true);
        return new BidEnvelope(bidder.Number, path, new FileInfo(path).Length, SealedEnvelope.DigestOfFile(path));
    }
}
