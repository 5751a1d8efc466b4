using System.Diagnostics;
using System.Globalization;

namespace Ggzy.Cli.Bids;

/// <summary>
/// The upload's progress on the error stream — percentage, megabytes sent and the rate of this run — redrawn in place
/// a few times a second and erased at the end. Drawn only on a terminal and never in JSON mode.
/// </summary>
internal sealed class UploadProgressLine : IProgress<long>, IDisposable
{
    private const double Megabyte = 1 << 20;
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(200);

    private readonly TerminalLine _line;
    private readonly long _total;
    private readonly long _started = Stopwatch.GetTimestamp();
    private long? _firstReceived;
    private TimeSpan _drawnAt = -Interval;

    private UploadProgressLine(TextWriter error, long total)
    {
        _line = new TerminalLine(error);
        _total = total;
    }

    public static UploadProgressLine? Start(CliConsole console, bool enabled, long total) =>
        enabled && console.ErrorIsTerminal ? new UploadProgressLine(console.Error, total) : null;

    /// <summary>Reports how many bytes the platform holds; the first report is where this run started.</summary>
    public void Report(long value)
    {
        _firstReceived ??= value;
        var now = Stopwatch.GetElapsedTime(_started);
        if (now - _drawnAt < Interval && value < _total)
        {
            return;
        }

        _drawnAt = now;
        var percent = _total > 0 ? Math.Min(100, value * 100 / _total) : 100;
        var bar = TerminalLine.Bar(percent);
        var rate = now.TotalSeconds > 0 ? (value - _firstReceived.Value) / Megabyte / now.TotalSeconds : 0;
        var line = string.Create(CultureInfo.InvariantCulture,
            $"递交投标文件 {bar} {percent,3}%  {value / Megabyte:0.0} / {_total / Megabyte:0.0} MB  {rate:0.0} MB/s");
        _line.Draw(line);
    }

    public void Dispose() => _line.Dispose();
}
