using System.Diagnostics;
using Ggzy.Platform.Ledger;

namespace Ggzy.Cli.Ledger;

/// <summary>
/// A progress line on the error stream, redrawn in place a few times a second once a verification has run for a
/// moment, and erased when it ends. Drawn only on a terminal, never in JSON mode, so scripts see clean output.
/// </summary>
internal sealed class VerifyProgressLine : IProgress<LedgerVerifierProgress>, IDisposable
{
    private static readonly TimeSpan Delay = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(200);

    private readonly TerminalLine _line;
    private readonly long _started = Stopwatch.GetTimestamp();
    private TimeSpan _drawnAt;

    private VerifyProgressLine(TextWriter error) => _line = new TerminalLine(error);

    public static VerifyProgressLine? Start(CliConsole console, bool enabled) =>
        enabled && console.ErrorIsTerminal ? new VerifyProgressLine(console.Error) : null;

    public void Report(LedgerVerifierProgress value)
    {
        var now = Stopwatch.GetElapsedTime(_started);
        if (now < Delay || now - _drawnAt < Interval)
        {
            return;
        }

        _drawnAt = now;
        var percent = value.Total > 0 ? Math.Min(100, value.Read * 100 / value.Total) : 100;
        var bar = TerminalLine.Bar(percent);
        var line = $"校验账本 {bar} {percent,3}%  {CliOutput.Count(value.Read)} / {CliOutput.Count(value.Total)} 条";
        _line.Draw(line);
    }

    public void Dispose() => _line.Dispose();
}
