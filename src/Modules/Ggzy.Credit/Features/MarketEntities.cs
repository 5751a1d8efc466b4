using Ggzy.Credit.Contracts;
using Ggzy.Credit.Features.MarketEntityDirectory;
using Ggzy.Credit.Features.RegisterMarketEntity;

namespace Ggzy.Credit.Features;

/// <summary>The contract's implementation: each call goes to its use case.</summary>
internal sealed class MarketEntities(RegisterMarketEntityHandler register, MarketEntityDirectoryQuery queries) : IMarketEntities
{
    public Task<MarketEntityInfo> RegisterAsync(RegisterMarketEntityInput input, CancellationToken ct) => register.HandleAsync(input, ct);

    public Task<MarketEntityInfo?> FindByCreditCodeAsync(string creditCode, CancellationToken ct) => queries.FindByCreditCodeAsync(creditCode, ct);

    public Task<IReadOnlyList<MarketEntityInfo>> ListAsync(string? search, CancellationToken ct) => queries.ListAsync(search, ct);
}
