using System.Text;
using System.Text.Json;
using Ggzy.Sealing.Pki;

namespace Ggzy.Cli.Bids;

/// <summary>
/// Checks a receipt (回执, 20号令 第二十八条) against the platform's published receipt key: SM3withSM2 over the exact
/// bytes of <c>receiptJson</c>, then that the signed fields name the envelope that was sent. Only the signed text is
/// believed; the parsed copy beside it is ignored.
/// </summary>
internal sealed class ReceiptVerifier
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly PublicKey _key;

    private ReceiptVerifier(PublicKey key) => _key = key;

    public static ReceiptVerifier From(ReceiptKey key)
    {
        if (!string.Equals(key.Algorithm, "SM2", StringComparison.OrdinalIgnoreCase))
        {
            throw new CliException($"平台的回执签名算法为 {key.Algorithm}：本工具只接受 SM2 签名的回执，请升级投标工具或联系平台。");
        }

        PublicKey publicKey;
        try
        {
            publicKey = PublicKey.Parse(Encoding.ASCII.GetBytes(key.PublicKeyPem ?? ""));
        }
        catch (CertificateFormatException)
        {
            throw new CliException("平台公布的回执公钥无法读取（GET /bids/receipt-key）：无法核验回执，请联系平台。");
        }

        return publicKey.Algorithm == KeyAlgorithm.Sm2 && string.Equals(publicKey.Fingerprint, key.Fingerprint, StringComparison.OrdinalIgnoreCase)
            ? new ReceiptVerifier(publicKey)
            : throw new CliException("平台公布的回执公钥与其指纹不符，或不是 SM2 公钥：无法核验回执，请联系平台。");
    }

    /// <summary>The signed receipt's fields, when its signature verifies; otherwise a refusal that says not to rely on it.</summary>
    public BidReceipt Verify(SignedReceipt signed)
    {
        if (!string.Equals(signed.KeyFingerprint, _key.Fingerprint, StringComparison.OrdinalIgnoreCase) || !SignatureHolds(signed))
        {
            throw new CliException("平台回执的签名验证失败：回执不是用平台公布的回执密钥签发的，或已被改动。"
                + "请勿以此作为递交凭证，用 ggzy bid status 重新查询，并联系平台核实（《电子招标投标办法》第二十八条）。");
        }

        BidReceipt? receipt;
        try
        {
            receipt = JsonSerializer.Deserialize<BidReceipt>(signed.ReceiptJson, Json);
        }
        catch (JsonException)
        {
            receipt = null;
        }

        return receipt is { Format: BidReceipt.FormatV1, Digest: not null, LotCode: not null, BidId: not null }
            ? receipt
            : throw new CliException($"平台回执的格式无法识别（应为 {BidReceipt.FormatV1}）：请升级投标工具。");
    }

    /// <summary>Verifies the receipt and that it names this envelope (digest, size) and this lot.</summary>
    public BidReceipt VerifyFor(SignedReceipt signed, EnvelopeFacts envelope, string lotId)
    {
        var receipt = Verify(signed);
        if (!string.Equals(receipt.Digest, envelope.Digest, StringComparison.OrdinalIgnoreCase) || receipt.Size != envelope.Size
            || !string.Equals(receipt.LotCode, envelope.LotCode, StringComparison.Ordinal)
            || !string.Equals(receipt.LotId, lotId, StringComparison.OrdinalIgnoreCase))
        {
            throw new CliException($"平台回执与所递交的文件不符：回执为标段 {receipt.LotCode}、摘要 {receipt.Digest}、{receipt.Size} 字节，"
                + $"而文件为标段 {envelope.LotCode}、摘要 {envelope.Digest}、{envelope.Size} 字节。请勿以此作为递交凭证，并联系平台核实。");
        }

        return receipt;
    }

    private bool SignatureHolds(SignedReceipt signed)
    {
        try
        {
            return _key.Verify(Encoding.UTF8.GetBytes(signed.ReceiptJson), Convert.FromBase64String(signed.Signature));
        }
        catch (Exception e) when (e is FormatException or ArgumentException)
        {
            return false;
        }
    }
}
