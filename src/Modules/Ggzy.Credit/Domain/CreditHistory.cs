using Ggzy.Credit.Contracts;

namespace Ggzy.Credit.Domain;

/// <summary>
/// One subject's records read as the law means them: each record's history (its chain) ends in its current version,
/// or in a revocation that cancels it; liftings end debarments from their effective instant.
/// </summary>
internal sealed class CreditHistory
{
    private readonly IReadOnlyList<CreditRecord> _records;
    private readonly Dictionary<Guid, CreditRecord> _heads = [];

    public CreditHistory(IEnumerable<CreditRecord> records)
    {
        _records = [.. records];
        var replaced = _records.Where(r => r.RefersToId is not null).Select(r => r.RefersToId!.Value).ToHashSet();
        foreach (var head in _records.Where(r => !replaced.Contains(r.Id)))
        {
            _heads[head.ChainId] = head;
        }
    }

    public IReadOnlyList<CreditRecord> All => _records;

    /// <summary>The current version of every record that has not been revoked.</summary>
    public IEnumerable<CreditRecord> Effective => _heads.Values.Where(h => h.Action != CreditRecordAction.Revocation);

    public CreditRecord? Find(Guid id) => _records.FirstOrDefault(r => r.Id == id);

    public bool IsHead(CreditRecord record) => _heads.TryGetValue(record.ChainId, out var head) && head.Id == record.Id;

    public bool IsRevoked(Guid chainId) => _heads.TryGetValue(chainId, out var head) && head.Action == CreditRecordAction.Revocation;

    public CreditRecordStatus StatusOf(CreditRecord record) =>
        IsRevoked(record.ChainId) ? CreditRecordStatus.Revoked
        : IsHead(record) ? CreditRecordStatus.Current
        : CreditRecordStatus.Corrected;

    /// <summary>
    /// The debarment in force at <paramref name="at"/>: effective, started, not ended by its period or by a lifting in
    /// effect. Of several, the one that runs longest.
    /// </summary>
    public (CreditRecord Record, DateTimeOffset? Until)? DebarmentAt(DateTimeOffset at) =>
        Debarments()
            .Where(d => d.Record.InForceFrom <= at && (d.Until is null || at < d.Until))
            .OrderByDescending(d => d.Until ?? DateTimeOffset.MaxValue)
            .Cast<(CreditRecord, DateTimeOffset?)?>()
            .FirstOrDefault();

    /// <summary>Every effective debarment with the instant it ends (its period or its lifting, whichever is first).</summary>
    public IEnumerable<(CreditRecord Record, DateTimeOffset? Until)> Debarments() =>
        Effective.Where(r => r.Kind == CreditRecordKind.Debarment).Select(d => (d, EndOf(d)));

    private DateTimeOffset? EndOf(CreditRecord debarment)
    {
        var lifted = Effective
            .Where(l => l.Kind == CreditRecordKind.DebarmentLifted && l.LiftsChainId == debarment.ChainId)
            .Select(l => (DateTimeOffset?)l.InForceFrom)
            .Min();
        var until = debarment.InForceUntil;
        return (lifted, until) switch
        {
            (null, _) => until,
            (_, null) => lifted,
            _ => lifted < until ? lifted : until,
        };
    }
}
