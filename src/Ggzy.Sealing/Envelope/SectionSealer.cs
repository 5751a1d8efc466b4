using System.Buffers;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Macs;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Security;

namespace Ggzy.Sealing.Envelope;

/// <summary>Encrypts one section piece by piece (docs/sealed-envelope.md §3), computing its header entry on the way.</summary>
internal static class SectionSealer
{
    private const int PieceBytes = 1 << 20;

    /// <summary>
    /// Writes the SM4-CBC-PKCS7 ciphertext of <paramref name="section"/> to <paramref name="cipherOutput"/> and returns its
    /// entry (lengths, IV, HMAC-SM3 of the plaintext, SM3 of the ciphertext), holding at most two 1 MiB pieces.
    /// </summary>
    public static SectionEntry Encrypt(SectionInput section, byte[] contentKey, byte[] iv, Stream cipherOutput)
    {
        var cipher = CipherUtilities.GetCipher("SM4/CBC/PKCS7Padding");
        cipher.Init(true, new ParametersWithIV(new KeyParameter(contentKey), iv));
        var mac = new HMac(new SM3Digest());
        mac.Init(new KeyParameter(contentKey));
        var sm3 = new Sm3();
        long plainLength = 0;
        long cipherLength = 0;
        var plain = ArrayPool<byte>.Shared.Rent(PieceBytes);
        var encrypted = ArrayPool<byte>.Shared.Rent(cipher.GetOutputSize(PieceBytes));
        try
        {
            void Emit(int count)
            {
                sm3.Append(encrypted.AsSpan(0, count));
                cipherOutput.Write(encrypted, 0, count);
                cipherLength += count;
            }

            int read;
            while ((read = section.Content.Read(plain, 0, PieceBytes)) > 0)
            {
                plainLength += read;
                if (plainLength > SealedEnvelope.MaxSectionBytes)
                {
                    throw new EnvelopeException(EnvelopeErrors.TooLarge,
                        $"分段“{section.Name}”超过上限（每段不超过 {SealedEnvelope.MaxSectionBytes / (1 << 20)} MB）：请拆分为多个分段。");
                }

                mac.BlockUpdate(plain, 0, read);
                Emit(cipher.ProcessBytes(plain, 0, read, encrypted, 0));
            }

            Emit(cipher.DoFinal(encrypted, 0));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(plain);
            ArrayPool<byte>.Shared.Return(encrypted);
        }

        var plainMac = new byte[mac.GetMacSize()];
        mac.DoFinal(plainMac, 0);
        return new SectionEntry(section.Name, section.FileName, plainLength, cipherLength, Convert.ToHexStringLower(iv),
            Convert.ToHexStringLower(plainMac), Convert.ToHexStringLower(sm3.Finish()));
    }
}
