using System.Data.Common;

namespace Ggzy.Cli;

/// <summary>Turns what the operator can fix into a Chinese message and exit code 1, as text or as JSON.</summary>
internal static class CommandRunner
{
    public static async Task<int> RunAsync(CliConsole console, bool json, Func<Task<int>> command)
    {
        try
        {
            return await command();
        }
        catch (CliException e)
        {
            return await FailAsync(console, json, e.Message);
        }
        catch (Exception e) when (e is DbException or TimeoutException or IOException or UnauthorizedAccessException
                                      or InvalidOperationException or ArgumentException)
        {
            return await FailAsync(console, json, "无法访问数据库：" + e.Message);
        }
    }

    private static async Task<int> FailAsync(CliConsole console, bool json, string message)
    {
        if (json)
        {
            await CliOutput.WriteJsonAsync(console.Out, new { status = "error", message });
        }
        else
        {
            await console.Error.WriteLineAsync("错误：" + message);
        }

        return ExitCodes.Error;
    }
}
