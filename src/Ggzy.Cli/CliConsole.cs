namespace Ggzy.Cli;

/// <summary>
/// Where a command writes and reads its configuration from. Tests pass string writers and a directory of their own;
/// progress lines are drawn only when the error stream is a terminal.
/// </summary>
public sealed record CliConsole(TextWriter Out, TextWriter Error, bool ErrorIsTerminal, string WorkingDirectory)
{
    public static CliConsole System =>
        new(Console.Out, Console.Error, !Console.IsErrorRedirected, Directory.GetCurrentDirectory());

    public static CliConsole Captured(TextWriter output, TextWriter error, string? workingDirectory = null) =>
        new(output, error, false, workingDirectory ?? Directory.GetCurrentDirectory());
}
