using Ggzy.Trading.Domain.Archive;

namespace Ggzy.Trading.Features.Archive;

/// <summary>
/// One part of a lot's record that goes into its archive package (R20, T21): the announcements and documents, the bids,
/// the opening, the evaluation, the award and the contract each contribute their files. The archive asks every
/// registered section when the lot closes.
/// </summary>
internal interface ILotArchiveSection
{
    /// <summary>The lot's documents this section keeps; empty when the lot never reached it.</summary>
    Task<IReadOnlyList<ArchiveDocument>> DocumentsAsync(Guid lotId, CancellationToken ct);
}
