using System.Collections.Concurrent;
using Ggzy.Sealing.Envelope;

namespace Ggzy.Trading.Features.Bids;

/// <summary>
/// The envelopes of open uploads, hashed as their chunks arrive (<see cref="EnvelopeInspector"/>), so that completing an
/// upload only has to flush the file and check the header: the bytes are not read back. Kept in this process's memory
/// only, and only while the inspector has seen exactly the bytes the file holds: an inspector is taken for a chunk only
/// when it has consumed as many bytes as the chunk's offset, and put back only after the chunk was written whole. A
/// chunk cut off or refused, a restart, a chunk that another web node took, or an envelope whose first bytes are already
/// wrong leave no inspector — and the completion then reads the file through <see cref="SealedEnvelope.Inspect"/> as
/// before, with the same result.
/// </summary>
internal sealed class BidInspections
{
    /// <summary>At most this many open uploads are hashed as they arrive (each holds its envelope's header, ~1 MiB at most); the others at completion.</summary>
    public const int MaxOpen = 2000;

    private readonly ConcurrentDictionary<Guid, EnvelopeInspector> _open = new();

    /// <summary>An inspector that has consumed exactly <paramref name="offset"/> bytes of the upload (a new one at 0), or null.</summary>
    public EnvelopeInspector? Take(Guid uploadId, long offset, long size)
    {
        if (offset == 0)
        {
            return _open.Count < MaxOpen ? new EnvelopeInspector(size) : null;
        }

        return _open.TryGetValue(uploadId, out var inspector) && inspector.Consumed == offset
            && _open.TryRemove(new KeyValuePair<Guid, EnvelopeInspector>(uploadId, inspector))
            ? inspector
            : null;
    }

    /// <summary>Keeps an inspector that has consumed every byte the upload's file now holds.</summary>
    public void Keep(Guid uploadId, EnvelopeInspector inspector)
    {
        if (_open.Count < MaxOpen || _open.ContainsKey(uploadId))
        {
            _open[uploadId] = inspector;
        }
    }

    /// <summary>
    /// The inspection of a whole upload of <paramref name="size"/> bytes if its bytes were hashed as they arrived, or
    /// null. Throws <see cref="EnvelopeException"/> as <see cref="SealedEnvelope.Inspect"/> would.
    /// </summary>
    public EnvelopeInspection? Finish(Guid uploadId, long size) =>
        _open.TryRemove(uploadId, out var inspector) && inspector.Consumed == size ? inspector.Finish() : null;

    public void Forget(Guid uploadId) => _open.TryRemove(uploadId, out _);
}
