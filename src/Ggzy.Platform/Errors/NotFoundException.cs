namespace Ggzy.Platform.Errors;

/// <summary>The thing asked for does not exist, or the caller may not know it exists.</summary>
public sealed class NotFoundException(string message) : Exception(message);
