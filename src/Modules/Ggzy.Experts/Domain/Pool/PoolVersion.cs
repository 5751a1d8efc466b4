namespace Ggzy.Experts.Domain.Pool;

/// <summary>
/// The pool's change counter: one row, raised in the same transaction as every change to an expert, the specialties
/// held, jobs, relatives, leave or statuses. A node keeps the draw's read of the pool in memory for as long as the
/// counter it read the pool at is current (<c>PoolMemory</c>), so every node sees every change at its next draw.
/// </summary>
internal sealed class PoolVersion
{
    public const int SingletonId = 1;

    public int Id { get; init; }

    public long Value { get; init; }
}
