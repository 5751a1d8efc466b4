using Xunit;

namespace Ggzy.Cli.Tests;

/// <summary>One in-process run of <c>ggzy</c> with what it wrote.</summary>
internal sealed record CliRun(int ExitCode, string Out, string Error)
{
    public static async Task<CliRun> InvokeAsync(string[] args, string? workingDirectory = null)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await GgzyCli.InvokeAsync(args, CliConsole.Captured(output, error, workingDirectory),
            TestContext.Current.CancellationToken);
        return new CliRun(code, output.ToString(), error.ToString());
    }
}
