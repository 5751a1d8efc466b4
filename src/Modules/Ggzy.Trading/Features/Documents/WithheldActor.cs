using Ggzy.Platform.Ledger;

namespace Ggzy.Trading.Features.Documents;

/// <summary>
/// The Ledger's actor for an act that would tell who obtained a lot's documents before its deadline — a download, or
/// the reading of a clarification sent only to those who downloaded (ADR 0015): withheld, so the entry names no
/// account, organisation or address; the row it seals keeps who it was.
/// </summary>
internal sealed class WithheldActor : ICurrentActorAccessor
{
    public static readonly CurrentActor Withheld = new("withheld", "market-entity", "", "");

    public CurrentActor Current => Withheld;
}
