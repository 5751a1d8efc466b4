using Ggzy.Cli;

return await GgzyCli.InvokeAsync(args, CliConsole.System);
