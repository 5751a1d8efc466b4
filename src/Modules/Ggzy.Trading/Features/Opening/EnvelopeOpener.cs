using Ggzy.Sealing.Envelope;
using Ggzy.Trading.Features.Bids;

namespace Ggzy.Trading.Features.Opening;

/// <summary>A decrypted section: its header entry and where its plaintext is (a readable, seekable stream).</summary>
internal sealed record OpenedSection(string Name, string FileName, long Length, Stream Content);

/// <summary>
/// Opens a stored envelope at the opening. <see cref="CheckAsync"/> is the sealing check (no key): the file still has
/// its digest, its ciphertexts their SM3 and the header its signature — a failure there is the platform's.
/// <see cref="OpenAsync"/> decrypts every section with the content key and checks each plaintext's length and
/// HMAC-SM3 — after a passed check, a failure there is the key's. One seam, so that the tests and other deployments can put their own opener behind it.
/// </summary>
internal interface IEnvelopeOpener
{
    /// <summary>The envelope digest if the file is whole and verifies; an <see cref="EnvelopeException"/> (or an IO error) if not.</summary>
    Task<string> CheckAsync(string path, CancellationToken ct);

    /// <summary>The sections in header order, price sheet first; throws <see cref="EnvelopeException"/> for a wrong key.</summary>
    Task<IReadOnlyList<OpenedSection>> OpenAsync(string path, byte[] contentKey, CancellationToken ct);
}

/// <summary>
/// Opens stored envelopes with the streaming <see cref="Sealing.Envelope.EnvelopeOpener"/> (system libcrypto where it
/// loads, BouncyCastle otherwise; docs/sealed-envelope.md §9): the envelope is read once in bounded memory and each
/// section's plaintext goes to a work file beside the bid vault, deleted when its stream is closed — or at once when the
/// key turns out wrong, so nothing of a failed decryption stays.
/// </summary>
internal sealed class StreamingEnvelopeOpener(BidVault vault) : IEnvelopeOpener
{
    private const int BufferBytes = 1 << 20;

    private string WorkDirectory => Path.Combine(vault.Root, ".opening");

    public Task<string> CheckAsync(string path, CancellationToken ct)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, BufferBytes, FileOptions.SequentialScan);
        var inspection = SealedEnvelope.Inspect(file, file.Length);
        if (inspection.Verify() is { IsValid: false } invalid)
        {
            throw new EnvelopeException(invalid.Code!, invalid.Reason!);
        }

        return Task.FromResult(inspection.Digest);
    }

    public Task<IReadOnlyList<OpenedSection>> OpenAsync(string path, byte[] contentKey, CancellationToken ct)
    {
        Directory.CreateDirectory(WorkDirectory);
        var work = new List<(SectionEntry Entry, string Path)>();
        try
        {
            Sealing.Envelope.EnvelopeOpener.Default.OpenFile(path, contentKey, (_, entry) =>
            {
                var file = Path.Combine(WorkDirectory, Guid.NewGuid().ToString("N"));
                work.Add((entry, file));
                return new FileStream(file, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferBytes);
            }, ct);
        }
        catch
        {
            foreach (var (_, file) in work)
            {
                File.Delete(file);
            }

            throw;
        }

        IReadOnlyList<OpenedSection> sections =
        [
            .. work.Select(w => new OpenedSection(w.Entry.Name, w.Entry.FileName, w.Entry.PlainLength,
                new FileStream(w.Path, FileMode.Open, FileAccess.Read, FileShare.None, BufferBytes, FileOptions.DeleteOnClose | FileOptions.SequentialScan))),
        ];
        return Task.FromResult(sections);
    }
}
