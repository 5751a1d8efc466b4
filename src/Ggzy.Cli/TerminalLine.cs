namespace Ggzy.Cli;

/// <summary>One line on a terminal's error stream, redrawn in place and erased at the end (progress lines).</summary>
internal sealed class TerminalLine(TextWriter error) : IDisposable
{
    private int _width;

    /// <summary>A 20-cell bar for <paramref name="percent"/> (0–100).</summary>
    public static string Bar(long percent) => new string('█', (int)(percent / 5)).PadRight(20, '░');

    public void Draw(string line)
    {
        // Chinese characters take two cells: erase twice the length.
        _width = Math.Max(_width, line.Length * 2);
        error.Write("\r" + line);
        error.Flush();
    }

    public void Dispose()
    {
        if (_width > 0)
        {
            error.Write("\r" + new string(' ', _width) + "\r");
            error.Flush();
        }
    }
}
