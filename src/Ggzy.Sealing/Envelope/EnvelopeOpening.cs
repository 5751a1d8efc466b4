using Ggzy.Sealing.Pki;

namespace Ggzy.Sealing.Envelope;

/// <summary>
/// Where <see cref="EnvelopeOpener"/> writes a section's plaintext: called once per section, in header order, with the
/// section's index and entry; returns a stream (which the opener disposes when the section ends, verified or not) or
/// null to verify the section without keeping its plaintext.
/// </summary>
public delegate Stream? SectionSink(int index, SectionEntry section);

/// <summary>An envelope that opened: every section decrypted, its length, padding and HMAC-SM3 checked.</summary>
/// <param name="Header">The signed header; its sections are the opened ones, in order.</param>
/// <param name="Digest">The envelope digest, SM3(header bytes ‖ signature), lower-case hex.</param>
/// <param name="Certificate">The signer's certificate (its trust is the platform's to decide).</param>
/// <param name="Length">The envelope's length in bytes.</param>
public sealed record OpenedEnvelope(EnvelopeHeader Header, string Digest, Certificate Certificate, long Length)
{
    /// <summary>The plaintext bytes of all sections.</summary>
    public long PlainBytes => Header.Sections.Sum(s => s.PlainLength);
}

/// <summary>One envelope file for <see cref="EnvelopeOpener.OpenManyAsync"/>: its path, its content key, where its sections go.</summary>
public sealed record EnvelopeToOpen(string Path, byte[] ContentKey, SectionSink? Sinks = null);

/// <summary>
/// The outcome for one envelope of <see cref="EnvelopeOpener.OpenManyAsync"/>: <see cref="Opened"/>, or the
/// <see cref="Failure"/> — an <see cref="EnvelopeException"/> with its stable code when the envelope or the key is at
/// fault, an I/O or cryptographic-library error when the platform is.
/// </summary>
public sealed record EnvelopeOpenResult(EnvelopeToOpen Envelope, OpenedEnvelope? Opened, Exception? Failure)
{
    public bool IsOpened => Opened is not null;

    /// <summary>The envelope error code (<see cref="EnvelopeErrors"/>), or null when opened or when the failure is the platform's.</summary>
    public string? Code => (Failure as EnvelopeException)?.Code;
}
