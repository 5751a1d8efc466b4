using Ggzy.Sealing.Pki;

namespace Ggzy.Sealing.Envelope;

/// <summary>
/// What <see cref="SealedEnvelope.Inspect"/> learnt from an envelope streamed once through SM3: the signed header, the
/// signature, the SM3 of each section's ciphertext as computed (not as declared) and the envelope's length. Holds no
/// ciphertext, so envelopes of any permitted size are checked in bounded memory.
/// </summary>
public sealed class EnvelopeInspection
{
    internal EnvelopeInspection(EnvelopeHeader header, byte[] headerBytes, byte[] signature, IReadOnlyList<string> cipherSm3, long length)
    {
        Header = header;
        HeaderBytes = headerBytes;
        Signature = signature;
        CipherSm3 = cipherSm3;
        Length = length;
        Digest = SealedEnvelope.DigestOf(headerBytes, signature);
        Certificate = EnvelopeChecks.ParseCertificate(header);
    }

    public EnvelopeHeader Header { get; }

    /// <summary>The header exactly as signed (UTF-8 JSON).</summary>
    public byte[] HeaderBytes { get; }

    public byte[] Signature { get; }

    /// <summary>The SM3 of each section's ciphertext as read, lower-case hex, in header order.</summary>
    public IReadOnlyList<string> CipherSm3 { get; }

    /// <summary>The envelope's length in bytes (prefix and every ciphertext).</summary>
    public long Length { get; }

    /// <summary>The envelope digest: SM3(header bytes ‖ signature), lower-case hex (docs/bid-submission.md).</summary>
    public string Digest { get; }

    /// <summary>The signer's certificate embedded in the header, or null when it cannot be read.</summary>
    public Certificate? Certificate { get; }

    /// <summary>The same checks as <see cref="SealedEnvelope.Verify"/>, with the ciphertext digests computed while streaming.</summary>
    public EnvelopeVerification Verify() => EnvelopeChecks.Verify(Header, HeaderBytes, Signature, Certificate, i => CipherSm3[i]);
}
