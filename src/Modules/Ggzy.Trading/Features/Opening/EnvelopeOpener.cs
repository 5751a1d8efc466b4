using Ggzy.Sealing.Envelope;

namespace Ggzy.Trading.Features.Opening;

/// <summary>A decrypted section: its header entry and where its plaintext is (a readable, seekable stream).</summary>
internal sealed record OpenedSection(string Name, string FileName, long Length, Stream Content);

/// <summary>
/// Opens a stored envelope at the opening. <see cref="CheckAsync"/> is the sealing check (no key): the file still has
/// its digest, its ciphertexts their SM3 and the header its signature — a failure there is the platform's.
/// <see cref="OpenAsync"/> decrypts every section with the content key and checks each plaintext's length and
/// HMAC-SM3 — after a passed check, a failure there is the key's. One seam, so a streaming opener can replace this one.
/// </summary>
internal interface IEnvelopeOpener
{
    /// <summary>The envelope digest if the file is whole and verifies; an <see cref="EnvelopeException"/> (or an IO error) if not.</summary>
    Task<string> CheckAsync(string path, CancellationToken ct);

    /// <summary>The sections in header order, price sheet first; throws <see cref="EnvelopeException"/> for a wrong key.</summary>
    Task<IReadOnlyList<OpenedSection>> OpenAsync(string path, byte[] contentKey, CancellationToken ct);
}

/// <summary>The reference opener: <see cref="SealedEnvelope.Inspect"/>, then <see cref="SealedEnvelope.Read"/> and <see cref="SealedEnvelope.Unseal"/> in memory.</summary>
internal sealed class SealedEnvelopeOpener : IEnvelopeOpener
{
    public Task<string> CheckAsync(string path, CancellationToken ct)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20, FileOptions.SequentialScan);
        var inspection = SealedEnvelope.Inspect(file, file.Length);
        if (inspection.Verify() is { IsValid: false } invalid)
        {
            throw new EnvelopeException(invalid.Code!, invalid.Reason!);
        }

        return Task.FromResult(inspection.Digest);
    }

    public Task<IReadOnlyList<OpenedSection>> OpenAsync(string path, byte[] contentKey, CancellationToken ct)
    {
        SealedEnvelope envelope;
        using (var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20, FileOptions.SequentialScan))
        {
            envelope = SealedEnvelope.Read(file);
        }

        IReadOnlyList<OpenedSection> sections =
        [
            .. envelope.Unseal(contentKey).Select(s => new OpenedSection(s.Entry.Name, s.Entry.FileName, s.Content.LongLength,
                new MemoryStream(s.Content, writable: false))),
        ];
        return Task.FromResult(sections);
    }
}
