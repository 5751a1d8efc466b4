namespace Ggzy.Cli.Bids;

/// <summary>
/// How the bid commands reach the platform: the HTTP handler, the request timeout and the retry timing. Tests pass a
/// handler that serves the API from memory and misbehaves on purpose, and short delays.
/// </summary>
internal sealed record BidTransport(
    Func<HttpMessageHandler> CreateHandler, TimeSpan RequestTimeout, TimeSpan BackoffBase, TimeSpan BackoffCap, TimeProvider Time)
{
    public static BidTransport Default { get; } = new(
        () => new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(30), PooledConnectionIdleTimeout = TimeSpan.FromMinutes(1) },
        RequestTimeout: TimeSpan.FromMinutes(5),
        BackoffBase: TimeSpan.FromMilliseconds(500),
        BackoffCap: TimeSpan.FromSeconds(10),
        TimeProvider.System);
}
