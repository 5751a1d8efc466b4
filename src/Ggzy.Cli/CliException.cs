namespace Ggzy.Cli;

/// <summary>A failure the operator can fix (usage, configuration, an unreachable database); the message is Chinese.</summary>
public sealed class CliException(string message, Exception? inner = null) : Exception(message, inner);
