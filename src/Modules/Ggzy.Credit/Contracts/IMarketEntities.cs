namespace Ggzy.Credit.Contracts;

/// <summary>
/// The registry of market entities (R26): register once, and every module looks the entity up by its
/// 统一社会信用代码 instead of asking it to register again.
/// </summary>
public interface IMarketEntities
{
    /// <summary>Registers an entity, its platform organisation and administrator, with its signed commitment.</summary>
    /// <exception cref="Ggzy.Platform.Errors.InputValidationException">A field is missing or wrong; nothing is stored.</exception>
    /// <exception cref="Ggzy.Platform.Errors.BusinessRuleException">The code is registered already; nothing is stored.</exception>
    Task<MarketEntityInfo> RegisterAsync(RegisterMarketEntityInput input, CancellationToken ct);

    /// <summary>The entity registered under a code (any case, surrounding spaces ignored), or null.</summary>
    Task<MarketEntityInfo?> FindByCreditCodeAsync(string creditCode, CancellationToken ct);

    /// <summary>The public directory, by name; <paramref name="search"/> matches name or code.</summary>
    Task<IReadOnlyList<MarketEntityInfo>> ListAsync(string? search, CancellationToken ct);
}
