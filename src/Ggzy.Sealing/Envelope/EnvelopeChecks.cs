using Ggzy.Sealing.Pki;

namespace Ggzy.Sealing.Envelope;

/// <summary>
/// The verification of docs/sealed-envelope.md §6 that needs no key, shared by <see cref="SealedEnvelope"/> (sections in
/// memory) and <see cref="EnvelopeInspection"/> (sections hashed while streamed).
/// </summary>
internal static class EnvelopeChecks
{
    /// <summary>The certificate embedded in the header, or null when it cannot be read.</summary>
    public static Certificate? ParseCertificate(EnvelopeHeader header)
    {
        try
        {
            return Certificate.Parse(Convert.FromBase64String(header.Certificate));
        }
        catch (Exception e) when (e is CertificateFormatException or FormatException)
        {
            return null;
        }
    }

    /// <summary>
    /// Checks, in order: the certificate, the wrap algorithm against its key, the credit code against its subject, the
    /// signature over the header bytes, then each section's ciphertext SM3 (<paramref name="cipherSm3"/>, asked only
    /// when everything before holds).
    /// </summary>
    public static EnvelopeVerification Verify(
        EnvelopeHeader header, byte[] headerBytes, byte[] signature, Certificate? certificate, Func<int, string> cipherSm3)
    {
        if (certificate is null)
        {
            return new(EnvelopeErrors.CertificateProblem, "信封内嵌的投标人证书无法读取：请使用 CA 颁发的有效数字证书重新密封。");
        }

        var expectedWrap = KeyWrapping.AlgorithmFor(certificate.KeyAlgorithm);
        if (expectedWrap is null || !string.Equals(expectedWrap, header.KeyWrap.Algorithm, StringComparison.Ordinal))
        {
            return new(EnvelopeErrors.KeyUnwrap,
                $"内容密钥的封装算法与投标人证书不符（SM2 证书用 {SealedEnvelope.WrapSm2}，RSA 证书用 {SealedEnvelope.WrapRsaOaep}，ECDSA 证书用 {SealedEnvelope.WrapEcies}）：请用投标工具重新密封。");
        }

        var creditCodes = certificate.SubjectValues(Certificate.OrganizationIdentifier);
        if (creditCodes.Count > 0 && !creditCodes.Contains(header.BidderCreditCode, StringComparer.Ordinal))
        {
            return new(EnvelopeErrors.CertificateProblem, "信封头中的投标人统一社会信用代码与签名证书不一致：请使用本单位的数字证书密封。");
        }

        if (!certificate.VerifySignature(headerBytes, signature))
        {
            return new(EnvelopeErrors.Signature, "投标人签名验证失败：信封头被改动或签名不属于内嵌证书（《电子招标投标办法》第二十六条）。");
        }

        for (var i = 0; i < header.Sections.Count; i++)
        {
            if (!string.Equals(cipherSm3(i), header.Sections[i].CipherSm3, StringComparison.Ordinal))
            {
                return new(EnvelopeErrors.CipherDigest, $"分段“{header.Sections[i].Name}”的密文 SM3 摘要与信封头不符：文件在传输或存储中被改动。");
            }
        }

        return EnvelopeVerification.Valid;
    }
}
