namespace Ggzy.Cli.Bids;

/// <summary>
/// Retries what failed for a passing reason (<see cref="BidTransientException"/>) up to <see cref="Retries"/> times in
/// a row, waiting base × 2^(n−1) (capped) with jitter between 50 % and 100 % of it, so that many bidders retrying at
/// the deadline do not come back in step.
/// </summary>
internal sealed class Retrier(int retries, BidTransport transport)
{
    public int Retries => retries;

    public TimeSpan DelayBefore(int attempt)
    {
        var exponential = transport.BackoffBase.TotalMilliseconds * Math.Pow(2, Math.Min(attempt - 1, 30));
        var capped = Math.Min(exponential, transport.BackoffCap.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(capped * (0.5 + Random.Shared.NextDouble() * 0.5));
    }

    public Task WaitAsync(int attempt, CancellationToken ct) => Task.Delay(DelayBefore(attempt), transport.Time, ct);

    public async Task<T> RunAsync<T>(Func<Task<T>> call, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await call();
            }
            catch (BidTransientException) when (attempt <= retries)
            {
                await WaitAsync(attempt, ct);
            }
        }
    }
}
